package nl.tafel.members;

import java.util.Locale;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** The signed-in person's own profile. */
public record MyProfile(PersonId id, String fullName, String email, @Nullable String organisationName,
        @Nullable String function, AppRole role, Locale locale, long version) {
}
