package nl.tafel.shared.ui;

import static com.vaadin.flow.i18n.I18NProvider.translate;

import com.vaadin.flow.component.textfield.PasswordField;

/** A new password typed twice, with the password rule as helper text. */
public final class NewPassword {

    private final PasswordField password = new PasswordField(translate("profile.newPassword"));
    private final PasswordField repeat = new PasswordField(translate("profile.repeatPassword"));

    public NewPassword(String passwordId, String repeatId, int minLength) {
        password.setHelperText(translate("validation.password.rule", minLength));
        password.setId(passwordId);
        repeat.setId(repeatId);
    }

    public PasswordField password() {
        return password;
    }

    public PasswordField repeat() {
        return repeat;
    }

    public String value() {
        return password.getValue();
    }

    /** Clears an earlier mismatch; when the two differ, marks the repeat field and answers false. */
    public boolean matches() {
        repeat.setInvalid(false);
        if (password.getValue().equals(repeat.getValue())) {
            return true;
        }
        repeat.setErrorMessage(translate("validation.password.mismatch"));
        repeat.setInvalid(true);
        return false;
    }

    public void clear() {
        password.clear();
        repeat.clear();
    }

    public void setWidthFull() {
        password.setWidthFull();
        repeat.setWidthFull();
    }
}
