package nl.tafel.meetings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.SeriesDetails;
import nl.tafel.meetings.SeriesId;
import nl.tafel.meetings.SeriesService;
import nl.tafel.meetings.TemplateItem;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.Pickers;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;

/** A meeting series: its defaults and its agenda template, one row per standing item. */
final class SeriesDialog extends Dialog {

    private final Select<SpaceSummary> space = new Select<>();
    private final TextField name = new TextField();
    private final Select<MeetingForm> form = new Select<>();
    private final TextField location = new TextField();
    private final TimePicker start;
    private final IntegerField duration = new IntegerField();
    private final TextField quorum = new TextField();
    private final IntegerField quorumPercent = new IntegerField();
    private final Div rows = new Div();
    private final List<Row> template = new ArrayList<>();

    /** A row of the template; its role (Actielijst, Rondvraag...) stays with it whatever its title becomes. */
    private record Row(TextField title, Select<ItemPurpose> purpose, IntegerField minutes, Checkbox atEnd,
            nl.tafel.meetings.@Nullable ItemRole role) {
        TemplateItem item() {
            return new TemplateItem(title.getValue(), purpose.getValue(),
                    minutes.getValue() == null ? 0 : minutes.getValue(), atEnd.getValue(), role);
        }
    }

    SeriesDialog(SeriesService series, List<SpaceSummary> spaces, @Nullable SeriesDetails existing) {
        setHeaderTitle(getTranslation(existing == null ? "series.new" : "series.edit"));
        setWidth("min(52rem, 95vw)");
        start = Pickers.time(getTranslation("series.start"), getLocale());
        space.setLabel(getTranslation("meetings.space"));
        space.setItems(spaces);
        space.setItemLabelGenerator(SpaceSummary::name);
        space.setId("series-space");
        name.setLabel(getTranslation("series.name"));
        name.setId("series-name");
        form.setLabel(getTranslation("meetings.form"));
        form.setItems(MeetingForm.values());
        form.setItemLabelGenerator(f -> getTranslation(f.translationKey()));
        location.setLabel(getTranslation("meetings.location"));
        duration.setLabel(getTranslation("series.duration"));
        duration.setId("series-duration");
        duration.setStep(15);
        duration.setStepButtonsVisible(true);
        quorum.setLabel(getTranslation("series.quorum"));
        quorum.setHelperText(getTranslation("series.quorum.help"));
        quorumPercent.setLabel(getTranslation("series.quorumPercent"));
        quorumPercent.setHelperText(getTranslation("series.quorumPercent.help"));
        quorumPercent.setMin(1);
        quorumPercent.setMax(100);
        quorumPercent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        quorumPercent.setId("series-quorum-percent");
        FormErrors errors = new FormErrors(this).bind("name", name).bind("location", location)
                .bind("duration", duration).bind("quorum", quorum).bind("quorumPercent", quorumPercent);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
        if (existing == null) {
            layout.add(space, 3);
            if (!spaces.isEmpty()) {
                space.setValue(spaces.getFirst());
            }
        }
        layout.add(name, 3);
        layout.add(form, location, start, duration);
        layout.add(quorum, 2);
        layout.add(quorumPercent);
        add(layout);

        add(new H3(getTranslation("series.template")));
        rows.addClassName("tafel-template-rows");
        rows.setId("series-template");
        add(rows);
        Button addRow = new Button(getTranslation("series.addItem"), VaadinIcon.PLUS.create(),
                e -> addRow(new TemplateItem("", ItemPurpose.DISCUSSION, 10, false)));
        addRow.setId("series-add-item");
        add(addRow);

        if (existing != null) {
            name.setValue(existing.name());
            form.setValue(existing.form());
            location.setValue(existing.location() == null ? "" : existing.location());
            start.setValue(existing.start());
            duration.setValue(existing.durationMinutes());
            quorum.setValue(existing.quorum() == null ? "" : existing.quorum());
            quorumPercent.setValue(existing.quorumPercent());
            existing.template().forEach(this::addRow);
        } else {
            form.setValue(MeetingForm.PHYSICAL);
            start.setValue(LocalTime.of(16, 0));
            duration.setValue(120);
            series.defaultTemplate().forEach(this::addRow);
        }

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                List<TemplateItem> items = template.stream().map(Row::item).toList();
                SeriesId id;
                long version;
                if (existing == null) {
                    if (space.getValue() == null) {
                        space.setInvalid(true);
                        return;
                    }
                    id = series.create(space.getValue().id(), name.getValue(), form.getValue(), location.getValue(),
                            start.getValue(), duration.getValue() == null ? 0 : duration.getValue(),
                            quorum.getValue());
                    version = series.get(id).version();
                } else {
                    id = existing.id();
                    version = existing.version();
                }
                SeriesDetails current = series.get(id);
                series.update(new SeriesDetails(id, current.spaceId(), name.getValue(), form.getValue(),
                        location.getValue(), start.getValue() == null ? current.start() : start.getValue(),
                        duration.getValue() == null ? 0 : duration.getValue(), quorum.getValue(), items, version,
                        quorumPercent.getValue()));
                close();
                Notifications.success(getTranslation("series.saved", name.getValue().strip()));
                UI.getCurrent().getPage().reload();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.setId("series-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void addRow(TemplateItem item) {
        TextField title = new TextField();
        title.setValue(item.title());
        title.setAriaLabel(getTranslation("items.title"));
        title.setPlaceholder(getTranslation("items.title"));
        Select<ItemPurpose> purpose = new Select<>();
        purpose.setItems(ItemPurpose.values());
        purpose.setItemLabelGenerator(p -> getTranslation(p.translationKey()));
        purpose.setValue(item.purpose());
        purpose.setAriaLabel(getTranslation("items.purpose"));
        IntegerField minutes = new IntegerField();
        minutes.setValue(item.minutes());
        minutes.setAriaLabel(getTranslation("items.minutes"));
        minutes.setWidth("6rem");
        Checkbox atEnd = new Checkbox(getTranslation("series.atEnd"), item.atEnd());
        Row row = new Row(title, purpose, minutes, atEnd, item.role());
        template.add(row);
        Div line = new Div();
        line.addClassName("tafel-template-row");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            template.remove(row);
            rows.remove(line);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.ERROR);
        remove.setAriaLabel(getTranslation("series.removeItem"));
        line.add(title, purpose, minutes, atEnd, remove);
        rows.add(line);
    }
}
