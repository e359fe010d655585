package nl.tafel.minutes;

import java.util.Locale;

/** Aanwezig, afwezig met kennisgeving, afwezig, onbekend (no answer yet, to be confirmed by the minute taker). */
public enum Presence {
    PRESENT, ABSENT_WITH_NOTICE, ABSENT, UNKNOWN;

    public String translationKey() {
        return "presence." + name().toLowerCase(Locale.ROOT);
    }
}
