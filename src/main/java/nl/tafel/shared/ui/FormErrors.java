package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.tafel.shared.FieldException;

/** Shows a service's field refusal on the matching form field, translated. */
public final class FormErrors {

    private final Component context;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FormErrors(Component context) {
        this.context = context;
    }

    public FormErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks the field; when no field matches, shows the message as a notification. */
    public void show(FieldException e) {
        String message = context.getTranslation(e.messageKey(), e.arguments());
        HasValidation field = fields.get(e.field());
        if (field == null) {
            Notifications.error(message);
            return;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
