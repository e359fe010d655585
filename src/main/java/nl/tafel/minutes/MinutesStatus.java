package nl.tafel.minutes;

import java.util.Locale;

/** Concept, rondgestuurd (sent to the attendees for comments), vastgesteld (approved, and then locked). */
public enum MinutesStatus {
    CONCEPT, CIRCULATED, APPROVED;

    public String translationKey() {
        return "minutesStatus." + name().toLowerCase(Locale.ROOT);
    }
}
