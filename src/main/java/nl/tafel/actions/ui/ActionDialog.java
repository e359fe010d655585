package nl.tafel.actions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import nl.tafel.actions.ActionDraft;
import nl.tafel.actions.ActionOwner;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.Pickers;
import nl.tafel.spaces.SpaceMember;
import org.jspecify.annotations.Nullable;

/**
 * Agrees a new action under an agenda item, or changes one: what, who (members of the space, and outsiders by
 * name), and when it is due. A due date in the past is allowed with a warning.
 */
public class ActionDialog extends Dialog {

    public ActionDialog(ActionService actions, List<SpaceMember> members, MeetingId meeting, AgendaItemId item,
            @Nullable ActionView existing, Consumer<ActionView> saved) {
        setHeaderTitle(getTranslation(existing == null ? "actions.new" : "actions.edit"));
        setWidth("min(36rem, 95vw)");
        TextArea description = new TextArea(getTranslation("actions.description"));
        description.setId("action-description");
        description.setMaxLength(1000);
        MultiSelectComboBox<SpaceMember> owners = new MultiSelectComboBox<>(getTranslation("actions.owners"));
        owners.setItems(members);
        owners.setItemLabelGenerator(SpaceMember::name);
        owners.setId("action-owners");
        TextField outsiders = new TextField(getTranslation("actions.outsiders"));
        outsiders.setHelperText(getTranslation("actions.outsiders.help"));
        outsiders.setId("action-outsiders");
        DatePicker due = Pickers.date(getTranslation("actions.due"), getLocale());
        due.setId("action-due");
        if (existing != null) {
            description.setValue(existing.description());
            owners.setValue(members.stream().filter(m -> existing.owners().stream()
                    .anyMatch(o -> m.personId().equals(o.personId()))).toList());
            outsiders.setValue(String.join(", ", existing.owners().stream().filter(o -> o.personId() == null)
                    .map(ActionOwner::name).toList()));
            due.setValue(existing.due());
        }
        FormErrors errors = new FormErrors(this).bind("description", description).bind("owners", owners);
        FormLayout form = new FormLayout(description, owners, outsiders, due);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            List<ActionOwner> who = new ArrayList<>();
            owners.getValue().forEach(m -> who.add(new ActionOwner(m.personId(), m.name())));
            Arrays.stream(outsiders.getValue().split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(name -> who.add(new ActionOwner(null, name)));
            ActionDraft draft = new ActionDraft(description.getValue(), who, due.getValue());
            try {
                List<String> warnings;
                ActionView result;
                if (existing == null) {
                    ActionService.Created created = actions.create(meeting, item, draft);
                    warnings = created.warnings();
                    result = created.action();
                } else {
                    warnings = actions.update(existing.id(), draft, existing.version());
                    result = actions.get(existing.id());
                }
                close();
                Notifications.success(getTranslation("actions.saved", result.number()));
                warnings.forEach(w -> Notifications.warning(getTranslation(w)));
                saved.accept(result);
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("action-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
