package nl.tafel.mail;

import org.jspecify.annotations.Nullable;

/** A mail to one recipient. {@code kind} groups mails in the log (activation, password-reset, ...). */
public record OutgoingMail(String to, String subject, String text, @Nullable String html, String kind) {
}
