package nl.tafel.news;

import java.time.Instant;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** A post was written; members see it from {@code publishAt} (for notifications and the newsletter later). */
public record NewsPosted(PostId id, @Nullable SpaceId space, String title, Instant publishAt) {
}
