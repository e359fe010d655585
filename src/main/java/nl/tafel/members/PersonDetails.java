package nl.tafel.members;

import java.util.Locale;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A person as the administrator sees them. */
public record PersonDetails(PersonId id, String fullName, String email, @Nullable Long organisationId,
        @Nullable String organisationName, @Nullable String function, @Nullable String phone, AppRole role,
        PersonStatus status, Locale locale, long version) {
}
