package nl.tafel.spaces;

import nl.tafel.shared.PersonId;

/** A document got a new version: the first upload, a new upload onto it, or an older version restored. */
public record DocumentStored(SpaceId spaceId, FolderId folderId, DocumentId documentId, VersionId versionId,
        int versionNumber, String name, String mediaType, long size, String sha256, PersonId by) {
}
