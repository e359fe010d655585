package nl.tafel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.TestMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail): after commit only, retried when the server is down. */
@TafelTest
class MailOutboxTest {

    @Autowired
    MailService mail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;

    private GreenMail smtp;

    @AfterEach
    void stop() {
        clock.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(nl.tafel.TestDatabaseEnvironment.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
    }

    private static OutgoingMail mailTo(String to, String subject) {
        return new OutgoingMail(to, subject, "Tekst met een link: http://localhost:8080/", "<p>HTML</p>", "test");
    }

    @Test
    void aQueuedMailIsSentAfterCommitWithItsOwnMessageId() throws Exception {
        startSmtp();
        String to = "ontvanger-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        long id = tx.execute(status -> mail.queue(mailTo(to, "Uitnodiging bestuursvergadering")));

        MimeMessage received = TestMailbox.awaitMailTo(smtp, to);
        assertThat(received.getSubject()).isEqualTo("Uitnodiging bestuursvergadering");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(received.getContentType()).startsWith("multipart/");
        SentMail logged = waitForStatus(id, MailStatus.SENT);
        assertThat(received.getMessageID()).isEqualTo(logged.messageId());
        Thread.sleep(2500);
        assertThat(TestMailbox.mailsTo(smtp, to)).as("sent once, not again by the poller").hasSize(1);
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        startSmtp();
        String to = "nooit-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            mail.queue(mailTo(to, "Mag niet weg"));
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        Thread.sleep(2500);
        assertThat(TestMailbox.mailsTo(smtp, to)).isEmpty();
    }

    @Test
    void whenTheMailServerIsDownTheMailWaitsAndGoesOutLater() throws Exception {
        String to = "later-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        long id = tx.execute(status -> mail.queue(mailTo(to, "Komt later")));
        SentMail failedOnce = waitForAttempts(id, 1);
        assertThat(failedOnce.status()).isEqualTo(MailStatus.PENDING);
        assertThat(failedOnce.lastError()).contains("connect");

        startSmtp();
        Thread.sleep(2500);
        assertThat(TestMailbox.mailsTo(smtp, to)).as("no retry before the backoff has passed").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        TestMailbox.awaitMailTo(smtp, to);
        assertThat(TestMailbox.mailsTo(smtp, to)).hasSize(1);
        assertThat(waitForStatus(id, MailStatus.SENT).attempts()).isEqualTo(2);
    }

    @Test
    void aSentMailIsNeverSentAgainByARetryAndItsSignInTokenIsHidden() throws Exception {
        startSmtp();
        String to = "eenmaal-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        long id = tx.execute(status -> mail.queue(new OutgoingMail(to, "Inloggen",
                "Link: http://localhost:8080/login/ott?token=0f8fad5b-d9cb-469f-a165-70867728950e", null,
                "password-reset")));
        SentMail sent = waitForStatus(id, MailStatus.SENT);
        assertThat(sent.text()).doesNotContain("0f8fad5b").contains("token=…");
        assertThatThrownBy(() -> AsAdmin.run(() -> mail.retry(id))).isInstanceOf(
                nl.tafel.shared.TafelException.class).hasMessageContaining("mail.error.notFailed");
        Thread.sleep(2000);
        assertThat(TestMailbox.mailsTo(smtp, to)).hasSize(1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(TestMailbox.mailsTo(smtp, to).getFirst())).contains("0f8fad5b");
    }

    @Test
    void badAddressesAreRefusedBeforeAnythingIsQueued() {
        assertThatThrownBy(() -> tx.execute(status -> mail.queue(mailTo("geen adres", "x"))))
                .isInstanceOf(nl.tafel.shared.FieldException.class);
    }

    SentMail find(long id) {
        return mail.log(PageRequest.of(0, 200)).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private SentMail waitForStatus(long id, MailStatus status) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        SentMail m = AsAdmin.run(() -> find(id));
        while (m.status() != status && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            m = AsAdmin.run(() -> find(id));
        }
        assertThat(m.status()).isEqualTo(status);
        return m;
    }

    private SentMail waitForAttempts(long id, int attempts) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        SentMail m = AsAdmin.run(() -> find(id));
        while (m.attempts() < attempts && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            m = AsAdmin.run(() -> find(id));
        }
        assertThat(m.attempts()).isGreaterThanOrEqualTo(attempts);
        return m;
    }
}
