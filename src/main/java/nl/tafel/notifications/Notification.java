package nl.tafel.notifications;

import java.time.Instant;

/** One notification as the bell shows it. {@code link} is a path in Tafel, such as {@code nieuws/…}. */
public record Notification(long id, NotificationKind kind, String subject, String link, Instant at, boolean read) {
}
