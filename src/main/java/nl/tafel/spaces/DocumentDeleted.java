package nl.tafel.spaces;

import org.jspecify.annotations.Nullable;
import nl.tafel.shared.PersonId;

/**
 * A document went to the trash ({@code permanently} false), or was purged from it for good. A purge by the
 * scheduled job has no person.
 */
public record DocumentDeleted(SpaceId spaceId, DocumentId documentId, String name, boolean permanently,
        @Nullable PersonId by) {
}
