package nl.tafel.spaces;

import java.util.List;

/**
 * A folder with the way to it: {@code path} runs from the space's root (first) to this folder's parent.
 */
public record FolderDetails(SpaceDetails space, FolderId id, String name, boolean root, List<Crumb> path,
        long version) {

    /** One step on the way to a folder. */
    public record Crumb(FolderId id, String name) {
    }

    /** The path as SharePoint counts it: the space's name, then each folder, '/'-separated. */
    public String fullPath() {
        StringBuilder path = new StringBuilder(space.name());
        for (Crumb crumb : this.path) {
            if (!crumb.name().isEmpty()) {
                path.append('/').append(crumb.name());
            }
        }
        if (!root) {
            path.append('/').append(name);
        }
        return path.toString();
    }
}
