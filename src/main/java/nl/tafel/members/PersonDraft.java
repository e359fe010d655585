package nl.tafel.members;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What an administrator enters for a new or changed person. */
public record PersonDraft(String fullName, String email, @Nullable Long organisationId, @Nullable String function,
        @Nullable String phone, AppRole role, Locale locale) {
}
