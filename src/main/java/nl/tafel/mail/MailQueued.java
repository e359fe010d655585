package nl.tafel.mail;

/** A mail was written to the outbox; it is sent after the transaction commits. */
public record MailQueued(long mailId) {
}
