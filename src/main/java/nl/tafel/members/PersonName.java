package nl.tafel.members;

import nl.tafel.shared.PersonId;

/** A person as other modules show them: name and e-mail, for lists and pickers. */
public record PersonName(PersonId id, String fullName, String email, boolean active) {
}
