package nl.tafel.meetings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.tafel.meetings.AgendaChangeNotice;
import nl.tafel.meetings.AgendaPackService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.SpaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does what agenda changes left to do once it is due ({@link FollowUps}): rebuilds stale agenda packs, as the
 * person who last built the pack (their access applies), and publishes the change notices that the notifications
 * module mails to the invitees. Each due row is claimed with a conditional update, so that two instances never do
 * the same work; the notice event is published in the claim's transaction (durable through the event registry).
 */
@Component
public class FollowUpJob {

    private static final Logger log = LoggerFactory.getLogger(FollowUpJob.class);

    private final JdbcTemplate jdbc;
    private final AgendaPackService packs;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    FollowUpJob(JdbcTemplate jdbc, AgendaPackService packs, AccountDirectory accounts,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.packs = packs;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${tafel.meetings.follow-up-initial-delay:30s}",
            fixedDelayString = "${tafel.meetings.follow-up-poll:15s}")
    void scheduled() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Agenda follow-up failed; the next run tries again", e);
        }
    }

    /** Rebuilds the packs and sends the notices that are due now; tests call it after moving the clock. */
    public void runDue() {
        Instant now = clock.instant();
        rebuildDuePacks(now);
        noticeDue(now);
    }

    private record Due(UUID meetingId, long requestedBy) {
    }

    private void rebuildDuePacks(Instant now) {
        List<Due> due = jdbc.query("""
                select meeting_id, requested_by from agenda_pack where rebuild_after <= ? and requested_by is not null
                  and status not in ('QUEUED', 'BUILDING')""",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getLong(2)), Timestamp.from(now));
        for (Due d : due) {
            MeetingId id = new MeetingId(d.meetingId());
            var account = accounts.findById(new PersonId(d.requestedBy())).filter(a -> a.canSignIn());
            if (account.isEmpty()) {
                // nobody may build it any more: it stays "verouderd" until a planner rebuilds it
                jdbc.update("update agenda_pack set rebuild_after = null where meeting_id = ?", d.meetingId());
                continue;
            }
            var a = account.get();
            CurrentUser.runAs(a.id(), a.email(), a.displayName(), a.role().name(), () -> {
                try {
                    packs.rebuildIfDue(id, now);
                } catch (RuntimeException e) {
                    log.warn("Agenda pack of meeting {} not rebuilt after a change", id, e);
                }
            });
        }
    }

    private void noticeDue(Instant now) {
        List<UUID> due = jdbc.queryForList("select meeting_id from agenda_notice where due_at <= ?", UUID.class,
                Timestamp.from(now));
        for (UUID meetingId : due) {
            try {
                tx.executeWithoutResult(status -> notice(meetingId, now));
            } catch (RuntimeException e) {
                log.warn("Change notice of meeting {} not sent; the next run tries again", meetingId, e);
            }
        }
    }

    private record Row(long id, long by, String key, String argument) {
    }

    private void notice(UUID meetingId, Instant now) {
        if (jdbc.update("update agenda_notice set due_at = null where meeting_id = ? and due_at <= ?", meetingId,
                Timestamp.from(now)) == 0) {
            return; // another instance claimed it
        }
        long last = jdbc.queryForObject("select last_change_id from agenda_notice where meeting_id = ?", Long.class,
                meetingId);
        List<Row> rows = jdbc.query("""
                select id, changed_by, message_key, coalesce(argument, '') from agenda_change
                where meeting_id = ? and id > ? order by id""",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)), meetingId, last);
        if (rows.isEmpty()) {
            return;
        }
        List<AgendaChangeNotice.Change> changes = new ArrayList<>();
        Set<PersonId> by = new LinkedHashSet<>();
        for (Row r : rows) {
            if (FollowUps.NOTICED.contains(r.key())) {
                changes.add(new AgendaChangeNotice.Change(r.key(), List.of(r.argument().split(FollowUps.SEPARATOR,
                        -1))));
                by.add(new PersonId(r.by()));
            }
        }
        jdbc.update("update agenda_notice set last_change_id = ?, sent = sent + 1 where meeting_id = ?",
                rows.getLast().id(), meetingId);
        record Meeting(UUID space, String title, Instant startsAt, String status) {
        }
        Meeting m = jdbc.queryForObject("select space_id, title, starts_at, status from meeting where id = ?",
                (rs, n) -> new Meeting(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)), meetingId);
        if (changes.isEmpty() || !"PUBLISHED".equals(m.status())) {
            return;
        }
        int number = jdbc.queryForObject("select sent from agenda_notice where meeting_id = ?", Integer.class,
                meetingId);
        UUID pack = jdbc.queryForList("select document_id from agenda_pack where meeting_id = ?", UUID.class,
                meetingId).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        events.publishEvent(new AgendaChangeNotice(new MeetingId(meetingId), new SpaceId(m.space()), m.title(),
                m.startsAt(), number, changes, by, pack == null ? null : new DocumentId(pack)));
    }
}
