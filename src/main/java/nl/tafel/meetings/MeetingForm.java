package nl.tafel.meetings;

import java.util.Locale;

/** Fysiek, online of hybride. */
public enum MeetingForm {
    PHYSICAL, ONLINE, HYBRID;

    public boolean needsLink() {
        return this != PHYSICAL;
    }

    public boolean needsLocation() {
        return this != ONLINE;
    }

    public String translationKey() {
        return "meetingForm." + name().toLowerCase(Locale.ROOT);
    }
}
