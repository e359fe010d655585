package nl.tafel.mail.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import nl.tafel.mail.MailStatus;
import nl.tafel.mail.SentMail;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "mail_outbox")
public class MailEntity {

    /** Waits between tries: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, then every 6 h; given up after 10 tries. */
    private static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6)};
    public static final int MAX_ATTEMPTS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "message_id", nullable = false, unique = true, length = 200)
    private String messageId;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 400)
    private String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "mediumtext")
    private String text;

    @Column(name = "html_body", columnDefinition = "mediumtext")
    private @Nullable String html;

    @Column(nullable = false, length = 40)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private @Nullable String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private @Nullable Instant nextAttemptAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Column(name = "calendar_body", columnDefinition = "mediumtext")
    private @Nullable String calendar;

    @Column(name = "calendar_method", length = 20)
    private @Nullable String calendarMethod;

    @Column(name = "dedupe_key", length = 200, unique = true)
    private @Nullable String dedupeKey;

    @Version
    private long version;

    protected MailEntity() {
        this.messageId = "";
        this.recipient = "";
        this.subject = "";
        this.text = "";
        this.kind = "";
        this.status = MailStatus.PENDING;
        this.createdAt = Instant.EPOCH;
    }

    public MailEntity(String messageId, String recipient, String subject, String text, @Nullable String html,
            String kind, MailStatus status, Instant now) {
        this.messageId = messageId;
        this.recipient = recipient;
        this.subject = subject.length() > 400 ? subject.substring(0, 400) : subject;
        this.text = text;
        this.html = html;
        this.kind = kind;
        this.status = status;
        this.createdAt = now;
        this.nextAttemptAt = status == MailStatus.PENDING ? now : null;
    }

    public void setCalendar(@Nullable String method, @Nullable String ics) {
        this.calendarMethod = method;
        this.calendar = ics;
    }

    public void setDedupeKey(@Nullable String dedupeKey) {
        this.dedupeKey = dedupeKey;
    }

    public @Nullable String getCalendar() {
        return calendar;
    }

    public @Nullable String getCalendarMethod() {
        return calendarMethod;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    void sent(Instant now) {
        attempts++;
        status = MailStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    void failed(Instant now, String error) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= MAX_ATTEMPTS) {
            status = MailStatus.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]);
        }
    }

    /** The receiving server refused the mail for good (unknown address, rejected): no more tries. */
    void failedPermanently(Instant now, String error) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        status = MailStatus.FAILED;
        nextAttemptAt = null;
    }

    public nl.tafel.mail.MailState toState() {
        return new nl.tafel.mail.MailState(id(), status, attempts, lastError, sentAt);
    }

    public void retryNow(Instant now) {
        status = MailStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getText() {
        return text;
    }

    public @Nullable String getHtml() {
        return html;
    }

    public MailStatus getStatus() {
        return status;
    }

    public SentMail toRecord() {
        return new SentMail(id(), messageId, recipient, subject, text, kind, status, attempts, lastError, createdAt,
                sentAt);
    }
}
