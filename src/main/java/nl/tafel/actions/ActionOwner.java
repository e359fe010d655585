package nl.tafel.actions;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** Who carries out an action: a member ({@code personId} set) or a named outsider. */
public record ActionOwner(@Nullable PersonId personId, String name) {
}
