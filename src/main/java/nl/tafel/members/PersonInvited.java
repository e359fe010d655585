package nl.tafel.members;

import java.util.Locale;
import nl.tafel.shared.PersonId;

/** A person was added, or their activation link was sent again: they need a link to set a password. */
public record PersonInvited(PersonId personId, String email, String fullName, Locale locale) {
}
