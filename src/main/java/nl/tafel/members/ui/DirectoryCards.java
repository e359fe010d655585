package nl.tafel.members.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import nl.tafel.members.DirectoryCard;

/** A person's card in the directory: photo or initials, name (a link to their page), function and organisation. */
final class DirectoryCards {

    private DirectoryCards() {
    }

    /** What a person or organisation page shows for an unknown or invisible id. */
    static void notFound(com.vaadin.flow.component.orderedlayout.VerticalLayout view) {
        view.add(new nl.tafel.shared.ui.ViewHeader(view.getTranslation("directory.title"), ""));
        com.vaadin.flow.component.html.Paragraph gone = new com.vaadin.flow.component.html.Paragraph(
                view.getTranslation("directory.error.notFound"));
        gone.setId("directory-not-found");
        view.add(gone, new com.vaadin.flow.router.RouterLink(view.getTranslation("directory.back"),
                DirectoryView.class));
    }

    static Component card(DirectoryCard c) {
        Avatar avatar = new Avatar(c.name());
        if (c.photoUrl() != null) {
            avatar.setImage(c.photoUrl());
        }
        RouterLink name = new RouterLink(c.name(), DirectoryPersonView.class,
                new RouteParameters("personId", String.valueOf(c.id().value())));
        name.addClassName("directory-card-name");
        Div text = new Div(name);
        text.addClassName("directory-card-text");
        if (c.function() != null) {
            Span function = new Span(c.function());
            function.addClassName("tafel-muted");
            text.add(new Div(function));
        }
        if (c.organisationId() != null && c.organisationName() != null) {
            RouterLink org = new RouterLink(c.organisationName(), DirectoryOrganisationView.class,
                    new RouteParameters("organisationId", String.valueOf(c.organisationId())));
            org.addClassName("tafel-muted");
            text.add(new Div(org));
        }
        Div card = new Div(avatar, text);
        card.addClassNames("tafel-card", "directory-card");
        card.setId("directory-card-" + c.id().value());
        return card;
    }
}
