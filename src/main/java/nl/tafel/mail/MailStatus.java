package nl.tafel.mail;

/** Where a mail is: waiting to be sent, sent, given up after retries, or kept because no SMTP is configured. */
public enum MailStatus {
    PENDING, SENT, FAILED, KEPT;

    public String translationKey() {
        return "mail.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
