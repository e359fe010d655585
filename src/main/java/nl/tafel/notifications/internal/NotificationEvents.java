package nl.tafel.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.tafel.actions.ActionAssigned;
import nl.tafel.invitations.InvitationSent;
import nl.tafel.meetings.AgendaPublished;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.minutes.MinutesCirculated;
import nl.tafel.news.NewsPosted;
import nl.tafel.notifications.Delivery;
import nl.tafel.notifications.NotificationKind;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentStored;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into notifications, after their transaction committed (durable through Spring
 * Modulith's publication registry; a redelivered event adds nothing, see {@link NotificationStore#add}), and mails
 * what is due: "at once" right after, digests from the scheduled run.
 */
@Component
class NotificationEvents {

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);

    private final NotificationStore store;
    private final NotificationMailer mailer;
    private final SpaceService spaces;
    private final MeetingService meetings;
    private final PeopleDirectory people;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate stored;

    NotificationEvents(NotificationStore store, NotificationMailer mailer, SpaceService spaces,
            MeetingService meetings, PeopleDirectory people, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.store = store;
        this.mailer = mailer;
        this.spaces = spaces;
        this.meetings = meetings;
        this.people = people;
        this.clock = clock;
        this.stored = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.stored.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener
    void on(NewsPosted event) {
        CurrentUser.runAsSystem(() -> {
            Collection<PersonId> readers = event.space() == null
                    ? people.activePeople().stream().filter(PersonName::active).map(PersonName::id).toList()
                    : members(event.space());
            add(readers, NotificationKind.NEWS_POSTED, event.title(), "nieuws/" + event.id(),
                    "post:" + event.id(), event.publishAt());
        });
    }

    /** A new document (its first version) in a space: its members are told, not the one who put it there. */
    @ApplicationModuleListener
    void on(DocumentStored event) {
        if (event.versionNumber() != 1 || CurrentUser.SHAREPOINT.equals(event.by())) {
            return; // what the SharePoint sync brings is told once per round (DocumentsSynced)
        }
        CurrentUser.runAsSystem(() -> add(members(event.spaceId()).stream().filter(p -> !p.equals(event.by()))
                .toList(), NotificationKind.DOCUMENT_STORED, event.name(), "documenten/" + event.documentId(),
                "document:" + event.documentId(), clock.instant()));
    }

    /** Documents that came from SharePoint in one sync round: one notification per space member. */
    @ApplicationModuleListener
    void on(nl.tafel.sharepoint.DocumentsSynced event) {
        CurrentUser.runAsSystem(() -> add(members(event.spaceId()), NotificationKind.DOCUMENTS_SYNCED,
                event.spaceName() + " (" + event.documents() + ")", "ruimtes/" + event.spaceId(),
                "sharepoint:" + event.round(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(AgendaPublished event) {
        CurrentUser.runAsSystem(() -> {
            MeetingDetails m;
            try {
                m = meetings.get(event.meetingId());
            } catch (MeetingNotFoundException e) {
                return;
            }
            if (m.archive()) {
                return; // a meeting from before Tafel, entered afterwards: no news
            }
            add(members(event.spaceId()), NotificationKind.AGENDA_PUBLISHED, m.title(),
                    "vergaderingen/" + event.meetingId(), "agenda:" + event.meetingId(), clock.instant());
        });
    }

    @ApplicationModuleListener
    void on(InvitationSent event) {
        CurrentUser.runAsSystem(() -> add(List.of(event.personId()), NotificationKind.INVITATION, event.title(),
                "vergaderingen/" + event.meetingId(), "invitation:" + event.meetingId(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(ActionAssigned event) {
        CurrentUser.runAsSystem(() -> add(event.owners().stream().filter(p -> !p.equals(event.by())).toList(),
                NotificationKind.ACTION_ASSIGNED, event.number() + " " + event.description(), "acties",
                "action:" + event.actionId(), clock.instant()));
    }

    @ApplicationModuleListener
    void on(MinutesCirculated event) {
        CurrentUser.runAsSystem(() -> add(members(event.spaceId()).stream().filter(p -> !p.equals(event.by()))
                .toList(), NotificationKind.MINUTES_CIRCULATED, event.title(),
                "vergaderingen/" + event.meetingId() + "/notulen", "minutes:" + event.meetingId(),
                clock.instant()));
    }

    private List<PersonId> members(SpaceId space) {
        try {
            return spaces.members(space).stream().map(SpaceMember::personId).toList();
        } catch (SpaceNotFoundException e) {
            return List.of();
        }
    }

    private void add(Collection<PersonId> to, NotificationKind kind, String subject, String link, String source,
            Instant visibleFrom) {
        Instant now = clock.instant();
        // stored and committed first, so that the mails below (their own transactions) see the rows
        List<PersonId> added = null;
        for (int attempt = 1; added == null; attempt++) {
            try {
                added = stored.execute(status -> store.add(to, kind, subject, link, source, visibleFrom, now));
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (attempt >= 3) {
                    throw e; // the event stays incomplete in the registry and is delivered again
                }
            }
        }
        if (visibleFrom.isAfter(now)) {
            return;
        }
        for (PersonId person : added) {
            try {
                mailer.send(person.value(), Delivery.IMMEDIATE, now.plusNanos(1000), now);
            } catch (org.springframework.dao.TransientDataAccessException e) {
                // another listener or the digest job holds this person's rows: the poller mails it shortly
                log.info("Notification mail for person {} left to the next poll: {}", person.value(), e.toString());
            }
        }
    }

    /** Digests, and "at once" mails of notifications that became visible later (a scheduled post). */
    @Scheduled(initialDelayString = "${tafel.notifications.initial-delay:2m}",
            fixedDelayString = "${tafel.notifications.poll:5m}")
    void sendDue() {
        try {
            int sent = CurrentUser.callAsSystem(() -> mailer.sendDue(clock.instant()));
            if (sent > 0) {
                log.info("Queued {} notification mails", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Notification mails failed; the next run tries again", e);
        }
    }
}
