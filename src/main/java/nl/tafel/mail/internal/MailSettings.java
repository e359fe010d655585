package nl.tafel.mail.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether SMTP is configured, and the sender. */
@Component
public class MailSettings {

    private final String host;
    private final String from;

    MailSettings(@Value("${spring.mail.host:}") String host, @Value("${tafel.mail.from}") String from) {
        this.host = host;
        this.from = from;
    }

    public boolean smtpConfigured() {
        return !host.isBlank();
    }

    public String from() {
        return from;
    }

    public String messageIdDomain() {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "tafel.local" : from.substring(at + 1).replace(">", "").strip();
        return domain.isEmpty() ? "tafel.local" : domain;
    }
}
