package nl.tafel.meetings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.tafel.meetings.SeriesDetails;
import nl.tafel.meetings.SeriesService;
import nl.tafel.spaces.SpaceSummary;

/** The meeting series of the spaces a person plans in, to add or change them. */
final class SeriesListDialog extends Dialog {

    SeriesListDialog(SeriesService series, List<SpaceSummary> spaces) {
        setHeaderTitle(getTranslation("series.title"));
        setWidth("min(44rem, 95vw)");
        Div list = new Div();
        list.setId("series-list");
        boolean any = false;
        for (SpaceSummary space : spaces) {
            for (SeriesDetails s : series.seriesOf(space.id())) {
                any = true;
                Span name = new Span(s.name());
                name.addClassName("tafel-agenda-title");
                Span facts = new Span(space.name() + " · " + getTranslation(s.form().translationKey()) + " · "
                        + DateTimeFormatter.ofPattern("HH:mm").format(s.start()) + " · "
                        + getTranslation("agenda.minutesShort", s.durationMinutes()));
                facts.addClassName("tafel-muted");
                Button edit = new Button(getTranslation("series.edit"), VaadinIcon.EDIT.create(), e -> {
                    close();
                    new SeriesDialog(series, spaces, series.get(s.id())).open();
                });
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                Div row = new Div(new Div(name), facts, edit);
                row.addClassName("tafel-meeting-row");
                list.add(row);
            }
        }
        if (!any) {
            list.add(new Paragraph(getTranslation("series.none")));
        }
        add(new Paragraph(getTranslation("series.intro")), list);
        Button create = new Button(getTranslation("series.new"), VaadinIcon.PLUS.create(), e -> {
            close();
            new SeriesDialog(series, spaces, null).open();
        });
        create.setId("series-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), create);
    }
}
