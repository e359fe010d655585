package nl.tafel.members;

import org.jspecify.annotations.Nullable;

/** A group as listed on the overview; {@code myRole} is null when the viewer is not in it. */
public record GroupSummary(long id, String name, GroupKind kind, @Nullable String description, long members,
        @Nullable GroupRole myRole) {
}
