package nl.tafel.minutes;

import java.util.Locale;

/** Aanwezig, afwezig met kennisgeving, afwezig. */
public enum Presence {
    PRESENT, ABSENT_WITH_NOTICE, ABSENT;

    public String translationKey() {
        return "presence." + name().toLowerCase(Locale.ROOT);
    }
}
