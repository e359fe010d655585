package nl.tafel.review;

import java.util.Locale;

/** Who sees a question besides its asker: the chair and secretaries (who lead the meeting), or everyone invited. */
public enum QuestionVisibility {
    LEADS, ALL;

    public String translationKey() {
        return "review.visibility." + name().toLowerCase(Locale.ROOT);
    }
}
