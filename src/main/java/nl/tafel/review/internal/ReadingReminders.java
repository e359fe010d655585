package nl.tafel.review.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tafel.invitations.InvitationService;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaPublished;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingCancelled;
import nl.tafel.meetings.MeetingChanged;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.review.ReadingState;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.VersionId;
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
 * The reading reminder: {@code tafel.review.reminder-hours} (default 48) before a meeting, each invited member who
 * has not read every paper (or read one before it changed) gets one mail listing them. One per member per meeting,
 * never twice: the meeting is marked reminded in the same transaction, and each mail carries a dedupe key in the
 * outbox. The meetings it watches come from the meetings module's events.
 */
@Component
public class ReadingReminders {

    private static final Logger log = LoggerFactory.getLogger(ReadingReminders.class);

    private final JdbcTemplate jdbc;
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final InvitationService invitations;
    private final AccountDirectory accounts;
    private final ReadingStore readings;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration before;
    private final String baseUrl;

    ReadingReminders(JdbcTemplate jdbc, MeetingService meetings, AgendaService agenda, InvitationService invitations,
            AccountDirectory accounts, ReadingStore readings, MailService mail, MailComposer composer,
            TafelI18NProvider i18n, PlatformTransactionManager transactions, Clock clock,
            @Value("${tafel.review.reminder-hours:48}") int hours, nl.tafel.shared.PublicAddress address) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.invitations = invitations;
        this.accounts = accounts;
        this.readings = readings;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.before = Duration.ofHours(hours);
        this.baseUrl = address.base();
    }

    @ApplicationModuleListener
    void on(AgendaPublished event) {
        track(event.meetingId());
    }

    @ApplicationModuleListener
    void on(MeetingChanged event) {
        track(event.meetingId());
    }

    @ApplicationModuleListener
    void on(MeetingCancelled event) {
        track(event.meetingId());
    }

    /** Keeps the meeting's start and status, for the reminder to find it. */
    public void track(MeetingId id) {
        CurrentUser.runAsSystem(() -> {
            MeetingDetails m;
            try {
                m = meetings.get(id);
            } catch (MeetingNotFoundException e) {
                return;
            }
            jdbc.update("""
                    insert into review_meeting (meeting_id, starts_at, status) values (?, ?, ?)
                    on duplicate key update starts_at = values(starts_at), status = values(status)""",
                    id.value(), Timestamp.from(m.startsAt()), m.status().name());
        });
    }

    @Scheduled(initialDelayString = "${tafel.review.reminder-initial-delay:2m}",
            fixedDelayString = "${tafel.review.reminder-poll:15m}")
    void remindScheduled() {
        try {
            int sent = remindDue();
            if (sent > 0) {
                log.info("Sent {} reading reminders", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Reading reminders failed; the next run tries again", e);
        }
    }

    /** Sends the reminders that are due; returns how many mails were queued. */
    public int remindDue() {
        int[] queued = {0};
        CurrentUser.runAsSystem(() -> {
            for (int i = 0; i < 50; i++) {
                Integer sent = tx.execute(status -> {
                    var now = clock.instant();
                    List<UUID> due = jdbc.queryForList("""
                            select meeting_id from review_meeting
                            where reminded_at is null and status = 'PUBLISHED' and starts_at > ? and starts_at <= ?
                            order by starts_at limit 1 for update skip locked""", UUID.class,
                            Timestamp.from(now), Timestamp.from(now.plus(before)));
                    if (due.isEmpty()) {
                        return -1;
                    }
                    int n = remind(new MeetingId(due.getFirst()));
                    jdbc.update("update review_meeting set reminded_at = ? where meeting_id = ?",
                            Timestamp.from(now), due.getFirst());
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

    private int remind(MeetingId id) {
        MeetingDetails m;
        try {
            m = meetings.get(id);
        } catch (MeetingNotFoundException e) {
            return 0;
        }
        if (m.status() != MeetingStatus.PUBLISHED || !clock.instant().isBefore(m.startsAt())) {
            return 0;
        }
        List<AgendaItemView> items = agenda.agenda(id);
        Map<DocumentId, VersionId> current = new LinkedHashMap<>();
        Map<DocumentId, String> names = new LinkedHashMap<>();
        items.forEach(i -> i.documents().forEach(a -> {
            current.put(a.documentId(), a.versionId());
            names.put(a.documentId(), i.number() + ". " + a.name());
        }));
        if (current.isEmpty()) {
            return 0;
        }
        List<PersonId> members = invitations.invitedMembers(id).stream()
                .map(InvitationService.InvitedMember::personId).toList();
        Map<PersonId, Map<DocumentId, ReadingState>> states = readings.states(members, current);
        int n = 0;
        for (PersonId person : members) {
            Account account = accounts.findById(person).filter(Account::canSignIn).orElse(null);
            if (account == null) {
                continue;
            }
            Map<DocumentId, ReadingState> mine = states.get(person);
            List<String> open = new ArrayList<>();
            var locale = account.locale();
            for (DocumentId document : current.keySet()) {
                ReadingState state = mine.get(document);
                if (state.open()) {
                    open.add("• " + names.get(document) + (state == ReadingState.CHANGED_SINCE_READ
                            ? " (" + i18n.translate(locale, state.translationKey()) + ")" : ""));
                }
            }
            if (open.isEmpty()) {
                continue;
            }
            String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale)
                    .format(m.startsAt().atZone(MeetingService.ZONE));
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(i18n.translate(locale, "review.mail.intro", m.title(), when, open.size()));
            paragraphs.addAll(open);
            OutgoingMail composed = composer.compose("review-reminder", account.email(), locale,
                    i18n.translate(locale, "review.mail.subject", m.title()), account.displayName(), paragraphs,
                    i18n.translate(locale, "review.mail.action"),
                    baseUrl + "/vergaderingen/" + id + "/voorbereiden");
            mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                    composed.kind(), null, "review-reminder:" + id + ":" + person.value()));
            n++;
        }
        return n;
    }
}
