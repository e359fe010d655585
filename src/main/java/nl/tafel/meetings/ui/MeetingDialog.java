package nl.tafel.meetings.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.util.List;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingService;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.Pickers;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;

/** Plans a meeting, or changes one: title, date and times (Amsterdam time), form, place or link, chair, notulist. */
final class MeetingDialog extends Dialog {

    private final Select<SpaceSummary> space = new Select<>();
    private final Select<nl.tafel.meetings.SeriesDetails> seriesSelect = new Select<>();
    private final TextField title = new TextField();
    private final DatePicker date;
    private final TimePicker start;
    private final TimePicker end;
    private final Select<MeetingForm> form = new Select<>();
    private final TextField location = new TextField();
    private final TextField joinUrl = new TextField();
    private final ComboBox<SpaceMember> chair = new ComboBox<>();
    private final ComboBox<SpaceMember> minuteTaker = new ComboBox<>();
    private final FormErrors errors = new FormErrors(this);
    /** For a new meeting: record one that took place before Tafel ("archief"), with a date in the past. */
    private final com.vaadin.flow.component.checkbox.Checkbox archive = new com.vaadin.flow.component.checkbox.Checkbox();

    MeetingDialog(MeetingService meetings, SpaceService spaces, nl.tafel.meetings.SeriesService series,
            @Nullable MeetingDetails existing) {
        setHeaderTitle(getTranslation(existing == null ? "meetings.new" : "meetings.edit"));
        setWidth("min(44rem, 95vw)");
        date = Pickers.date(getTranslation("meetings.date"), getLocale());
        start = Pickers.time(getTranslation("meetings.start"), getLocale());
        end = Pickers.time(getTranslation("meetings.end"), getLocale());
        date.setId("meeting-date");
        start.setId("meeting-start");
        end.setId("meeting-end");
        title.setLabel(getTranslation("meetings.title"));
        title.setId("meeting-title");
        nl.tafel.shared.ui.Fields.limit(title, 200);
        form.setLabel(getTranslation("meetings.form"));
        form.setItems(MeetingForm.values());
        form.setItemLabelGenerator(f -> getTranslation(f.translationKey()));
        form.setValue(MeetingForm.PHYSICAL);
        form.setId("meeting-form");
        location.setLabel(getTranslation("meetings.location"));
        location.setId("meeting-location");
        joinUrl.setLabel(getTranslation("meetings.joinUrl"));
        joinUrl.setId("meeting-link");
        joinUrl.setPlaceholder("https://teams.microsoft.com/…");
        chair.setLabel(getTranslation("meetings.chair"));
        minuteTaker.setLabel(getTranslation("meetings.minuteTaker"));
        for (ComboBox<SpaceMember> person : List.of(chair, minuteTaker)) {
            person.setItemLabelGenerator(SpaceMember::name);
            person.setClearButtonVisible(true);
        }
        form.addValueChangeListener(e -> {
            joinUrl.setVisible(e.getValue() != MeetingForm.PHYSICAL);
            location.setVisible(e.getValue() != MeetingForm.ONLINE);
        });
        joinUrl.setVisible(false);
        errors.bind("title", title).bind("date", date).bind("start", start).bind("end", end)
                .bind("location", location).bind("joinUrl", joinUrl);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
        if (existing == null) {
            space.setLabel(getTranslation("meetings.space"));
            space.setId("meeting-space");
            List<SpaceSummary> options = meetings.spacesToPlanIn();
            space.setItems(options);
            space.setItemLabelGenerator(SpaceSummary::name);
            seriesSelect.setLabel(getTranslation("series.one"));
            seriesSelect.setId("meeting-series-select");
            seriesSelect.setEmptySelectionAllowed(true);
            seriesSelect.setEmptySelectionCaption(getTranslation("series.noneChosen"));
            seriesSelect.setItemLabelGenerator(s -> s == null ? getTranslation("series.noneChosen") : s.name());
            seriesSelect.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    prefill(e.getValue());
                }
            });
            space.addValueChangeListener(e -> {
                members(spaces, e.getValue() == null ? List.of() : spaces.members(e.getValue().id()));
                seriesSelect.setItems(e.getValue() == null ? List.of() : series.seriesOf(e.getValue().id()));
            });
            if (!options.isEmpty()) {
                space.setValue(options.getFirst());
            }
            layout.add(space, 2);
            layout.add(seriesSelect, 1);
            archive.setLabel(getTranslation("meetings.archive.record"));
            archive.setHelperText(getTranslation("meetings.archive.help"));
            archive.setId("meeting-archive-record");
            layout.add(archive, 3);
        } else {
            members(spaces, spaces.members(existing.spaceId()));
        }
        layout.add(title, 3);
        layout.add(date, start, end);
        layout.add(form, 1);
        layout.add(location, 2);
        layout.add(joinUrl, 2);
        layout.add(chair, minuteTaker);
        add(layout);

        if (existing != null) {
            MeetingDraft d = existing.draft();
            title.setValue(d.title());
            date.setValue(d.date());
            start.setValue(d.start());
            end.setValue(d.end());
            form.setValue(d.form());
            location.setValue(d.location() == null ? "" : d.location());
            joinUrl.setValue(d.joinUrl() == null ? "" : d.joinUrl());
            select(chair, d.chair());
            select(minuteTaker, d.minuteTaker());
        }

        Button save = new Button(getTranslation(existing == null ? "meetings.create" : "action.save"), e -> {
            errors.clear();
            MeetingDraft draft = new MeetingDraft(title.getValue(), date.getValue(), start.getValue(), end.getValue(),
                    form.getValue(), location.getValue(), joinUrl.getValue(),
                    chair.getValue() == null ? null : chair.getValue().personId(),
                    minuteTaker.getValue() == null ? null : minuteTaker.getValue().personId());
            try {
                MeetingService.Saved saved;
                if (existing == null) {
                    if (space.getValue() == null) {
                        space.setErrorMessage(getTranslation("meetings.chooseSpace"));
                        space.setInvalid(true);
                        return;
                    }
                    nl.tafel.meetings.SeriesId chosen = seriesSelect.getValue() == null ? null
                            : seriesSelect.getValue().id();
                    saved = archive.getValue() ? meetings.createArchived(space.getValue().id(), draft, chosen)
                            : meetings.create(space.getValue().id(), draft, chosen);
                } else {
                    saved = meetings.update(existing.id(), draft, existing.version());
                }
                close();
                Notifications.success(getTranslation(existing == null ? "meetings.created" : "meetings.saved",
                        title.getValue().strip()));
                saved.warnings().forEach(w -> Notifications.warning(getTranslation(w)));
                UI.getCurrent().navigate(MeetingView.path(saved.id()));
                if (existing != null) {
                    UI.getCurrent().getPage().reload();
                }
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.setId("meeting-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** A series fills in its defaults: the title, form, place and times. */
    private void prefill(nl.tafel.meetings.SeriesDetails s) {
        title.setValue(s.name());
        form.setValue(s.form());
        location.setValue(s.location() == null ? "" : s.location());
        start.setValue(s.start());
        end.setValue(s.start().plusMinutes(s.durationMinutes()));
    }

    private void members(SpaceService spaces, List<SpaceMember> list) {
        chair.setItems(list);
        minuteTaker.setItems(list);
    }

    private static void select(ComboBox<SpaceMember> box, nl.tafel.shared.@Nullable PersonId id) {
        if (id != null) {
            box.getListDataView().getItems().filter(m -> m.personId().equals(id)).findFirst()
                    .ifPresent(box::setValue);
        }
    }
}
