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
                if (!mails.claim(id).isEmpty()) {
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
            message.saveChanges();
            message.setHeader("Message-ID", mail.getMessageId());
            smtp.send(message);
            mail.sent(clock.instant());
            log.info("Mail {} sent to {}", mail.getMessageId(), mail.getRecipient());
        } catch (MailException | MessagingException | IllegalStateException e) {
            mail.failed(clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("Mail {} to {} not sent (try {}): {}", mail.getMessageId(), mail.getRecipient(),
                    mail.toRecord().attempts(), e.getMessage());
        }
    }
}
