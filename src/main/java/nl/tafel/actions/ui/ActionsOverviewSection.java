package nl.tafel.actions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.OverviewSection;

/** "Mijn acties" on the start page: the person's open actions, overdue ones marked, with a link to the list. */
@org.springframework.stereotype.Component
class ActionsOverviewSection implements OverviewSection {

    private static final int SHOWN = 5;

    private final ActionService actions;

    ActionsOverviewSection(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public Component create() {
        Div section = new Div();
        section.setWidthFull();
        List<ActionView> mine = actions.mine();
        if (mine.isEmpty()) {
            return section;
        }
        section.add(new H2(section.getTranslation("actions.mine")));
        UnorderedList list = new UnorderedList();
        list.setId("my-actions");
        list.addClassName("tafel-next-meetings");
        var locale = UI.getCurrent().getLocale();
        for (ActionView a : mine.subList(0, Math.min(SHOWN, mine.size()))) {
            ListItem item = new ListItem(new Span(a.number() + " " + a.description()));
            if (a.due() != null) {
                Span due = new Span(a.overdue() ? section.getTranslation("actions.overdue", Formats.date(a.due(),
                        locale)) : " · " + section.getTranslation("actions.dueOn", Formats.date(a.due(), locale)));
                if (a.overdue()) {
                    due.addClassNames("tafel-badge", "tafel-badge-error");
                }
                item.add(new Span(" "), due);
            }
            list.add(item);
        }
        section.add(list);
        section.add(new Anchor("acties", mine.size() > SHOWN
                ? section.getTranslation("actions.allMine", mine.size()) : section.getTranslation("actions.toList")));
        return section;
    }
}
