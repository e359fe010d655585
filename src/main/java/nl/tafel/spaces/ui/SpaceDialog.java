package nl.tafel.spaces.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;

/** Creates a space, or renames, describes and archives one. */
class SpaceDialog extends Dialog {

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Checkbox archived = new Checkbox();
    private final FormErrors errors = new FormErrors(this);

    SpaceDialog(SpaceService spaces, @Nullable SpaceDetails existing) {
        setHeaderTitle(getTranslation(existing == null ? "spaces.create" : "spaces.settings"));
        setWidth("min(36rem, 95vw)");
        name.setLabel(getTranslation("spaces.name"));
        name.setId("space-name");
        name.setRequired(true);
        name.setMaxLength(120);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> NameProblems.show(name, DocumentNames.check(e.getValue())));
        name.setHelperText(getTranslation("spaces.name.help"));
        description.setLabel(getTranslation("spaces.description"));
        description.setId("space-description");
        description.setMaxLength(2000);
        description.setHelperText(getTranslation("spaces.description.help"));
        archived.setLabel(getTranslation("spaces.archive"));
        archived.setId("space-archived");
        errors.bind("name", name).bind("description", description);
        FormLayout form = new FormLayout(name, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (existing != null) {
            name.setValue(existing.name());
            description.setValue(existing.description() == null ? "" : existing.description());
            archived.setValue(existing.archived());
            form.add(archived);
        }
        add(form);

        Button save = new Button(getTranslation(existing == null ? "spaces.create.submit" : "action.save"), e -> {
            errors.clear();
            try {
                if (existing == null) {
                    SpaceId id = spaces.create(name.getValue(), description.getValue());
                    close();
                    Notifications.success(getTranslation("spaces.created", name.getValue().strip()));
                    UI.getCurrent().navigate(SpaceView.path(id, null));
                } else {
                    spaces.update(existing.id(), name.getValue(), description.getValue(), existing.version());
                    if (archived.getValue() != existing.archived()) {
                        spaces.setArchived(existing.id(), archived.getValue());
                    }
                    close();
                    Notifications.success(getTranslation("spaces.saved"));
                    UI.getCurrent().getPage().reload();
                }
            } catch (FieldException ex) {
                errors.show(ex);
            }
        });
        save.setId("save-space");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
