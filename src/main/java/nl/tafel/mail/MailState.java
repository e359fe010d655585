package nl.tafel.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where one mail is, for the module that queued it: sent, waiting (and how often tried), or failed and why. */
public record MailState(long id, MailStatus status, int attempts, @Nullable String lastError,
        @Nullable Instant sentAt) {
}
