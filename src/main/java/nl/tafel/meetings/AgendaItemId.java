package nl.tafel.meetings;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies a agenda item across modules. */
public record AgendaItemId(UUID value) {

    /** Reads an id from a URL; anything malformed is simply not found. */
    public static Optional<AgendaItemId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AgendaItemId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
