package nl.tafel.members.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import nl.tafel.members.DirectoryNotFoundException;
import nl.tafel.members.DirectoryProfile;
import nl.tafel.members.DirectoryService;
import nl.tafel.shared.PersonId;

/** A person's page in the directory, with only what the service lets the viewer see. */
@Route("ledengids/personen/:personId")
@PermitAll
class DirectoryPersonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        nl.tafel.shared.ui.MainLayout.HasViewTitle {

    private final DirectoryService directory;
    private String title;

    DirectoryPersonView(DirectoryService directory) {
        this.directory = directory;
        this.title = getTranslation("directory.title");
        addClassName("tafel-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            long id = event.getRouteParameters().get("personId").map(Long::parseLong)
                    .orElseThrow(DirectoryNotFoundException::new);
            render(directory.person(PersonId.of(id)));
        } catch (DirectoryNotFoundException | NumberFormatException e) {
            DirectoryCards.notFound(this);
        }
    }

    private void render(DirectoryProfile p) {
        title = p.name();
        add(new RouterLink(getTranslation("directory.back"), DirectoryView.class));
        Avatar avatar = new Avatar(p.name());
        avatar.addThemeVariants(AvatarVariant.LUMO_XLARGE);
        if (p.photoUrl() != null) {
            avatar.setImage(p.photoUrl());
        }
        avatar.setId("directory-person-photo");
        H2 name = new H2(p.name());
        name.setId("directory-person-name");
        Div head = new Div(avatar, name);
        head.addClassName("directory-person-head");
        Div card = new Div(head);
        card.addClassNames("tafel-card", "directory-person");
        line(card, "person.function", p.function(), "directory-person-function");
        if (p.organisationId() != null && p.organisationName() != null) {
            RouterLink org = new RouterLink(p.organisationName(), DirectoryOrganisationView.class,
                    new RouteParameters("organisationId", String.valueOf(p.organisationId())));
            org.setId("directory-person-organisation");
            card.add(labelled("person.organisation", org));
        }
        if (p.email() != null) {
            Anchor mail = new Anchor("mailto:" + p.email(), p.email());
            mail.setId("directory-person-email");
            card.add(labelled("person.email", mail));
        }
        if (p.phone() != null) {
            Anchor phone = new Anchor("tel:" + p.phone().replaceAll("[^+0-9]", ""), p.phone());
            phone.setId("directory-person-phone");
            card.add(labelled("person.phone", phone));
        }
        if (p.bioHtml() != null) {
            Div bio = new Div();
            // sanitized by the service (Markdown rendered, then jsoup's allow-list)
            bio.getElement().setProperty("innerHTML", p.bioHtml());
            bio.setId("directory-person-bio");
            bio.addClassName("directory-bio");
            card.add(bio);
        }
        if (p.mine()) {
            RouterLink edit = new RouterLink(getTranslation("directory.person.edit"), ProfileView.class);
            edit.setId("directory-person-edit");
            card.add(new Div(edit));
        }
        add(card);
    }

    private void line(Div card, String labelKey, String value, String id) {
        if (value != null) {
            Span text = new Span(value);
            text.setId(id);
            card.add(labelled(labelKey, text));
        }
    }

    private Div labelled(String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("tafel-muted");
        Div row = new Div(label, value);
        row.addClassName("directory-field");
        return row;
    }

    /** The top bar names the directory, as on its search page. */
    @Override
    public String viewTitle() {
        return getTranslation("directory.nav");
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
