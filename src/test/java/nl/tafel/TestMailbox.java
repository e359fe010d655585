package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * What GreenMail received for one recipient. Test classes share one database and outbox, so mail queued by other
 * classes may arrive too: tests look only at their own recipient.
 */
public final class TestMailbox {

    private TestMailbox() {
    }

    /**
     * GreenMail on the tests' SMTP port, once it accepts connections: its start returns before the socket listens,
     * and a dispatcher meeting a refused connection would wait for its next retry.
     */
    public static com.icegreen.greenmail.util.GreenMail startSmtp() {
        var smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                TestDatabaseEnvironment.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            try (var probe = new java.net.Socket("127.0.0.1", TestDatabaseEnvironment.SMTP_PORT)) {
                return smtp;
            } catch (java.io.IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new AssertionError("GreenMail did not start");
    }

    public static List<MimeMessage> mailsTo(GreenMailOperations smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    /** The first mail to the address, waiting up to 20 s for it. */
    public static MimeMessage awaitMailTo(GreenMailOperations smtp, String address) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (mailsTo(smtp, address).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(mailsTo(smtp, address)).as("mail to %s within 20 s", address).isNotEmpty();
        return mailsTo(smtp, address).getFirst();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
