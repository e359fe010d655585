package nl.tafel.members;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A person in the directory's list, with only what the viewer may see (null where hidden or empty). */
public record DirectoryCard(PersonId id, String name, @Nullable String function, @Nullable Long organisationId,
        @Nullable String organisationName, @Nullable String photoUrl) {
}
