package nl.tafel.invitations;

import java.util.Locale;

/** A guest to invite by e-mail (a wethouder, a speaker), in their language. */
public record GuestDraft(String name, String email, boolean required, Locale locale) {
}
