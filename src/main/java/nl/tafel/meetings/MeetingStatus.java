package nl.tafel.meetings;

import java.util.Locale;

/** Concept, gepubliceerd, geannuleerd, afgerond. */
public enum MeetingStatus {
    CONCEPT, PUBLISHED, CANCELLED, FINISHED;

    public String translationKey() {
        return "meetingStatus." + name().toLowerCase(Locale.ROOT);
    }
}
