package nl.tafel.news;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The event part of a post: when and where, the program (Markdown), and how many seats.
 *
 * @param capacity seats for members and their guests together; null for no limit
 * @param maxGuests how many guests one member may bring (0 to 10)
 */
public record EventDraft(Instant startsAt, @Nullable Instant endsAt, @Nullable String location,
        @Nullable String program, @Nullable Integer capacity, int maxGuests) {
}
