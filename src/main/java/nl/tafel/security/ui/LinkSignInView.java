package nl.tafel.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Where an e-mailed activation or reset link lands. The link itself changes nothing (mail scanners open links);
 * the person confirms with a button, which posts the token to Spring Security's one-time-token login.
 */
@Route(value = "login/ott", autoLayout = false)
@AnonymousAllowed
public class LinkSignInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Element form = new Element("form");
    private final Element tokenInput = hidden("token");

    LinkSignInView() {
        addClassName("tafel-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        Div card = new Div();
        card.addClassName("tafel-card");
        card.add(new H1(getTranslation("link.title")), new Paragraph(getTranslation("link.text")));

        form.setAttribute("method", "post");
        form.setAttribute("action", "login/ott");
        form.appendChild(tokenInput);
        CsrfToken csrf = csrfToken();
        if (csrf != null) {
            Element csrfInput = hidden(csrf.getParameterName());
            csrfInput.setAttribute("value", csrf.getToken());
            form.appendChild(csrfInput);
        }
        NativeButton submit = new NativeButton(getTranslation("link.submit"));
        submit.getElement().setAttribute("type", "submit");
        submit.addClassName("tafel-native-primary");
        submit.setId("link-submit");
        form.appendChild(submit.getElement());
        card.getElement().appendChild(form);
        card.add(new Anchor("login", getTranslation("link.backToLogin")));
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token",
                List.of());
        if (token.isEmpty() || token.getFirst().isBlank()) {
            event.forwardTo("login", com.vaadin.flow.router.QueryParameters.of("link-invalid", ""));
            return;
        }
        tokenInput.setAttribute("value", token.getFirst());
    }

    private static Element hidden(String name) {
        Element input = new Element("input");
        input.setAttribute("type", "hidden");
        input.setAttribute("name", name);
        return input;
    }

    private static CsrfToken csrfToken() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return null;
        }
        Object token = request.getHttpServletRequest().getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken csrf ? csrf : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("link.title") + " · " + getTranslation("app.name");
    }
}
