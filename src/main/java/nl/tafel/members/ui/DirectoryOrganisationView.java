package nl.tafel.members.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import nl.tafel.members.DirectoryNotFoundException;
import nl.tafel.members.DirectoryOrganisation;
import nl.tafel.members.DirectoryService;
import nl.tafel.shared.ui.ViewHeader;

/** An organisation (koepel) in the directory: its short profile, its people and the spaces they take part in. */
@Route("ledengids/organisaties/:organisationId")
@PermitAll
class DirectoryOrganisationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        nl.tafel.shared.ui.MainLayout.HasViewTitle {

    private final DirectoryService directory;
    private String title;

    DirectoryOrganisationView(DirectoryService directory) {
        this.directory = directory;
        this.title = getTranslation("directory.title");
        addClassName("tafel-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            long id = event.getRouteParameters().get("organisationId").map(Long::parseLong)
                    .orElseThrow(DirectoryNotFoundException::new);
            render(directory.organisation(id));
        } catch (DirectoryNotFoundException | NumberFormatException e) {
            DirectoryCards.notFound(this);
        }
    }

    private void render(DirectoryOrganisation o) {
        title = o.name();
        add(new RouterLink(getTranslation("directory.back"), DirectoryView.class));
        add(new ViewHeader(o.name(), ""));
        Div profile = new Div();
        profile.addClassName("tafel-card");
        if (o.descriptionHtml() != null) {
            Div description = new Div();
            // sanitized by the service (Markdown rendered, then jsoup's allow-list)
            description.getElement().setProperty("innerHTML", o.descriptionHtml());
            description.setId("directory-organisation-description");
            profile.add(description);
        }
        if (o.website() != null) {
            Anchor site = new Anchor(o.website(), o.website(), AnchorTarget.BLANK);
            site.getElement().setAttribute("rel", "noopener noreferrer");
            site.setId("directory-organisation-website");
            profile.add(new Div(site));
        }
        if (profile.getChildren().findAny().isPresent()) {
            add(profile);
        }

        add(new H2(getTranslation("directory.organisation.people")));
        if (o.people().isEmpty()) {
            add(muted(getTranslation("directory.organisation.noPeople"), "directory-organisation-no-people"));
        } else {
            Div cards = new Div();
            cards.addClassName("tafel-cards");
            cards.setId("directory-organisation-people");
            o.people().forEach(c -> cards.add(DirectoryCards.card(c)));
            add(cards);
        }

        add(new H2(getTranslation("directory.organisation.spaces")));
        if (o.spaces().isEmpty()) {
            add(muted(getTranslation("directory.organisation.noSpaces"), "directory-organisation-no-spaces"));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("directory-organisation-spaces");
            o.spaces().forEach(s -> list.add(new ListItem(new Anchor(s.path(), s.name()))));
            add(list);
        }
        if (o.otherSpaces() > 0) {
            add(muted(getTranslation("directory.organisation.otherSpaces", o.otherSpaces()),
                    "directory-organisation-other-spaces"));
        }
    }

    private static Paragraph muted(String text, String id) {
        Paragraph p = new Paragraph(text);
        p.addClassName("tafel-muted");
        p.setId(id);
        return p;
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
