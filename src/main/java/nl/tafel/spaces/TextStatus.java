package nl.tafel.spaces;

import java.util.Locale;

/** Where the text extraction of a version stands. */
public enum TextStatus {
    PENDING, RUNNING, DONE, NONE, FAILED, TIMED_OUT;

    public String translationKey() {
        return "textStatus." + name().toLowerCase(Locale.ROOT);
    }
}
