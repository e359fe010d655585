package nl.tafel.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A page behind a signed link in a mail (answering an invitation, reporting on actions): one card on the sign-in
 * background, without the menu, and a clear refusal when the link cannot be used.
 */
public abstract class LinkPage extends VerticalLayout {

    protected final Div card = new Div();

    protected LinkPage(String cardId, String cardClass) {
        addClassName("tafel-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        card.addClassNames("tafel-card", cardClass);
        card.setId(cardId);
        add(card);
    }

    /** Replaces the card with the page title, the (translated) reason and the way to sign in. */
    protected void refused(String titleKey, String messageKey) {
        card.removeAll();
        card.add(new H1(getTranslation(titleKey)));
        card.add(message(getTranslation(messageKey), "tafel-badge-error"));
        card.add(new Anchor("login", getTranslation("rsvp.signIn")));
    }

    protected static Paragraph message(String text, String variant) {
        Paragraph p = new Paragraph(text);
        p.setId("link-message");
        p.addClassNames("tafel-rsvp-message", variant);
        return p;
    }
}
