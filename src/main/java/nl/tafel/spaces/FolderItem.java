package nl.tafel.spaces;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line in a folder listing: a folder or a document. */
public record FolderItem(Kind kind, UUID id, String name, @Nullable String mediaType, long size,
        Instant modifiedAt, String modifiedBy, int versionNumber, long version) {

    public enum Kind {
        FOLDER, DOCUMENT
    }

    public boolean isFolder() {
        return kind == Kind.FOLDER;
    }

    public FolderId folderId() {
        return new FolderId(id);
    }

    public DocumentId documentId() {
        return new DocumentId(id);
    }
}
