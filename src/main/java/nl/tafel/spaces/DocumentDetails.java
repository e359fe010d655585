package nl.tafel.spaces;

import java.time.Instant;

/** A document for its page. */
public record DocumentDetails(DocumentId id, FolderDetails folder, String name, String mediaType, long size,
        int currentVersion, VersionId currentVersionId, Instant updatedAt, String updatedBy, long version) {

    public SpaceDetails space() {
        return folder.space();
    }
}
