package nl.tafel.invitations.internal;

import nl.tafel.meetings.AgendaPublished;
import nl.tafel.meetings.MeetingCancelled;
import nl.tafel.meetings.MeetingChanged;
import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reacts to the meetings module. The events are recorded in Spring Modulith's publication registry in the
 * transaction that publishes, cancels or changes the meeting, and handled after its commit; an event whose handling
 * failed (or was cut short by a restart) is handled again, which the {@link Inviter} makes harmless.
 */
@Component
class InvitationEvents {

    private static final Logger log = LoggerFactory.getLogger(InvitationEvents.class);

    private final Inviter inviter;

    InvitationEvents(Inviter inviter) {
        this.inviter = inviter;
    }

    @ApplicationModuleListener
    void on(AgendaPublished event) {
        sync(event.meetingId());
    }

    /** Any change: the title counts too (calendars show it), which the meetings module does not call significant. */
    @ApplicationModuleListener
    void on(MeetingChanged event) {
        sync(event.meetingId());
    }

    @ApplicationModuleListener
    void on(MeetingCancelled event) {
        sync(event.meetingId());
    }

    private void sync(MeetingId id) {
        CurrentUser.runAsSystem(() -> inviter.sync(id));
    }

    @Scheduled(initialDelayString = "${tafel.invitations.reminder-initial-delay:1m}",
            fixedDelayString = "${tafel.invitations.reminder-poll:15m}")
    void remind() {
        try {
            CurrentUser.runAsSystem(() -> {
                int sent = inviter.remindDue();
                if (sent > 0) {
                    log.info("Sent {} invitation reminders", sent);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Invitation reminders failed; the next run tries again", e);
        }
    }
}
