package nl.tafel.members;

import nl.tafel.shared.PersonId;

/** A person chose a new password; e-mailed sign-in links still open for them are no longer needed. */
public record PasswordChosen(PersonId personId, String email) {
}
