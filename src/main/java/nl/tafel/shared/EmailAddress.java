package nl.tafel.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** A normalised (trimmed, lower-case) e-mail address; {@link #parse} refuses what cannot be one. */
public record EmailAddress(String value) {

    // Deliberately practical: a local part, one @, a domain with a dot; no spaces or angle brackets.
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        if (!isValid(value)) {
            throw new FieldException("email", "validation.email.invalid");
        }
    }

    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new FieldException("email", "validation.email.required");
        }
        return new EmailAddress(raw.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && !value.contains("..")
                && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
