package nl.tafel.news;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies a news post; random, so it cannot be guessed from another one. */
public record PostId(UUID value) {

    public static PostId random() {
        return new PostId(UUID.randomUUID());
    }

    /** Reads an id from a URL; anything malformed is simply not found. */
    public static Optional<PostId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
