package nl.tafel.invitations;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static nl.tafel.invitations.InvitationMailbox.await;
import static nl.tafel.invitations.InvitationMailbox.calendar;
import static nl.tafel.invitations.InvitationMailbox.event;
import static nl.tafel.invitations.InvitationMailbox.mails;
import static nl.tafel.invitations.InvitationMailbox.part;
import static nl.tafel.invitations.InvitationMailbox.property;
import static nl.tafel.invitations.InvitationMailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.mail.MailStatus;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Invitations end to end on the real database and a real SMTP server (GreenMail): what arrives, what the calendar
 * part says across create, update and cancel, the answer links, guests, reminders, failures and the feed.
 */
@TafelTest
class InvitationsTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    InvitationService invitations;
    @Autowired
    RsvpService rsvp;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    Inviter inviter;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    RunAs as;

    GreenMail smtp;
    SpaceId space;
    String title;

    @BeforeEach
    void setUp() {
        smtp = nl.tafel.TestMailbox.startSmtp();
        title = "Bestuur " + UUID.randomUUID().toString().substring(0, 8);
        space = as.call(SECRETARY, () -> {
            SpaceId id = spaces.create("Ruimte " + title, null);
            spaces.setMember(id, accounts.findByEmail(MEMBER).orElseThrow().id(), SpaceRole.CONTRIBUTOR);
            spaces.setMember(id, accounts.findByEmail(READER).orElseThrow().id(), SpaceRole.READER);
            return id;
        });
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private MeetingId meeting(LocalDate date, LocalTime start, LocalTime end) {
        return as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft(title, date, start, end,
                MeetingForm.HYBRID, "Stadhuis Leiden, kamer 2.14", "https://teams.example/join/123", null, null)))
                .id();
    }

    private MeetingId published() {
        MeetingId id = meeting(LocalDate.now(MeetingService.ZONE).plusMonths(1), LocalTime.of(19, 30),
                LocalTime.of(21, 30));
        as.run(SECRETARY, () -> meetings.publish(id));
        return id;
    }

    @Test
    void publishingSendsEachMemberOneInvitationThatCalendarsUnderstand() throws Exception {
        MeetingId id = published();

        MimeMessage mail = await(smtp, MEMBER, title, 1).getFirst();
        await(smtp, READER, title, 1);
        await(smtp, SECRETARY, title, 1);
        assertThat(mail.getSubject()).startsWith("Uitnodiging: " + title);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(part(mail, "text/plain")).isNotNull();
        assertThat(text(part(mail, "text/html"))).contains("Stadhuis Leiden").contains("/antwoord?t=");
        assertThat(part(mail, "text/calendar").getContentType()).contains("method=REQUEST");

        Calendar calendar = calendar(mail);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getComponent("VTIMEZONE").orElseThrow().getProperty("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Amsterdam");
        VEvent event = event(calendar);
        assertThat(property(event, "UID")).isEqualTo(id.value() + "@tafel");
        assertThat(property(event, "SEQUENCE")).isEqualTo("0");
        assertThat(property(event, "ORGANIZER")).isEqualToIgnoringCase("mailto:" + SECRETARY);
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Amsterdam");
        assertThat(property(event, "DTSTART")).endsWith("T193000");
        assertThat(event.getProperty("CONFERENCE").orElseThrow().getValue()).isEqualTo("https://teams.example/join/123");
        Attendee attendee = (Attendee) event.getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getValue()).isEqualToIgnoringCase("mailto:" + MEMBER);
        assertThat(attendee.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("TRUE");
        assertThat(mail.getMessageID()).as("a stable Message-ID from the outbox").isNotBlank();

        Attendance attendance = as.call(SECRETARY, () -> invitations.attendance(id));
        assertThat(attendance.invitees()).extracting(InviteeRow::email)
                .containsExactlyInAnyOrder(SECRETARY, MEMBER, READER);
        assertThat(attendance.open()).isEqualTo(3);
    }

    @Test
    void aChangeSendsAnUpdateWithAHigherSequenceAndACancellationRemovesTheMeeting() throws Exception {
        MeetingId id = published();
        MimeMessage first = await(smtp, MEMBER, title, 1).getFirst();
        String uid = property(event(calendar(first)), "UID");

        var details = as.call(SECRETARY, () -> meetings.get(id));
        var moved = new MeetingDraft(title, details.draft().date(), LocalTime.of(20, 0), LocalTime.of(22, 0),
                details.form(), details.location(), details.joinUrl(), null, null);
        as.run(SECRETARY, () -> meetings.update(id, moved, details.version()));
        MimeMessage update = await(smtp, MEMBER, title, 2).stream()
                .filter(m -> InvitationMailbox.subject(m).startsWith("Gewijzigd")).findFirst().orElseThrow();
        VEvent updated = event(calendar(update));
        assertThat(property(updated, "UID")).isEqualTo(uid);
        assertThat(property(updated, "SEQUENCE")).isEqualTo("1");
        assertThat(property(updated, "DTSTART")).endsWith("T200000");

        // the chair is no business of calendars: no mail
        var again = as.call(SECRETARY, () -> meetings.get(id));
        var chairOnly = new MeetingDraft(title, again.draft().date(), again.draft().start(), again.draft().end(),
                again.form(), again.location(), again.joinUrl(), accounts.findByEmail(MEMBER).orElseThrow().id(),
                null);
        as.run(SECRETARY, () -> meetings.update(id, chairOnly, again.version()));

        as.run(SECRETARY, () -> meetings.cancel(id));
        MimeMessage cancel = await(smtp, MEMBER, title, 3).stream()
                .filter(m -> InvitationMailbox.subject(m).startsWith("Geannuleerd")).findFirst().orElseThrow();
        assertThat(part(cancel, "text/calendar").getContentType()).contains("method=CANCEL");
        Calendar cancelled = calendar(cancel);
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(property(event(cancelled), "STATUS")).isEqualTo("CANCELLED");
        assertThat(property(event(cancelled), "UID")).isEqualTo(uid);
        assertThat(property(event(cancelled), "SEQUENCE")).isEqualTo("2");
        Thread.sleep(1500);
        assertThat(mails(smtp, MEMBER, title)).as("invitation, update, cancellation: nothing else").hasSize(3);
    }

    @Test
    void onTheDaysTheClocksChangeTheLocalTimeIsKept() throws Exception {
        // 28 March 2027: summer time starts at 02:00; 31 October 2027: winter time at 03:00
        MeetingId spring = meeting(LocalDate.of(2027, 3, 28), LocalTime.of(14, 0), LocalTime.of(16, 0));
        MeetingId autumn = meeting(LocalDate.of(2027, 10, 31), LocalTime.of(14, 0), LocalTime.of(16, 0));
        as.run(SECRETARY, () -> meetings.publish(spring));
        as.run(SECRETARY, () -> meetings.publish(autumn));
        var received = await(smtp, MEMBER, title, 2);
        for (MimeMessage mail : received) {
            VEvent event = event(calendar(mail));
            Instant start = Instant.from(event.getDateTimeStart().getDate());
            boolean inSpring = InvitationMailbox.subject(mail).contains("maart");
            assertThat(start).isEqualTo(inSpring ? Instant.parse("2027-03-28T12:00:00Z")
                    : Instant.parse("2027-10-31T13:00:00Z"));
            assertThat(text(part(mail, "text/plain"))).contains("14:00–16:00");
        }
    }

    @Test
    void theAnswerLinkWorksWithoutSigningInAndRefusesTamperingExpiryAndCancelledMeetings() throws Exception {
        MeetingId id = published();
        String token = InvitationMailbox.token(await(smtp, MEMBER, title, 1).getFirst());

        RsvpResult shown = rsvp.show(token);
        assertThat(shown.title()).isEqualTo(title);
        assertThat(shown.answer()).isEqualTo(Answer.NEEDS_ACTION);
        assertThat(rsvp.answer(token, Answer.ACCEPTED).answer()).isEqualTo(Answer.ACCEPTED);
        assertThat(rsvp.answer(token, Answer.TENTATIVE).answer()).as("a second click changes it")
                .isEqualTo(Answer.TENTATIVE);
        InviteeRow member = row(id, MEMBER);
        assertThat(member.answer()).isEqualTo(Answer.TENTATIVE);
        assertThat(member.answeredVia()).isEqualTo(AnsweredVia.MAIL);

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertRefused(() -> rsvp.answer(tampered, Answer.DECLINED), "rsvp.invalid");
        String otherInvitee = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (row(id, READER).id() + "." + (Instant.now().getEpochSecond() + 3600)).getBytes())
                + token.substring(token.indexOf('.'));
        assertRefused(() -> rsvp.answer(otherInvitee, Answer.DECLINED), "rsvp.invalid");
        assertRefused(() -> rsvp.answer("nonsense", Answer.DECLINED), "rsvp.invalid");

        clock.advance(Duration.ofDays(61));
        assertRefused(() -> rsvp.answer(token, Answer.DECLINED), "rsvp.expired");
        clock.reset();

        as.run(SECRETARY, () -> meetings.cancel(id));
        assertRefused(() -> rsvp.answer(token, Answer.DECLINED), "rsvp.cancelled");
        assertThat(row(id, MEMBER).answer()).as("nothing changed by refused answers").isEqualTo(Answer.TENTATIVE);
    }

    @Test
    void membersAnswerInTheAppAndTheSecretaryRecordsPhoneAnswers() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        as.run(MEMBER, () -> invitations.answer(id, Answer.DECLINED, invitations.myVersion(id)));
        assertThat(as.call(MEMBER, () -> invitations.mine(id)).answer()).isEqualTo(Answer.DECLINED);

        InviteeRow reader = row(id, READER);
        as.run(SECRETARY, () -> invitations.record(id, reader, Answer.ACCEPTED));
        InviteeRow recorded = row(id, READER);
        assertThat(recorded.answer()).isEqualTo(Answer.ACCEPTED);
        assertThat(recorded.answeredVia()).isEqualTo(AnsweredVia.SECRETARY);
        assertThat(recorded.recordedBy()).isNotBlank();
        assertThatThrownBy(() -> as.run(SECRETARY, () -> invitations.record(id, reader, Answer.DECLINED)))
                .as("a stale row").isInstanceOf(nl.tafel.shared.ConcurrentEditException.class);

        Attendance attendance = as.call(SECRETARY, () -> invitations.attendance(id));
        assertThat(attendance.accepted()).isEqualTo(1);
        assertThat(attendance.declined()).isEqualTo(1);
        assertThat(attendance.open()).isEqualTo(1);

        assertThatThrownBy(() -> as.run(MEMBER, () -> invitations.attendance(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> invitations.record(id, reader, Answer.DECLINED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> invitations.answer(id, Answer.ACCEPTED, 0)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void guestsAreInvitedByMailInTheirLanguageAndBadAddressesAreRefused() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        assertThatThrownBy(() -> as.run(SECRETARY, () -> invitations.addGuest(id,
                new GuestDraft("Wethouder", "geen-adres", true, Locale.of("nl")))))
                .isInstanceOf(FieldException.class).extracting(e -> ((FieldException) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> as.run(MEMBER, () -> invitations.addGuest(id,
                new GuestDraft("Gast", "gast@voorbeeld.nl", true, Locale.of("nl")))))
                .isInstanceOf(AccessDeniedException.class);

        String guest = "wethouder-" + UUID.randomUUID().toString().substring(0, 6) + "@leiden.example";
        as.run(SECRETARY, () -> invitations.addGuest(id, new GuestDraft("A. de Wethouder", guest, false,
                Locale.ENGLISH)));
        MimeMessage mail = await(smtp, guest, title, 1).getFirst();
        assertThat(mail.getSubject()).startsWith("Invitation: " + title);
        Attendee attendee = (Attendee) event(calendar(mail)).getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getParameter("ROLE").orElseThrow().getValue()).isEqualTo("OPT-PARTICIPANT");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> invitations.addGuest(id, new GuestDraft("Nogmaals",
                guest.toUpperCase(Locale.ROOT), true, Locale.ENGLISH))))
                .isInstanceOf(FieldException.class).hasMessageContaining("invitations.error.alreadyInvited");

        InviteeRow row = row(id, guest);
        assertThat(row.guest()).isTrue();
        as.run(SECRETARY, () -> invitations.remove(id, row));
        MimeMessage cancel = await(smtp, guest, title, 2).get(1);
        assertThat(calendar(cancel).getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    }

    @Test
    void sendingAgainForTheSameStateSendsNothingTwice() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        CurrentUser.runAsSystem(() -> inviter.sync(id));
        CurrentUser.runAsSystem(() -> inviter.sync(id));
        Thread.sleep(1500);
        assertThat(mails(smtp, MEMBER, title)).hasSize(1);
        Integer rows = jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Integer.class,
                "%" + title + "%");
        assertThat(rows).as("one outbox row per invitee").isEqualTo(3);
    }

    @Test
    void withTheMailServerDownPublishingSucceedsAndTheInvitationsWait() throws Exception {
        smtp.stop();
        MeetingId id = published();
        assertThat(as.call(SECRETARY, () -> meetings.get(id)).status())
                .isEqualTo(nl.tafel.meetings.MeetingStatus.PUBLISHED);
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until && (row(id, MEMBER).mailStatus() == null
                || !pendingAfterFailure(id))) {
            Thread.sleep(200);
        }
        assertThat(row(id, MEMBER).mailStatus()).isEqualTo(MailStatus.PENDING);

        smtp = nl.tafel.TestMailbox.startSmtp();
        clock.advance(Duration.ofMinutes(2));
        await(smtp, MEMBER, title, 1);
        await(smtp, READER, title, 1);
    }

    @Test
    void anAddressTheServerRefusesIsMarkedFailedWithTheReasonAndNotRetried() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        smtp.stop();
        smtp = null;
        String bouncing = "bounce-" + UUID.randomUUID().toString().substring(0, 6) + "@voorbeeld.nl";
        try (var refusing = new nl.tafel.RefusingSmtpServer(nl.tafel.TestDatabaseEnvironment.SMTP_PORT)) {
            as.run(SECRETARY, () -> invitations.addGuest(id, new GuestDraft("Oud adres", bouncing, true,
                    Locale.of("nl"))));
            long until = System.currentTimeMillis() + 20_000;
            while (row(id, bouncing).mailStatus() != MailStatus.FAILED && System.currentTimeMillis() < until) {
                Thread.sleep(200);
            }
        }
        InviteeRow guest = row(id, bouncing);
        assertThat(guest.mailStatus()).as("a 550 is final").isEqualTo(MailStatus.FAILED);
        assertThat(guest.mailError()).contains("550").contains("User unknown");
        Integer attempts = jdbc.queryForObject("select attempts from mail_outbox where recipient = ?", Integer.class,
                bouncing);
        assertThat(attempts).isEqualTo(1);
        assertThat(row(id, MEMBER).mailStatus()).isEqualTo(MailStatus.SENT);
    }

    private boolean pendingAfterFailure(MeetingId id) {
        Integer tried = jdbc.queryForObject("select count(*) from mail_outbox where subject like ? and attempts > 0",
                Integer.class, "%" + title + "%");
        return tried != null && tried >= 3;
    }

    @Test
    void onlyThoseWithoutAnAnswerAreReminded() throws Exception {
        MeetingId id = published();
        String token = InvitationMailbox.token(await(smtp, MEMBER, title, 1).getFirst());
        await(smtp, READER, title, 1);
        rsvp.answer(token, Answer.ACCEPTED);
        var start = as.call(SECRETARY, () -> meetings.get(id)).startsAt();
        clock.advance(Duration.between(Instant.now(), start.minus(Duration.ofDays(2))));
        CurrentUser.runAsSystem(() -> inviter.remindDue());
        CurrentUser.runAsSystem(() -> inviter.remindDue());
        MimeMessage reminder = await(smtp, READER, title, 2).stream()
                .filter(m -> InvitationMailbox.subject(m).startsWith("Herinnering")).findFirst().orElseThrow();
        assertThat(text(part(reminder, "text/plain"))).contains("/antwoord?t=");
        Thread.sleep(1500);
        assertThat(mails(smtp, MEMBER, title)).as("who answered is not reminded").hasSize(1);
        assertThat(mails(smtp, READER, title)).as("reminded once").hasSize(2);
    }

    @Test
    void theQuorumForecastFollowsTheAnswers() throws Exception {
        nl.tafel.meetings.SeriesId seriesId = as.call(SECRETARY, () -> seriesService.create(space, "Bestuur", MeetingForm.PHYSICAL,
                "Stadhuis", LocalTime.of(19, 30), 120, "Meer dan de helft van de leden"));
        nl.tafel.meetings.SeriesDetails created = as.call(SECRETARY, () -> seriesService.get(seriesId));
        as.run(SECRETARY, () -> seriesService.update(new nl.tafel.meetings.SeriesDetails(created.id(),
                created.spaceId(), created.name(), created.form(), created.location(), created.start(),
                created.durationMinutes(), created.quorum(), created.template(), created.version(), 51)));
        MeetingId id = as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft(title,
                LocalDate.now(MeetingService.ZONE).plusMonths(1), LocalTime.of(19, 30), LocalTime.of(21, 30),
                MeetingForm.PHYSICAL, "Stadhuis", null, null, null), seriesId)).id();
        as.run(SECRETARY, () -> meetings.publish(id));
        await(smtp, MEMBER, title, 1);

        Attendance before = as.call(SECRETARY, () -> invitations.attendance(id));
        assertThat(before.quorumNeeded()).as("51% of three members").isEqualTo(2);
        assertThat(before.forecast()).isEqualTo(QuorumForecast.UNCERTAIN);
        as.run(SECRETARY, () -> invitations.record(id, row(id, MEMBER), Answer.DECLINED));
        as.run(SECRETARY, () -> invitations.record(id, row(id, READER), Answer.DECLINED));
        assertThat(as.call(SECRETARY, () -> invitations.attendance(id)).forecast()).isEqualTo(QuorumForecast.NOT_MET);
        as.run(SECRETARY, () -> invitations.record(id, row(id, MEMBER), Answer.ACCEPTED));
        as.run(SECRETARY, () -> invitations.record(id, row(id, SECRETARY), Answer.ACCEPTED));
        assertThat(as.call(SECRETARY, () -> invitations.attendance(id)).forecast()).isEqualTo(QuorumForecast.MET);
    }

    @Autowired
    nl.tafel.meetings.SeriesService seriesService;

    @Test
    void theCalendarFeedListsMyMeetingsAndANewAddressRevokesTheOldOne() throws Exception {
        MeetingId id = published();
        String url = as.call(MEMBER, () -> feeds.myFeedUrl());
        assertThat(as.call(MEMBER, () -> feeds.myFeedUrl())).as("stable until regenerated").isEqualTo(url);
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        String ics = feeds.feed(token).orElseThrow();
        Calendar calendar = InvitationMailbox.parse(ics);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(ics).contains("UID:" + id.value() + "@tafel").contains("SUMMARY:" + title);

        String fresh = as.call(MEMBER, () -> feeds.regenerate());
        assertThat(fresh).isNotEqualTo(url);
        assertThat(feeds.feed(token)).as("the old address is revoked").isEmpty();
        assertThat(feeds.feed("x".repeat(43))).isEmpty();
    }

    private InviteeRow row(MeetingId id, String email) {
        return as.call(SECRETARY, () -> invitations.attendance(id)).invitees().stream()
                .filter(r -> r.email().equalsIgnoreCase(email)).findFirst().orElseThrow();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(TafelException.class)
                .extracting(e -> ((TafelException) e).messageKey()).isEqualTo(key);
    }
}
