package nl.tafel.meetings;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Identifies a meeting across modules. */
public record MeetingId(UUID value) {

    /** Reads an id from a URL; anything malformed is simply not found. */
    public static Optional<MeetingId> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MeetingId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
