package nl.tafel.spaces;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies a document across modules; random, so it cannot be guessed from another one. */
public record DocumentId(UUID value) {

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    /** Reads an id from a URL; anything malformed is simply not found. */
    public static Optional<DocumentId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DocumentId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
