package nl.tafel.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a restart (or a second instance) finds in the outbox is sent exactly once: mails left waiting while the mail
 * server was down are picked up by several dispatchers at once (this context's own scheduler plus fresh ones, as
 * after a restart or on other instances), and every Message-ID arrives once. Queueing with the same key twice
 * stores one mail.
 */
@TafelTest
class OutboxTakeOverTest {

    @Autowired
    MailService mail;
    @Autowired
    MailRepository mails;
    @Autowired
    MailSettings settings;
    @Autowired
    ObjectProvider<JavaMailSender> sender;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;

    GreenMail smtp;

    @AfterEach
    void stop() {
        clock.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailsLeftInTheOutboxAreSentOnceByDispatchersRunningAtTheSameTime() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            recipients.add("overname-" + batch + "-" + i + "@voorbeeld.nl");
        }
        // the mail server is down: every mail fails once and waits for its retry
        tx.executeWithoutResult(status -> recipients.forEach(to -> mail.queue(new OutgoingMail(to,
                "Overname " + batch, "Tekst", null, "test", null, "takeover:" + to))));
        tx.executeWithoutResult(status -> recipients.forEach(to -> mail.queue(new OutgoingMail(to,
                "Overname " + batch, "Nogmaals", null, "test", null, "takeover:" + to))));
        assertThat(mails.findAll().stream().filter(m -> m.getSubject().equals("Overname " + batch)).count())
                .as("one mail per key").isEqualTo(60);
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && mails.findAll().stream()
                .filter(m -> m.getSubject().equals("Overname " + batch)).anyMatch(m -> m.toState().attempts() == 0)) {
            Thread.sleep(200);
        }

        smtp = nl.tafel.TestMailbox.startSmtp();
        clock.advance(Duration.ofMinutes(2));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MailDispatcher fresh = new MailDispatcher(mails, settings, sender, transactions, Runnable::run, clock);
            runs.add(pool.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    fresh.sendDue();
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        until = System.currentTimeMillis() + 20_000;
        while (received(batch).size() < 60 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        Map<String, Long> perMessageId = received(batch).stream().collect(Collectors.groupingBy(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, Collectors.counting()));
        assertThat(perMessageId).hasSize(60);
        assertThat(perMessageId.values()).as("each Message-ID once").allMatch(n -> n == 1);
    }

    private List<jakarta.mail.internet.MimeMessage> received(String batch) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("Overname " + batch);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

}
