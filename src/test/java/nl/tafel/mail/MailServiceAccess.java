package nl.tafel.mail;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

/** Reads a received mail's text, for tests. */
final class MailServiceAccess {

    private MailServiceAccess() {
    }

    static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }
}
