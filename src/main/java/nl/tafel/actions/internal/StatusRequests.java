package nl.tafel.actions.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tafel.actions.ActionOwner;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.meetings.AgendaPublished;
import nl.tafel.meetings.MeetingCancelled;
import nl.tafel.meetings.MeetingChanged;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.security.SignedLinks;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the owners of open actions for their status, once, {@code tafel.actions.status-request-days} before the next
 * published meeting of the space. The moment follows the meeting (moved, cancelled); each owner gets one mail with a
 * signed link to a page where they report without signing in.
 */
@Component
public class StatusRequests {

    private static final Logger log = LoggerFactory.getLogger(StatusRequests.class);
    public static final String PURPOSE = "action-status";

    private final JdbcTemplate jdbc;
    private final MeetingService meetings;
    private final ActionService actions;
    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final SignedLinks links;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration before;
    private final String baseUrl;

    StatusRequests(JdbcTemplate jdbc, MeetingService meetings, ActionService actions, AccountDirectory accounts,
            MailService mail, MailComposer composer, TafelI18NProvider i18n, SignedLinks links,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${tafel.actions.status-request-days:5}") int days, nl.tafel.shared.PublicAddress address) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.actions = actions;
        this.accounts = accounts;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.before = Duration.ofDays(days);
        this.baseUrl = address.base();
    }

    @ApplicationModuleListener
    void on(AgendaPublished event) {
        plan(event.meetingId());
    }

    @ApplicationModuleListener
    void on(MeetingChanged event) {
        plan(event.meetingId());
    }

    @ApplicationModuleListener
    void on(MeetingCancelled event) {
        plan(event.meetingId());
    }

    /** Puts the meeting's status request at the right moment, or takes it away (cancelled, not yet sent). */
    void plan(MeetingId id) {
        CurrentUser.runAsSystem(() -> {
            MeetingDetails m;
            try {
                m = meetings.get(id);
            } catch (MeetingNotFoundException e) {
                return;
            }
            if (m.status() == MeetingStatus.PUBLISHED) {
                jdbc.update("""
                        insert into action_status_request (meeting_id, space_id, send_at) values (?, ?, ?)
                        on duplicate key update send_at = if(sent_at is null, values(send_at), send_at)""",
                        id.value(), m.spaceId().value(), Timestamp.from(m.startsAt().minus(before)));
            } else if (m.status() == MeetingStatus.CANCELLED) {
                jdbc.update("delete from action_status_request where meeting_id = ? and sent_at is null", id.value());
            }
        });
    }

    @Scheduled(initialDelayString = "${tafel.actions.status-request-initial-delay:2m}",
            fixedDelayString = "${tafel.actions.status-request-poll:15m}")
    void sendScheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Action status requests failed; the next run tries again", e);
        }
    }

    /** Sends the requests that are due; returns how many mails were queued. */
    public int sendDue() {
        int[] queued = {0};
        CurrentUser.runAsSystem(() -> {
            for (int i = 0; i < 20; i++) {
                Integer sent = tx.execute(status -> {
                    List<UUID> due = jdbc.queryForList("""
                            select meeting_id from action_status_request
                            where sent_at is null and send_at <= ? order by send_at limit 1
                            for update skip locked""", UUID.class, Timestamp.from(clock.instant()));
                    if (due.isEmpty()) {
                        return -1;
                    }
                    int n = send(new MeetingId(due.getFirst()));
                    jdbc.update("update action_status_request set sent_at = ? where meeting_id = ?",
                            Timestamp.from(clock.instant()), due.getFirst());
                    return n;
                });
                if (sent == null || sent < 0) {
                    return;
                }
                queued[0] += sent;
            }
        });
        return queued[0];
    }

    private int send(MeetingId id) {
        MeetingDetails m;
        try {
            m = meetings.get(id);
        } catch (MeetingNotFoundException e) {
            return 0;
        }
        if (m.status() != MeetingStatus.PUBLISHED || !clock.instant().isBefore(m.startsAt())) {
            return 0;
        }
        Map<PersonId, List<ActionView>> perOwner = new LinkedHashMap<>();
        for (ActionView a : actions.carriedInto(id)) {
            if (a.status().closed()) {
                continue;
            }
            for (ActionOwner o : a.owners()) {
                if (o.personId() != null) {
                    perOwner.computeIfAbsent(o.personId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        int n = 0;
        for (Map.Entry<PersonId, List<ActionView>> entry : perOwner.entrySet()) {
            Account owner = accounts.findById(entry.getKey()).filter(Account::canSignIn).orElse(null);
            if (owner == null) {
                continue;
            }
            jdbc.update("insert ignore into action_status_mail (meeting_id, space_id, person_id, created_at)"
                    + " values (?, ?, ?, ?)", id.value(), m.spaceId().value(), owner.id().value(),
                    Timestamp.from(clock.instant()));
            Long row = jdbc.queryForObject("select id from action_status_mail where meeting_id = ? and person_id = ?",
                    Long.class, id.value(), owner.id().value());
            String url = baseUrl + "/actie-status?t=" + links.issue(PURPOSE, row);
            var locale = owner.locale();
            String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(m.startsAt()
                    .atZone(MeetingService.ZONE));
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(i18n.translate(locale, "actionMail.intro", m.title(), when));
            for (ActionView a : entry.getValue()) {
                paragraphs.add("• " + a.number() + " " + a.description() + (a.due() == null ? ""
                        : " (" + i18n.translate(locale, "actions.dueOn",
                                DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(a.due())) + ")"));
            }
            OutgoingMail composed = composer.compose("action-status", owner.email(), locale,
                    i18n.translate(locale, "actionMail.subject", m.title()), owner.displayName(), paragraphs,
                    i18n.translate(locale, "actionMail.button"), url);
            mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                    composed.kind(), null, "action-status:" + row));
            n++;
        }
        return n;
    }

}
