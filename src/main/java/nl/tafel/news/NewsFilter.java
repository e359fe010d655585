package nl.tafel.news;

import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** Which posts a timeline shows: all the person may see, only association-wide ones, or one space's. */
public record NewsFilter(@Nullable SpaceId space, boolean associationOnly) {

    public static NewsFilter all() {
        return new NewsFilter(null, false);
    }

    public static NewsFilter association() {
        return new NewsFilter(null, true);
    }

    public static NewsFilter space(SpaceId space) {
        return new NewsFilter(space, false);
    }
}
