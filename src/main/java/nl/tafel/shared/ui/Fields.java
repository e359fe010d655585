package nl.tafel.shared.ui;

import static com.vaadin.flow.i18n.I18NProvider.translate;

import com.vaadin.flow.component.textfield.EmailField;

/** Form fields with their built-in validation messages translated. */
public final class Fields {

    private Fields() {
    }

    public static EmailField email(String label) {
        EmailField field = new EmailField(label);
        field.setMaxLength(254);
        field.setI18n(new EmailField.EmailFieldI18n()
                .setRequiredErrorMessage(translate("validation.email.required"))
                .setPatternErrorMessage(translate("validation.email.invalid"))
                .setMaxLengthErrorMessage(translate("validation.tooLong", 254)));
        return field;
    }
}
