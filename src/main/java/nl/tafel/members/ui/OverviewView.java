package nl.tafel.members.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.members.AppRole;
import nl.tafel.members.GroupService;
import nl.tafel.members.GroupSummary;
import nl.tafel.members.MyProfile;
import nl.tafel.members.ProfileService;
import nl.tafel.shared.ui.OverviewSection;
import nl.tafel.shared.ui.ViewHeader;

/** The start page: the person's groups and where to go next. */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.overview", icon = "vaadin:home")
class OverviewView extends VerticalLayout implements HasDynamicTitle {

    OverviewView(ProfileService profiles, GroupService groups, List<OverviewSection> sections) {
        addClassName("tafel-view");
        MyProfile me = profiles.me();
        add(new ViewHeader(getTranslation("overview.welcome", firstName(me.fullName())),
                getTranslation("overview.intro")));

        sections.stream().sorted(java.util.Comparator.comparingInt(OverviewSection::order))
                .forEach(section -> add(section.create()));

        H2 groupsTitle = new H2(getTranslation("overview.myGroups"));
        add(groupsTitle);
        List<GroupSummary> mine = groups.myGroups();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("overview.noGroups")));
        }
        Div cards = new Div();
        cards.addClassName("tafel-cards");
        cards.setId("my-groups");
        for (GroupSummary group : mine) {
            Div card = new Div();
            card.addClassName("tafel-card");
            Span kind = new Span(getTranslation(group.kind().translationKey()));
            kind.addClassName("tafel-badge");
            card.add(kind, new H3(group.name()));
            if (group.description() != null) {
                card.add(new Paragraph(group.description()));
            }
            Paragraph facts = new Paragraph(getTranslation("overview.groupFacts",
                    getTranslation(group.myRole().translationKey()), group.members()));
            facts.addClassName("tafel-muted");
            card.add(facts);
            cards.add(card);
        }
        add(cards);

        if (me.role() == AppRole.ADMINISTRATOR) {
            add(new H2(getTranslation("overview.admin")));
            Div links = new Div(new Anchor("beheer/leden", getTranslation("nav.people")),
                    new Anchor("beheer/organisaties", getTranslation("nav.organisations")),
                    new Anchor("beheer/e-mail", getTranslation("nav.mail")),
                    new Anchor("beheer/opslag", getTranslation("nav.storage")));
            links.addClassName("tafel-link-list");
            add(links);
        }
    }

    private static String firstName(String fullName) {
        int space = fullName.indexOf(' ');
        return space > 0 ? fullName.substring(0, space) : fullName;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.overview") + " · " + getTranslation("app.name");
    }
}
