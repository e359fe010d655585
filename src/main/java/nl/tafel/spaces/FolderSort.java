package nl.tafel.spaces;

/** How a folder listing is ordered; folders always come first, by name. */
public record FolderSort(Field field, boolean descending) {

    public static final FolderSort BY_NAME = new FolderSort(Field.NAME, false);

    public enum Field {
        NAME, MODIFIED, SIZE
    }
}
