package nl.tafel.news;

import java.time.Instant;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * A post in the timeline.
 *
 * @param spaceName null for an association-wide post
 * @param excerpt the start of the text as plain text
 * @param scheduled published in the future: only its editors see it yet
 * @param imageUrl where the image is served (relative to the application), or null
 * @param event the event's essentials, or null
 */
public record PostSummary(PostId id, @Nullable SpaceId space, @Nullable String spaceName, String title,
        String excerpt, Instant publishAt, boolean scheduled, boolean pinned, String authorName,
        @Nullable String imageUrl, @Nullable EventInfo event, int comments) {
}
