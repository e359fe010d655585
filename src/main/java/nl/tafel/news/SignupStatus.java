package nl.tafel.news;

import java.util.Locale;

/** Aangemeld, or op de wachtlijst. */
public enum SignupStatus {
    CONFIRMED, WAITING;

    public String translationKey() {
        return "news.signupStatus." + name().toLowerCase(Locale.ROOT);
    }
}
