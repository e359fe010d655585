package nl.tafel.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A translated "page not found" (also what a person sees for a page they may not open). */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        Div box = new Div(new H2(getTranslation("error.notFound.title")),
                new Paragraph(getTranslation("error.notFound.text")),
                new Anchor("", getTranslation("error.backHome")));
        box.addClassName("tafel-error-view");
        getElement().appendChild(box.getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
