package nl.tafel.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A mail as administrators see it in the mail log. */
public record SentMail(long id, String messageId, String recipient, String subject, String text, String kind,
        MailStatus status, int attempts, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
}
