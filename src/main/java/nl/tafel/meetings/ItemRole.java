package nl.tafel.meetings;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a standing agenda item is for, whatever it is called: features (the open actions under "Actielijst", the
 * previous minutes under "Notulen vorige vergadering") follow the role, so renaming the item or writing the agenda in
 * English does not switch them off. Items without a role are ordinary items.
 */
public enum ItemRole {
    OPENING, PREVIOUS_MINUTES, ACTIONS, ANNOUNCEMENTS, QUESTIONS, CLOSING;

    public String translationKey() {
        return "itemRole." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role of a standing item as the association has always titled it (the Dutch standing items); used once, for
     * items and templates made before roles were stored, and for templates typed without one.
     */
    public static @Nullable ItemRole fromDutchTitle(@Nullable String title) {
        if (title == null) {
            return null;
        }
        String t = title.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("opening")) {
            return OPENING;
        }
        if (t.startsWith("notulen vorige")) {
            return PREVIOUS_MINUTES;
        }
        if (t.equals("actielijst")) {
            return ACTIONS;
        }
        if (t.startsWith("ingekomen stukken")) {
            return ANNOUNCEMENTS;
        }
        if (t.equals("rondvraag")) {
            return QUESTIONS;
        }
        if (t.equals("sluiting")) {
            return CLOSING;
        }
        return null;
    }
}
