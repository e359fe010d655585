package nl.tafel.invitations;

import java.util.Locale;

/** An invitee's answer: none yet, komt, misschien, komt niet (iCalendar's PARTSTAT values). */
public enum Answer {
    NEEDS_ACTION, ACCEPTED, TENTATIVE, DECLINED;

    public String translationKey() {
        return "answer." + name().toLowerCase(Locale.ROOT);
    }

    /** The word in an RSVP link: ja, misschien, nee. */
    public static java.util.Optional<Answer> fromLink(String word) {
        return switch (word == null ? "" : word) {
            case "ja" -> java.util.Optional.of(ACCEPTED);
            case "misschien" -> java.util.Optional.of(TENTATIVE);
            case "nee" -> java.util.Optional.of(DECLINED);
            default -> java.util.Optional.empty();
        };
    }

    public String linkWord() {
        return switch (this) {
            case ACCEPTED -> "ja";
            case TENTATIVE -> "misschien";
            case DECLINED -> "nee";
            case NEEDS_ACTION -> "";
        };
    }
}
