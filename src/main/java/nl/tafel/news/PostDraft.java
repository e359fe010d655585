package nl.tafel.news;

import java.time.Instant;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * What the editor sends for a post.
 *
 * @param space the space whose members see it; null for the whole association (fixed once the post exists)
 * @param text Markdown; rendered and sanitized on the server
 * @param publishAt from when members see it; null means now; a future moment schedules the post
 * @param event the event details when the post is an event with sign-up, else null
 */
public record PostDraft(@Nullable SpaceId space, String title, String text, @Nullable Instant publishAt,
        boolean pinned, @Nullable EventDraft event) {
}
