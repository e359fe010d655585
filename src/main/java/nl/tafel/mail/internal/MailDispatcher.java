package nl.tafel.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import nl.tafel.mail.MailQueued;
import nl.tafel.mail.MailStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Right after a commit for a fresh mail, and every few seconds for anything due (after a crash,
 * or a retry after a failure). Each mail is sent under a row lock in its own transaction, so two instances never
 * send one mail twice; a stable Message-ID lets receivers recognise a resend after a lost acknowledgement.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    private final MailRepository mails;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate tx;
    private final Executor executor;
    private final Clock clock;

    MailDispatcher(MailRepository mails, MailSettings settings, ObjectProvider<JavaMailSender> sender,
            PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") Executor executor,
            Clock clock) {
        this.mails = mails;
        this.settings = settings;
        this.sender = sender;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(MailQueued queued) {
        if (settings.smtpConfigured()) {
            executor.execute(() -> sendOne(queued.mailId()));
        }
    }

    @Scheduled(initialDelayString = "${tafel.mail.poll-initial-delay:10s}", fixedDelayString = "${tafel.mail.poll:15s}")
    void sendDue() {
        if (!settings.smtpConfigured()) {
            return;
        }
        for (int i = 0; i < BATCH; i++) {
            Boolean more = tx.execute(status -> {
                List<Long> due = mails.claimDue(clock.instant());
                if (due.isEmpty()) {
                    return false;
                }
                deliver(mails.findById(due.getFirst()).orElseThrow());
                return true;
            });
            if (!Boolean.TRUE.equals(more)) {
                return;
            }
        }
    }

    void sendOne(long id) {
        try {
            tx.executeWithoutResult(status -> {
                if (!mails.claim(id, clock.instant()).isEmpty()) {
                    deliver(mails.findById(id).orElseThrow());
                }
            });
        } catch (RuntimeException e) {
            // The scheduled run picks it up again; the mail stays in the outbox.
            log.warn("Sending mail {} right after commit failed; it stays queued", id, e);
        }
    }

    private void deliver(MailEntity mail) {
        if (mail.getStatus() != MailStatus.PENDING) {
            return;
        }
        try {
            JavaMailSender smtp = sender.getObject();
            MimeMessage message = smtp.createMimeMessage();
            if (mail.getCalendar() != null) {
                calendarMessage(message, mail);
            } else {
                boolean multipart = mail.getHtml() != null;
                MimeMessageHelper helper = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
                helper.setFrom(settings.from());
                helper.setTo(mail.getRecipient());
                helper.setSubject(mail.getSubject());
                if (multipart) {
                    helper.setText(mail.getText(), mail.getHtml());
                } else {
                    helper.setText(mail.getText());
                }
            }
            message.saveChanges();
            message.setHeader("Message-ID", mail.getMessageId());
            smtp.send(message);
            mail.sent(clock.instant());
            log.info("Mail {} sent to {}", mail.getMessageId(), mail.getRecipient());
        } catch (MailException | MessagingException | IllegalStateException e) {
            String permanent = permanentFailure(e);
            if (permanent != null) {
                mail.failedPermanently(clock.instant(), permanent);
                log.warn("Mail {} to {} refused for good: {}", mail.getMessageId(), mail.getRecipient(), permanent);
                return;
            }
            mail.failed(clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("Mail {} to {} not sent (try {}): {}", mail.getMessageId(), mail.getRecipient(),
                    mail.toRecord().attempts(), e.getMessage());
        }
    }

    /**
     * An invitation as iMIP wants it (CalConnect's best practice): {@code multipart/alternative} with the text, the
     * HTML and the {@code text/calendar} part whose {@code method} matches the calendar's METHOD, so Outlook and
     * Gmail show their answer buttons.
     */
    private void calendarMessage(MimeMessage message, MailEntity mail) throws MessagingException {
        message.setFrom(new jakarta.mail.internet.InternetAddress(settings.from()));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO,
                jakarta.mail.internet.InternetAddress.parse(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        var alternative = new jakarta.mail.internet.MimeMultipart("alternative");
        var text = new jakarta.mail.internet.MimeBodyPart();
        text.setText(mail.getText(), StandardCharsets.UTF_8.name());
        alternative.addBodyPart(text);
        if (mail.getHtml() != null) {
            var html = new jakarta.mail.internet.MimeBodyPart();
            html.setText(mail.getHtml(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        var calendar = new jakarta.mail.internet.MimeBodyPart();
        String type = "text/calendar; charset=UTF-8; method=" + mail.getCalendarMethod();
        calendar.setDataHandler(new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource(mail.getCalendar().getBytes(StandardCharsets.UTF_8), type)));
        calendar.setHeader("Content-Type", type);
        calendar.setHeader("Content-Transfer-Encoding", "base64");
        alternative.addBodyPart(calendar);
        message.setContent(alternative);
    }

    /**
     * The reason when the receiving server refused the mail for good (a 5xx reply: unknown mailbox, rejected
     * recipient) or the address cannot be used at all; null for anything that may pass on a later try.
     */
    static @org.jspecify.annotations.Nullable String permanentFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = nextCause(t)) {
            String message = oneLine(t.getMessage());
            // the SMTP reply: "550 5.1.1 <x@y>: user unknown" (4xx replies are worth another try)
            if (t instanceof MessagingException && message.matches("^5\\d\\d[ -].*")) {
                return message;
            }
            if (t instanceof jakarta.mail.internet.AddressException) {
                return "Address: " + message;
            }
        }
        for (Throwable t = failure; t != null; t = nextCause(t)) {
            if (t instanceof jakarta.mail.SendFailedException sent && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0) {
                return oneLine(sent.getMessage());
            }
        }
        return null;
    }

    private static @org.jspecify.annotations.Nullable Throwable nextCause(Throwable t) {
        if (t instanceof jakarta.mail.SendFailedException send && send.getNextException() != null
                && send.getNextException() != t) {
            return send.getNextException();
        }
        if (t instanceof org.springframework.mail.MailSendException send && !send.getFailedMessages().isEmpty()) {
            Exception first = send.getFailedMessages().values().iterator().next();
            return first == t ? null : first;
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String oneLine(@org.jspecify.annotations.Nullable String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
