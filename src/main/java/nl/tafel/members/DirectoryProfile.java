package nl.tafel.members;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * A person's directory page, with only what the viewer may see (null where hidden or empty).
 *
 * @param bioHtml the short bio as sanitized HTML (Markdown rendered, no script, style or event handlers)
 */
public record DirectoryProfile(PersonId id, String name, @Nullable String function, @Nullable Long organisationId,
        @Nullable String organisationName, @Nullable String email, @Nullable String phone, @Nullable String bioHtml,
        @Nullable String photoUrl, boolean mine) {
}
