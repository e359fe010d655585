package nl.tafel.news;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event's state for the person looking at it.
 *
 * @param capacity seats in all; null for no limit
 * @param taken confirmed seats (members and guests)
 * @param waiting parties on the waiting list
 * @param full no seat left, or people already waiting: a new sign-up goes on the waiting list
 * @param started the event has begun: sign-ups are closed
 * @param mine the person's own sign-up, or null
 */
public record EventInfo(Instant startsAt, @Nullable Instant endsAt, @Nullable String location,
        @Nullable Integer capacity, int maxGuests, int taken, int waiting, boolean full, boolean started,
        @Nullable MySignup mine) {

    /** Seats still free, or null without a limit. */
    public @Nullable Integer free() {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    /** The person's sign-up; {@code position} on the waiting list counts from 1 (0 when confirmed). */
    public record MySignup(SignupStatus status, int guests, @Nullable String guestNames, int position) {
    }
}
