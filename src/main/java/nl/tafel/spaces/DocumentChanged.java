package nl.tafel.spaces;

import nl.tafel.shared.PersonId;

/** A document was renamed, moved or restored from the trash; its content did not change. */
public record DocumentChanged(SpaceId spaceId, FolderId folderId, DocumentId documentId, String name, Change change,
        PersonId by) {

    public enum Change {
        RENAMED, MOVED, RESTORED
    }
}
