package nl.tafel.review;

import java.time.Instant;
import nl.tafel.spaces.DocumentId;
import org.jspecify.annotations.Nullable;

/**
 * One of the person's own notes for "mijn notities", also when its document is gone.
 *
 * @param documentGone the document was deleted (or the person no longer has access to it): the note is kept
 */
public record MyNote(long id, DocumentId documentId, String documentName, String spaceName, int versionNumber,
        @Nullable Integer page, String text, boolean shared, Instant updatedAt, boolean documentGone,
        boolean earlierVersion, long version) {
}
