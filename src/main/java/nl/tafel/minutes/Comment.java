package nl.tafel.minutes;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A comment on circulated minutes, on one agenda item; {@code resolvedAt} once the secretary processed it. */
public record Comment(long id, String author, String text, Instant at, @Nullable Instant resolvedAt) {
}
