package nl.tafel.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** Shown instead of a stack trace when opening a page fails. */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();

    public ErrorView() {
        addClassName("tafel-error-view");
        add(title, text, new Anchor("", getTranslation("error.backHome")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception e = parameter.getCaughtException();
        if (e instanceof AccessDeniedException) {
            title.setText(getTranslation("error.accessDenied.title"));
            text.setText(getTranslation("error.accessDenied"));
            return HttpServletResponse.SC_FORBIDDEN;
        }
        title.setText(getTranslation("error.title"));
        text.setText(TafelErrorHandler.messageFor(event.getUI(), e));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
