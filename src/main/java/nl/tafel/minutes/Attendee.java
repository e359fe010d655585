package nl.tafel.minutes;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One line of the minutes' attendance list. {@code confirmed}: the minute taker confirmed or set the presence; until
 * then it is what the invitation answer suggested.
 */
public record Attendee(int position, @Nullable PersonId personId, String name, boolean guest, Presence presence,
        boolean confirmed) {
}
