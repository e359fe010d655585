package nl.tafel.spaces.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import nl.tafel.spaces.SpaceSummary;

/** Spaces as cards, with what changed since the person's last visit; used by the spaces page and the overview. */
final class SpaceCards extends Div {

    SpaceCards(List<SpaceSummary> spaces) {
        addClassName("tafel-cards");
        setId("my-spaces");
        for (SpaceSummary space : spaces) {
            add(card(space));
        }
    }

    private Div card(SpaceSummary space) {
        Div card = new Div();
        card.addClassName("tafel-card");
        card.addClassName("tafel-space-card");
        Span role = new Span(getTranslation(space.myRole().translationKey()));
        role.addClassName("tafel-badge");
        card.add(role);
        if (space.archived()) {
            Span archived = new Span(getTranslation("spaces.archived"));
            archived.addClassNames("tafel-badge", "tafel-badge-muted");
            card.add(archived);
        }
        Anchor title = new Anchor(SpaceView.path(space.id(), null), space.name());
        title.addClassName("tafel-card-link");
        card.add(new H3(title));
        if (space.description() != null) {
            Paragraph description = new Paragraph(space.description());
            description.addClassName("tafel-card-description");
            card.add(description);
        }
        Paragraph changes = new Paragraph();
        changes.addClassName("tafel-space-changes");
        if (space.changedSinceVisit() == 0) {
            changes.setText(getTranslation("spaces.changes.none"));
            changes.addClassName("tafel-muted");
            card.add(changes);
        } else {
            changes.setText(getTranslation(space.lastVisit() == null ? "spaces.changes.countFirst"
                    : "spaces.changes.count", space.changedSinceVisit()));
            changes.addClassName("tafel-space-changes-new");
            UnorderedList recent = new UnorderedList();
            recent.addClassName("tafel-space-recent");
            space.recentlyChanged().forEach(name -> recent.add(new ListItem(name)));
            card.add(changes, recent);
        }
        Paragraph facts = new Paragraph(getTranslation("spaces.members", space.members()));
        facts.addClassName("tafel-muted");
        card.add(facts);
        return card;
    }
}
