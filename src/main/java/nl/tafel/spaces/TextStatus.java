package nl.tafel.spaces;

import java.util.Locale;

/** Where the text extraction of a version stands. */
public enum TextStatus {
    PENDING, RUNNING, DONE, NONE, FAILED, TIMED_OUT,
    /** The file needed more memory to read than allowed: it is kept, but its text is not searchable. */
    NOT_SEARCHABLE;

    public String translationKey() {
        return "textStatus." + name().toLowerCase(Locale.ROOT);
    }
}
