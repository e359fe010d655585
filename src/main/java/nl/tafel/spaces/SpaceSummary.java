package nl.tafel.spaces;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A space as its list and the overview show it, with what others changed since the person's last visit.
 *
 * @param changedSinceVisit documents others added, changed or deleted since the last visit (all of them when the
 *     person never visited)
 * @param recentlyChanged the names of the latest of those, newest first
 */
public record SpaceSummary(SpaceId id, String name, @Nullable String description, boolean archived,
        SpaceRole myRole, long members, long changedSinceVisit, List<String> recentlyChanged,
        @Nullable Instant lastVisit) {
}
