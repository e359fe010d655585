package nl.tafel.minutes;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** One line of the minutes' attendance list. */
public record Attendee(int position, @Nullable PersonId personId, String name, boolean guest, Presence presence) {
}
