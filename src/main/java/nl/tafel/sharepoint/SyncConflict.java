package nl.tafel.sharepoint;

import java.time.Instant;
import java.util.UUID;
import nl.tafel.spaces.DocumentId;
import org.jspecify.annotations.Nullable;

/**
 * A document changed in Tafel and in SharePoint at once. Both were kept: {@code kept} says which side's content is
 * now the document's current version; the other side's content is the copy.
 */
public record SyncConflict(UUID id, DocumentId document, String name, @Nullable DocumentId copy,
        @Nullable String copyName, Side kept, Instant at) {

    public enum Side {
        TAFEL, SHAREPOINT
    }
}
