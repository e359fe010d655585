package nl.tafel.invitations;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.tafel.invitations.internal.IcsWriter;
import nl.tafel.invitations.internal.InvitationEntity;
import nl.tafel.invitations.internal.InvitationRepository;
import nl.tafel.invitations.internal.InvitationMails;
import nl.tafel.invitations.internal.InviteeEntity;
import nl.tafel.invitations.internal.InviteeRepository;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.meetings.MeetingSummary;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's secret calendar address (webcal) with all their meetings: published ones, and cancelled ones marked
 * as such so calendars drop them. Making a new address revokes the old one at once.
 */
@Service
public class CalendarFeedService {

    private static final Duration PAST = Duration.ofDays(180);
    private static final Duration AHEAD = Duration.ofDays(500);

    private final JdbcTemplate jdbc;
    private final AccountDirectory accounts;
    private final MeetingService meetings;
    private final InvitationRepository invitations;
    private final Inviter inviter;
    private final InvitationMails mails;
    private final InviteeRepository invitees;
    private final TafelI18NProvider i18n;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeedService(JdbcTemplate jdbc, AccountDirectory accounts, MeetingService meetings,
            InvitationRepository invitations, Inviter inviter, InvitationMails mails, InviteeRepository invitees,
            TafelI18NProvider i18n, Clock clock) {
        this.invitees = invitees;
        this.i18n = i18n;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.meetings = meetings;
        this.invitations = invitations;
        this.inviter = inviter;
        this.mails = mails;
        this.clock = clock;
    }

    /** The signed-in person's feed address (https), made on first use. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public String myFeedUrl() {
        PersonId me = CurrentUser.requirePersonId();
        List<String> tokens = jdbc.queryForList("select token from calendar_feed where person_id = ?", String.class,
                me.value());
        return url(tokens.isEmpty() ? newToken(me) : tokens.getFirst());
    }

    /** A new address for the signed-in person; the old one stops working. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public String regenerate() {
        PersonId me = CurrentUser.requirePersonId();
        jdbc.update("delete from calendar_feed where person_id = ?", me.value());
        return url(newToken(me));
    }

    /** The calendar behind a feed address, or empty for an unknown (or revoked) one or a deactivated account. */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        // found by the token's hash in a binary column: byte for byte, so case counts
        List<Long> people = jdbc.queryForList("select person_id from calendar_feed where token_hash = ?", Long.class,
                (Object) hash(token));
        if (people.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findById(new PersonId(people.getFirst())).filter(Account::canSignIn);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Account a = account.get();
        Instant now = clock.instant();
        List<IcsWriter.Event> events = new ArrayList<>();
        CurrentUser.runAs(a.id(), a.email(), a.displayName(), a.role().name(), () -> {
            for (MeetingSummary s : meetings.myMeetings(now.minus(PAST), now.plus(AHEAD))) {
                if (s.status() == MeetingStatus.CONCEPT) {
                    continue;
                }
                MeetingDetails m = meetings.get(s.id());
                int sequence = invitations.findById(m.id().value()).map(InvitationEntity::getSequence).orElse(0);
                // an invitation taken back takes the meeting out of this person's calendar, as the CANCEL did
                boolean withdrawn = invitees.findByMeetingIdAndPersonId(m.id().value(), a.id().value())
                        .map(InviteeEntity::isRemoved).orElse(false);
                events.add(new IcsWriter.Event(Inviter.uid(m.id()), sequence,
                        m.status() == MeetingStatus.CANCELLED || withdrawn, m.title(), m.startsAt(), m.endsAt(),
                        m.location(), m.joinUrl(), inviter.pageUrl(m.id()), inviter.description(m),
                        inviter.organizer(m), null, true));
            }
        });
        return Optional.of(IcsWriter.feed(events, now, i18n.translate(a.locale(), "feed.calendarName")));
    }

    private String newToken(PersonId person) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into calendar_feed (person_id, token, token_hash, created_at) values (?, ?, ?, ?)",
                person.value(), token, hash(token), java.sql.Timestamp.from(clock.instant()));
        return token;
    }

    private static byte[] hash(String token) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String token) {
        return mails.baseUrl() + "/agenda-feed/" + token + ".ics";
    }
}
