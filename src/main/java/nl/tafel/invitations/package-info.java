/**
 * Invitations: iCalendar invitations (ical4j), updates and cancellations by mail; RSVP by signed link, in the app or
 * recorded by the secretary; the attendance page with its quorum forecast; reminders; the personal calendar feed.
 * <p>It listens to the meetings module's events and sends through the mail module's outbox.
 */
@ApplicationModule(displayName = "Invitations")
@NullMarked
package nl.tafel.invitations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
