package nl.tafel.mail;

import java.time.Clock;
import java.util.UUID;
import nl.tafel.mail.internal.MailEntity;
import nl.tafel.mail.internal.MailRepository;
import nl.tafel.mail.internal.MailSettings;
import nl.tafel.shared.EmailAddress;
import nl.tafel.shared.TafelException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbound mail port. */
@Service
public class MailService {

    /** Secrets in links: sign-in tokens, signed answer and status links ({@code t=}), calendar feed tokens. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "([?&](?:token|t)=)[^\\s&\"'<>]+");
    private static final java.util.regex.Pattern FEED = java.util.regex.Pattern.compile(
            "(/agenda-feed/)[^\\s/\"'<>]+?(\\.ics)");

    private final MailRepository mails;
    private final MailSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MailService(MailRepository mails, MailSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.mails = mails;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes the mail to the outbox in the caller's transaction. It is sent only after that transaction commits, and
     * not at all if it rolls back.
     */
    @Transactional
    public long queue(OutgoingMail mail) {
        if (mail.dedupeKey() != null) {
            var existing = mails.findByDedupeKey(mail.dedupeKey());
            if (existing.isPresent()) {
                return existing.get().id();
            }
        }
        String to = EmailAddress.parse(mail.to()).value();
        String messageId = "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
        MailEntity entity = new MailEntity(messageId, to, mail.subject(), mail.text(), mail.html(), mail.kind(),
                settings.smtpConfigured() ? MailStatus.PENDING : MailStatus.KEPT, clock.instant());
        if (mail.calendar() != null) {
            entity.setCalendar(mail.calendar().method(), mail.calendar().ics());
        }
        entity.setDedupeKey(mail.dedupeKey());
        mails.save(entity);
        events.publishEvent(new MailQueued(entity.id()));
        return entity.id();
    }

    /**
     * The mail log for administrators. Personal links (sign-in, answers, calendar feeds) show that they were sent,
     * never their secret: not even in kept mail (no mail server, the trial), or an administrator could act as someone
     * else (issue 18).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public Page<SentMail> log(Pageable page) {
        return mails.findAllByOrderByIdDesc(page).map(MailEntity::toRecord).map(MailService::withoutSecrets);
    }

    static SentMail withoutSecrets(SentMail mail) {
        String text = FEED.matcher(TOKEN.matcher(mail.text()).replaceAll("$1…")).replaceAll("$1…$2");
        return new SentMail(mail.id(), mail.messageId(), mail.recipient(), mail.subject(),
                text, mail.kind(), mail.status(), mail.attempts(),
                mail.lastError(), mail.createdAt(), mail.sentAt());
    }

    /** Sends a mail that gave up (or was kept) once more. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public SentMail retry(long id) {
        MailEntity mail = mails.findById(id).orElseThrow(() -> new TafelException("mail.error.gone"));
        if (!settings.smtpConfigured()) {
            throw new TafelException("mail.error.noSmtp");
        }
        if (mail.getStatus() != MailStatus.FAILED) {
            // sent meanwhile, or already queued again by someone else: never twice
            throw new TafelException("mail.error.notFailed");
        }
        mail.retryNow(clock.instant());
        events.publishEvent(new MailQueued(mail.id()));
        return withoutSecrets(mail.toRecord());
    }

    /** Where the given mails are, for the module that queued them (it checks who may see them). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, MailState> states(java.util.Collection<Long> ids) {
        java.util.Map<Long, MailState> states = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            mails.findAllById(ids).forEach(m -> states.put(m.id(), m.toState()));
        }
        return states;
    }

    public boolean smtpConfigured() {
        return settings.smtpConfigured();
    }
}
