package nl.tafel.meetings;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The open actions under a meeting's "Actielijst" item (by its role), as the meeting page and the prepare view show
 * them: number, text, owners, due date, status and the last progress note.
 */
public final class OpenActionsList extends Div {

    public OpenActionsList(AgendaItemView item, List<OpenActions.OpenAction> actions) {
        setId("agenda-open-actions");
        addClassName("tafel-open-actions");
        add(new H3(getTranslation("agenda.openActions.title", item.number(), item.title())));
        if (actions.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("agenda.openActions.none"));
            none.addClassName("tafel-muted");
            add(none);
            return;
        }
        Grid<OpenActions.OpenAction> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.addColumn(OpenActions.OpenAction::number).setHeader(getTranslation("agenda.openActions.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OpenActions.OpenAction::text).setHeader(getTranslation("agenda.openActions.text"))
                .setFlexGrow(3);
        grid.addColumn(OpenActions.OpenAction::owners).setHeader(getTranslation("agenda.openActions.owners"))
                .setFlexGrow(1);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(a -> a.due() == null ? "–" : day.format(a.due()))
                .setHeader(getTranslation("agenda.openActions.due")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation(a.statusKey())).setHeader(getTranslation("agenda.openActions.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.lastNote() == null ? "" : a.lastNote())
                .setHeader(getTranslation("agenda.openActions.lastNote")).setFlexGrow(2);
        grid.setItems(actions);
        add(grid);
    }
}
