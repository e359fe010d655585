package nl.tafel.news;

import java.util.Locale;

/** The small fixed set of reactions; one of each kind per person per post. */
public enum ReactionKind {
    THUMBS_UP("\uD83D\uDC4D"), HEART("\u2764\uFE0F"), PARTY("\uD83C\uDF89");

    private final String emoji;

    ReactionKind(String emoji) {
        this.emoji = emoji;
    }

    public String emoji() {
        return emoji;
    }

    /** The spoken name (for screen readers and tooltips). */
    public String translationKey() {
        return "news.reaction." + name().toLowerCase(Locale.ROOT);
    }
}
