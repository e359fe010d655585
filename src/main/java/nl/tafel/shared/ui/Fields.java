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

    /**
     * A text field with a length limit that is shown, not enforced by cutting: a counter under the field, and a
     * message when the text is longer than the limit (the service refuses it too). Nothing typed is cut off.
     */
    public static com.vaadin.flow.component.textfield.TextField limit(
            com.vaadin.flow.component.textfield.TextField field, int max) {
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        Runnable update = () -> {
            int length = field.getValue() == null ? 0 : field.getValue().length();
            field.setHelperText(field.getTranslation("validation.counter", length, max));
            if (length > max) {
                field.setErrorMessage(field.getTranslation("validation.tooLongBy", max, length - max));
                field.setInvalid(true);
            } else if (field.isInvalid() && "limit".equals(field.getElement().getProperty("tafelInvalid", ""))) {
                field.setInvalid(false);
            }
            field.getElement().setProperty("tafelInvalid", length > max ? "limit" : "");
        };
        field.addValueChangeListener(e -> update.run());
        update.run();
        return field;
    }
}
