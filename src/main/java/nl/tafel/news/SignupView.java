package nl.tafel.news;

import java.time.Instant;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A sign-up as the organiser sees it; {@code position} on the waiting list from 1 (0 when confirmed). */
public record SignupView(long id, PersonId personId, String name, String email, int guests,
        @Nullable String guestNames, SignupStatus status, Instant signedUpAt, int position) {

    public int seats() {
        return 1 + guests;
    }
}
