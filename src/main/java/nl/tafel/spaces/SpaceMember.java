package nl.tafel.spaces;

import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A member of a space; the e-mail address only when the directory lets the viewer see it. */
public record SpaceMember(PersonId personId, String name, @Nullable String email, SpaceRole role) {
}
