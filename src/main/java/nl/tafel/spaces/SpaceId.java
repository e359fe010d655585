package nl.tafel.spaces;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies a space across modules; random, so it cannot be guessed from another one. */
public record SpaceId(UUID value) {

    public static SpaceId random() {
        return new SpaceId(UUID.randomUUID());
    }

    /** Reads an id from a URL; anything malformed is simply not found. */
    public static Optional<SpaceId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SpaceId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
