package nl.tafel.members;

import java.nio.charset.StandardCharsets;
import nl.tafel.shared.FieldException;

/** The password rule: at least 10 characters, at most 64 (bcrypt reads 72 bytes), not only spaces. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;

    private Passwords() {
    }

    public static String check(String field, String password) {
        if (password == null || password.isBlank()) {
            throw new FieldException(field, "validation.required");
        }
        if (password.length() < MIN_LENGTH) {
            throw new FieldException(field, "validation.password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new FieldException(field, "validation.password.tooLong", MAX_LENGTH);
        }
        return password;
    }
}
