package nl.tafel.review;

import java.time.Instant;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;

/**
 * A note on a document, as the person sees it: their own (private or shared), or one shared by someone else.
 *
 * @param page the page it belongs to; null for the document as a whole
 * @param earlierVersion made on an earlier version than the current one ("notitie bij een eerdere versie")
 * @param mine whether the person wrote it (only then may they change it)
 */
public record Note(long id, DocumentId documentId, VersionId versionId, int versionNumber, @Nullable Integer page,
        String text, boolean shared, boolean mine, String authorName, Instant createdAt, Instant updatedAt,
        boolean earlierVersion, long version) {
}
