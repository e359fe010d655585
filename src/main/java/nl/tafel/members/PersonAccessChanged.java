package nl.tafel.members;

import nl.tafel.shared.PersonId;

/**
 * A person's role or e-mail address changed: what their open sessions know of them is out of date, so those end
 * (they sign in again), and links sent to the old address stop working.
 */
public record PersonAccessChanged(PersonId personId, String previousEmail) {
}
