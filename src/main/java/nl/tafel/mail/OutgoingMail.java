package nl.tafel.mail;

import org.jspecify.annotations.Nullable;

/**
 * A mail to one recipient. {@code kind} groups mails in the log (activation, password-reset, invitation...).
 *
 * @param calendar an iCalendar object sent as the third part of a {@code multipart/alternative} (iMIP), or null
 * @param dedupeKey when set, queueing a second mail with the same key does nothing: the first one stands
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html, String kind,
        @Nullable CalendarPart calendar, @Nullable String dedupeKey) {

    public OutgoingMail(String to, String subject, String text, @Nullable String html, String kind) {
        this(to, subject, text, html, kind, null, null);
    }

    /** An iCalendar body and its iTIP method (REQUEST, CANCEL, PUBLISH). */
    public record CalendarPart(String method, String ics) {
    }
}
