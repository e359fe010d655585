package nl.tafel.review;

import java.util.Locale;

/** A member's reading of one agenda document: read (this version), unread, or read before a newer version came. */
public enum ReadingState {
    READ, UNREAD, CHANGED_SINCE_READ;

    public String translationKey() {
        return "review.state." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether the member still has to read the current version. */
    public boolean open() {
        return this != READ;
    }
}
