package nl.tafel.spaces;

/** A folder was created, renamed, moved or put in the trash. */
public record FolderChanged(SpaceId spaceId, FolderId folderId, Change change) {

    public enum Change {
        CREATED, RENAMED, MOVED, DELETED, RESTORED
    }
}
