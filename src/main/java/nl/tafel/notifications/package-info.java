/**
 * Notifications: what a person is told about new posts, new documents in their spaces, published agendas,
 * invitations, actions assigned to them and minutes sent round for comment. Every notification shows under the bell
 * in the top bar; by mail, per person and per kind, at once, in a daily or weekly digest, or not at all. Every mail
 * goes through the mail module's durable outbox with a dedupe key, and a notification is mailed at most once.
 *
 * <p>Invitations are special: the invitations module already mails each invitation with its calendar part, so
 * "at once" for invitations means that mail; this module never sends a second mail for it (the bell item is enough).
 * A daily or weekly choice lists invitations in the digest as well; "off" leaves them out of digests, but cannot stop
 * the calendar invitation itself.
 *
 * <p>This module listens to the others' events and depends on their APIs; nothing depends on it.
 */
@ApplicationModule(displayName = "Notifications")
@NullMarked
package nl.tafel.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
