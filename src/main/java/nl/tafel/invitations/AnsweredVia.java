package nl.tafel.invitations;

import java.util.Locale;

/** How an answer came in: the link in the mail, the app, or recorded by the secretary (phone, in person). */
public enum AnsweredVia {
    MAIL, APP, SECRETARY;

    public String translationKey() {
        return "answeredVia." + name().toLowerCase(Locale.ROOT);
    }
}
