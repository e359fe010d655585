package nl.tafel.spaces;

import org.jspecify.annotations.Nullable;

/** One space for its page: what the person may do there and where its documents start. */
public record SpaceDetails(SpaceId id, String name, @Nullable String description, boolean archived,
        SpaceRole myRole, FolderId rootFolder, long version) {

    public boolean canContribute() {
        return !archived && myRole.includes(SpaceRole.CONTRIBUTOR);
    }

    public boolean canManage() {
        return myRole.includes(SpaceRole.MANAGER);
    }
}
