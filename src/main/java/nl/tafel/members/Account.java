package nl.tafel.members;

import java.util.Locale;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** What the sign-in needs to know of a person. {@code passwordHash} is null until the account is activated. */
public record Account(PersonId id, String email, String displayName, @Nullable String passwordHash, AppRole role,
        PersonStatus status, Locale locale) {

    public boolean canSignIn() {
        return status != PersonStatus.DEACTIVATED;
    }
}
