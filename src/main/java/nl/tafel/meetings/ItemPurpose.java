package nl.tafel.meetings;

import java.util.Locale;

/** Ter informatie, ter bespreking, ter besluitvorming. */
public enum ItemPurpose {
    INFORMATION, DISCUSSION, DECISION;

    public String translationKey() {
        return "itemPurpose." + name().toLowerCase(Locale.ROOT);
    }
}
