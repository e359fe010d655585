package nl.tafel.meetings;

import java.util.UUID;

/** Identifies a meeting series. */
public record SeriesId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
