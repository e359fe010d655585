package nl.tafel.spaces;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything live in a space at one moment: its folders and documents with their current version, for work that
 * compares a whole space with another copy of it (the SharePoint sync). Items in the trash are left out.
 */
public record SpaceTree(SpaceId space, FolderId root, List<Folder> folders, List<Document> documents) {

    /** A live folder; the root has no parent. */
    public record Folder(FolderId id, @Nullable FolderId parent, String name, long version) {
    }

    /** A live document with its current version. */
    public record Document(DocumentId id, FolderId folder, String name, VersionId currentVersion,
            int versionNumber, String sha256, long size, Instant updatedAt, long version) {
    }
}
