package nl.tafel.spaces;

/** A folder as a move target: its path within the space, and its depth for indenting. */
public record FolderChoice(FolderId id, String path, int depth) {
}
