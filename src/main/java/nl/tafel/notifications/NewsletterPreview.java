package nl.tafel.notifications;

/** The newsletter as a recipient gets it (text form) and how many people it goes to. */
public record NewsletterPreview(String subject, String text, int recipients) {
}
