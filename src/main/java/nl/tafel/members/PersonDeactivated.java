package nl.tafel.members;

import nl.tafel.shared.PersonId;

/** A person may no longer sign in; their open sessions end. */
public record PersonDeactivated(PersonId personId, String email) {
}
