package nl.tafel.invitations;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static nl.tafel.invitations.InvitationMailbox.await;
import static nl.tafel.invitations.InvitationMailbox.calendar;
import static nl.tafel.invitations.InvitationMailbox.event;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.AppRole;
import nl.tafel.members.PersonDraft;
import nl.tafel.members.PersonService;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The defects found with a real SMTP catcher and ical.js (issue 16) and in the attack run (issue 18), each
 * reproduced on the real database and GreenMail: withdrawal and re-invitation, SEQUENCE, folding, members as guests,
 * link lifetime, answers before a change of time, the DST gap, the organizer's copy, deactivated people, feed tokens
 * and finished meetings. Every calendar part is checked for lines of at most 75 octets ({@link InvitationMailbox}).
 */
@TafelTest
class InvitationDefectsTest {

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
    PersonService people;
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

    private MeetingId concept(String meetingTitle, LocalDate date) {
        return as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft(meetingTitle, date,
                LocalTime.of(19, 30), LocalTime.of(21, 30), MeetingForm.HYBRID, "Stadhuis Leiden, kamer 2.14",
                "https://teams.example/join/123", null, null))).id();
    }

    private MeetingId published(LocalDate date) {
        MeetingId id = concept(title, date);
        as.run(SECRETARY, () -> meetings.publish(id));
        return id;
    }

    private MeetingId published() {
        return published(LocalDate.now(MeetingService.ZONE).plusMonths(1));
    }

    private static List<MimeMessage> subjects(List<MimeMessage> mails, String start) {
        return mails.stream().filter(m -> InvitationMailbox.subject(m).startsWith(start)).toList();
    }

    private static int sequence(MimeMessage mail) throws Exception {
        return Integer.parseInt(property(event(calendar(mail)), "SEQUENCE"));
    }

    @Test
    void withdrawingAndInvitingAgainSendsRequestCancelRequestWithRisingSequence() throws Exception {
        MeetingId id = published();
        MimeMessage request = await(smtp, MEMBER, title, 1).getFirst();
        Calendar first = calendar(request);
        assertThat(first.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(sequence(request)).isZero();
        assertThat(event(first).getProperty("CONFERENCE").orElseThrow().getParameter("VALUE").orElseThrow()
                .getValue()).as("CONFERENCE is a URI (RFC 7986)").isEqualTo("URI");
        String token = feedToken(MEMBER);
        assertThat(feedEvent(token, id).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");

        as.run(SECRETARY, () -> invitations.remove(id, row(id, MEMBER)));
        MimeMessage cancel = subjects(await(smtp, MEMBER, title, 2), "Geannuleerd").getFirst();
        Calendar cancelled = calendar(cancel);
        assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(part(cancel, "text/calendar").getContentType()).contains("method=CANCEL");
        assertThat(sequence(cancel)).as("above the REQUEST it cancels").isGreaterThan(sequence(request));
        Attendee attendee = (Attendee) event(cancelled).getProperty("ATTENDEE").orElseThrow();
        assertThat(attendee.getParameter("RSVP")).as("a cancellation asks no answer").isEmpty();
        VEvent inFeed = feedEvent(token, id);
        assertThat(inFeed.getProperty("STATUS").orElseThrow().getValue())
                .as("the feed no longer shows the meeting as confirmed").isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(property(inFeed, "SEQUENCE"))).isGreaterThanOrEqualTo(sequence(cancel));

        InviteeRow withdrawn = row(id, MEMBER);
        assertThat(withdrawn.withdrawn()).as("listed, so the secretary can invite again").isTrue();
        assertThat(withdrawn.invited()).isFalse();
        as.run(SECRETARY, () -> invitations.invite(id, withdrawn));
        List<MimeMessage> all = await(smtp, MEMBER, title, 3);
        List<MimeMessage> requests = subjects(all, "Uitnodiging");
        assertThat(requests).hasSize(2);
        MimeMessage again = requests.stream().filter(m -> !m.equals(request)).findFirst().orElseThrow();
        assertThat(calendar(again).getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(sequence(again)).as("above the CANCEL").isGreaterThan(sequence(cancel));
        assertThat(feedEvent(token, id).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(row(id, MEMBER).invited()).isTrue();

        // the next change to everyone still rises above what this member was sent
        var details = as.call(SECRETARY, () -> meetings.get(id));
        as.run(SECRETARY, () -> meetings.update(id, new MeetingDraft(title, details.draft().date(),
                LocalTime.of(20, 0), LocalTime.of(22, 0), details.form(), details.location(), details.joinUrl(),
                null, null), details.version()));
        MimeMessage update = subjects(await(smtp, MEMBER, title, 4), "Gewijzigd").getFirst();
        assertThat(sequence(update)).isGreaterThan(sequence(again));
        MimeMessage readerUpdate = subjects(await(smtp, READER, title, 2), "Gewijzigd").getFirst();
        assertThat(sequence(readerUpdate)).isEqualTo(sequence(update));
    }

    @Test
    void aGuestTakenOffAndAddedAgainGetsANewInvitation() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        String guest = "gast-" + UUID.randomUUID().toString().substring(0, 6) + "@leiden.example";
        GuestDraft draft = new GuestDraft("Wethouder", guest, true, Locale.of("nl"));
        as.run(SECRETARY, () -> invitations.addGuest(id, draft));
        MimeMessage first = await(smtp, guest, title, 1).getFirst();
        as.run(SECRETARY, () -> invitations.remove(id, row(id, guest)));
        MimeMessage cancel = subjects(await(smtp, guest, title, 2), "Geannuleerd").getFirst();
        as.run(SECRETARY, () -> invitations.addGuest(id, draft));
        MimeMessage again = subjects(await(smtp, guest, title, 3), "Uitnodiging").stream()
                .filter(m -> !m.equals(first)).findFirst().orElseThrow();
        assertThat(sequence(first)).isLessThan(sequence(cancel));
        assertThat(sequence(cancel)).isLessThan(sequence(again));
    }

    @Test
    void theSecretaryGetsHerOwnCopyWithoutBeingAskedToAnswerHerself() throws Exception {
        MeetingId id = published();
        MimeMessage own = await(smtp, SECRETARY, title, 1).getFirst();
        Calendar calendar = calendar(own);
        VEvent event = event(calendar);
        assertThat(property(event, "ORGANIZER")).isEqualToIgnoringCase("mailto:" + SECRETARY);
        assertThat(event.getProperties("ATTENDEE")).as("not both ORGANIZER and ATTENDEE").isEmpty();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isNotEqualTo("REQUEST");
        assertThat(part(own, "text/calendar").getContentType()).doesNotContain("method=REQUEST");
        assertThat(property(event, "UID")).isEqualTo(id.value() + "@tafel");
        assertThat(text(part(own, "text/plain"))).as("she can still answer by link").contains("/antwoord?t=");
    }

    @Test
    void longLinesAreFoldedAt75OctetsInEveryCalendarPartAndTheFeed() throws Exception {
        // "–", "é" and "ö" take two or three octets: folding by characters would still exceed 75 octets
        String longTitle = title + " – vergadering over het jaarverslag, de begroting en de coöperatieve "
                + "samenwerking met de gemeente – één avond";
        MeetingId id = concept(longTitle, LocalDate.now(MeetingService.ZONE).plusMonths(1));
        as.run(SECRETARY, () -> meetings.publish(id));
        MimeMessage mail = await(smtp, MEMBER, title, 1).getFirst();
        String ics = text(part(mail, "text/calendar"));
        InvitationMailbox.assertFolded(ics);
        assertThat(ics).contains("\r\n ");
        assertThat(property(event(calendar(mail)), "SUMMARY")).as("unfolded again by a reader").isEqualTo(longTitle);
        as.run(SECRETARY, () -> meetings.cancel(id));
        calendar(subjects(await(smtp, MEMBER, title, 2), "Geannuleerd").getFirst());
        String feed = feeds.feed(feedToken(MEMBER)).orElseThrow();
        Calendar parsed = InvitationMailbox.parse(feed);
        assertThat(parsed.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Tafel – vergaderingen");
    }

    @Test
    void aMemberAddedAsAGuestIsToldSoAndStaysAMember() throws Exception {
        MeetingId id = concept(title, LocalDate.now(MeetingService.ZONE).plusMonths(1));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> invitations.addGuest(id,
                new GuestDraft("Lid als gast", MEMBER.toUpperCase(Locale.ROOT), true, Locale.of("nl")))))
                .isInstanceOf(FieldException.class)
                .satisfies(e -> {
                    assertThat(((FieldException) e).field()).isEqualTo("email");
                    assertThat(((FieldException) e).messageKey()).isEqualTo("invitations.error.memberAsGuest");
                });

        // a guest row for a member's address made before this check: publication makes it the member's own
        jdbc.update("insert into invitee (meeting_id, person_id, email, name, locale, required, guest, answer,"
                + " removed, version) values (?, null, ?, 'Lid als gast', 'nl', false, true, 'NEEDS_ACTION', false, 0)",
                id.value().toString(), MEMBER);
        as.run(SECRETARY, () -> meetings.publish(id));
        MimeMessage mail = await(smtp, MEMBER, title, 1).getFirst();
        assertThat(text(part(mail, "text/plain"))).doesNotContain("Lid als gast");
        InviteeRow member = row(id, MEMBER);
        assertThat(member.guest()).isFalse();
        assertThat(member.required()).isTrue();
        assertThat(member.personId()).isEqualTo(accounts.findByEmail(MEMBER).orElseThrow().id());
        as.run(MEMBER, () -> invitations.answer(id, Answer.ACCEPTED, invitations.myVersion(id)));
        assertThat(row(id, MEMBER).answer()).isEqualTo(Answer.ACCEPTED);
        assertThat(as.call(SECRETARY, () -> invitations.attendance(id)).invitees())
                .filteredOn(r -> r.email().equalsIgnoreCase(MEMBER)).hasSize(1);
    }

    @Test
    void answerLinksWorkUntilAWeekAfterTheMeetingHowEverEarlyTheyWereSent() throws Exception {
        MeetingId id = published(LocalDate.now(MeetingService.ZONE).plusDays(90));
        String token = InvitationMailbox.token(await(smtp, MEMBER, title, 1).getFirst());
        Instant end = as.call(SECRETARY, () -> meetings.get(id)).endsAt();

        clock.advance(Duration.ofDays(61));
        assertThat(rsvp.answer(token, Answer.ACCEPTED).answer()).as("past the old 60 days").isEqualTo(Answer.ACCEPTED);
        clock.advance(Duration.between(clock.instant(), end.plus(Duration.ofDays(6))));
        assertThat(rsvp.show(token).title()).as("shown after the meeting").isEqualTo(title);
        assertRefused(() -> rsvp.answer(token, Answer.DECLINED), "rsvp.over");
        clock.advance(Duration.ofDays(2));
        assertRefused(() -> rsvp.show(token), "rsvp.expired");
    }

    @Test
    void answersGivenBeforeAChangeOfTimeAreKeptMarkedAndAskedAgain() throws Exception {
        nl.tafel.meetings.SeriesId seriesId = as.call(SECRETARY, () -> series.create(space, "Bestuur",
                MeetingForm.PHYSICAL, "Stadhuis", LocalTime.of(19, 30), 120, "Meer dan de helft"));
        nl.tafel.meetings.SeriesDetails s = as.call(SECRETARY, () -> series.get(seriesId));
        as.run(SECRETARY, () -> series.update(new nl.tafel.meetings.SeriesDetails(s.id(), s.spaceId(), s.name(),
                s.form(), s.location(), s.start(), s.durationMinutes(), s.quorum(), s.template(), s.version(), 51)));
        MeetingId id = as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft(title,
                LocalDate.now(MeetingService.ZONE).plusMonths(1), LocalTime.of(19, 30), LocalTime.of(21, 30),
                MeetingForm.PHYSICAL, "Stadhuis", null, null, null), seriesId)).id();
        as.run(SECRETARY, () -> meetings.publish(id));
        String token = InvitationMailbox.token(await(smtp, MEMBER, title, 1).getFirst());
        await(smtp, READER, title, 1);
        rsvp.answer(token, Answer.ACCEPTED);
        as.run(SECRETARY, () -> invitations.record(id, row(id, SECRETARY), Answer.ACCEPTED));
        assertThat(as.call(SECRETARY, () -> invitations.attendance(id)).answersBeforeChange()).isZero();

        // the title alone is no change of time
        var before = as.call(SECRETARY, () -> meetings.get(id));
        as.run(SECRETARY, () -> meetings.update(id, new MeetingDraft(title + " (2)", before.draft().date(),
                before.draft().start(), before.draft().end(), before.form(), before.location(), null, null, null),
                before.version()));
        await(smtp, MEMBER, title, 2);
        assertThat(row(id, MEMBER).answerBeforeChange()).isFalse();

        var details = as.call(SECRETARY, () -> meetings.get(id));
        as.run(SECRETARY, () -> meetings.update(id, new MeetingDraft(title, details.draft().date(),
                LocalTime.of(20, 0), LocalTime.of(22, 0), details.form(), details.location(), null, null, null),
                details.version()));
        InviteeRow member = row(id, MEMBER);
        assertThat(member.answer()).as("kept").isEqualTo(Answer.ACCEPTED);
        assertThat(member.answerBeforeChange()).isTrue();
        assertThat(as.call(MEMBER, () -> invitations.mine(id)).answerBeforeChange()).isTrue();
        assertThat(rsvp.show(token).answerBeforeChange()).as("the answer page says so too").isTrue();
        assertThat(row(id, READER).answerBeforeChange()).as("no answer, nothing before the change").isFalse();
        Attendance attendance = as.call(SECRETARY, () -> invitations.attendance(id));
        assertThat(attendance.answersBeforeChange()).isEqualTo(2);
        assertThat(attendance.forecast()).isNotNull();

        MimeMessage update = await(smtp, MEMBER, title, 3).stream()
                .filter(m -> InvitationMailbox.subject(m).startsWith("Gewijzigd")
                        && InvitationMailbox.subject(m).contains("20:00")).findFirst().orElseThrow();
        String text = text(part(update, "text/plain"));
        assertThat(text).contains("Je antwoord „Komt” gaf je vóór de wijziging. Kom je op de nieuwe tijd?")
                .contains("/antwoord?t=");
        MimeMessage readerUpdate = await(smtp, READER, title, 3).stream()
                .filter(m -> InvitationMailbox.subject(m).contains("20:00")).findFirst().orElseThrow();
        assertThat(text(part(readerUpdate, "text/plain"))).contains("Kom je?").doesNotContain("vóór de wijziging");

        rsvp.answer(InvitationMailbox.token(update), Answer.DECLINED);
        assertThat(row(id, MEMBER).answerBeforeChange()).as("answered again for the new time").isFalse();
        assertThat(as.call(SECRETARY, () -> invitations.attendance(id)).answersBeforeChange()).isEqualTo(1);
    }

    @Autowired
    nl.tafel.meetings.SeriesService series;

    @Test
    void aTimeInTheHourTheClocksSkipIsRefusedWithAMessage() {
        LocalDate spring = LocalDate.of(2027, 3, 28);
        for (var times : List.of(List.of(LocalTime.of(2, 30), LocalTime.of(4, 0)),
                List.of(LocalTime.of(1, 0), LocalTime.of(2, 30)), List.of(LocalTime.of(2, 0), LocalTime.of(3, 0)))) {
            assertThatThrownBy(() -> as.run(SECRETARY, () -> meetings.create(space, new MeetingDraft(title, spring,
                    times.get(0), times.get(1), MeetingForm.PHYSICAL, "Stadhuis", null, null, null))))
                    .isInstanceOf(FieldException.class)
                    .satisfies(e -> {
                        assertThat(((FieldException) e).messageKey()).isEqualTo("meetings.error.dstGap");
                        assertThat(((FieldException) e).field())
                                .isEqualTo(times.get(0).getHour() == 1 ? "end" : "start");
                    });
        }
        // 03:00 exists, and so does the doubled hour in October
        as.run(SECRETARY, () -> meetings.create(space, new MeetingDraft(title, spring, LocalTime.of(3, 0),
                LocalTime.of(4, 0), MeetingForm.PHYSICAL, "Stadhuis", null, null, null)));
        as.run(SECRETARY, () -> meetings.create(space, new MeetingDraft(title, LocalDate.of(2027, 10, 31),
                LocalTime.of(2, 30), LocalTime.of(3, 30), MeetingForm.PHYSICAL, "Stadhuis", null, null, null)));
    }

    @Test
    void answerLinksStopWhenThePersonIsDeactivated() throws Exception {
        String email = "oud-lid-" + UUID.randomUUID().toString().substring(0, 6) + "@voorbeeld.nl";
        PersonId person = as.call(ADMIN, () -> people.create(new PersonDraft("Oud Lid", email, null, null, null,
                AppRole.MEMBER, Locale.of("nl"))).id());
        as.run(SECRETARY, () -> spaces.setMember(space, person, SpaceRole.READER));
        published();
        String token = InvitationMailbox.token(await(smtp, email, title, 1).getFirst());
        assertThat(rsvp.show(token).inviteeName()).isEqualTo("Oud Lid");

        as.run(ADMIN, () -> people.deactivate(person));
        assertRefused(() -> rsvp.show(token), "rsvp.inactive");
        assertRefused(() -> rsvp.answer(token, Answer.ACCEPTED), "rsvp.inactive");
        as.run(ADMIN, () -> people.reactivate(person));
        assertThat(rsvp.answer(token, Answer.ACCEPTED).answer()).isEqualTo(Answer.ACCEPTED);
    }

    @Test
    void feedTokensMatchOnlyInTheirOwnCase() {
        String token = feedToken(MEMBER);
        assertThat(feeds.feed(token)).isPresent();
        String swapped = swapCase(token);
        assertThat(swapped).isNotEqualTo(token);
        assertThat(feeds.feed(swapped)).as("compared byte for byte").isEmpty();
        assertThat(feeds.feed(token.toUpperCase(Locale.ROOT))).isEmpty();
        byte[] stored = jdbc.queryForObject("select token_hash from calendar_feed where person_id = ?",
                byte[].class, accounts.findByEmail(MEMBER).orElseThrow().id().value());
        assertThat(stored).hasSize(32);
    }

    @Test
    void aFinishedMeetingTakesNoAnswersAndSendsNoMoreMail() throws Exception {
        MeetingId id = published(LocalDate.now(MeetingService.ZONE).plusDays(5));
        String token = InvitationMailbox.token(await(smtp, MEMBER, title, 1).getFirst());
        await(smtp, READER, title, 1);
        String feedToken = feedToken(MEMBER);
        var m = as.call(SECRETARY, () -> meetings.get(id));
        clock.advance(Duration.between(clock.instant(), m.startsAt().plus(Duration.ofMinutes(30))));
        as.run(SECRETARY, () -> meetings.finish(id));
        Integer before = outbox();

        assertRefused(() -> rsvp.answer(token, Answer.ACCEPTED), "rsvp.finished");
        assertThat(rsvp.show(token).status()).isEqualTo(MeetingStatus.FINISHED);
        assertRefused(() -> as.run(MEMBER, () -> invitations.answer(id, Answer.ACCEPTED, invitations.myVersion(id))),
                "rsvp.over");
        assertThat(as.call(MEMBER, () -> invitations.mine(id)).canAnswer()).isFalse();
        assertRefused(() -> as.run(SECRETARY, () -> invitations.addGuest(id, new GuestDraft("Laat", "laat-"
                + UUID.randomUUID().toString().substring(0, 6) + "@voorbeeld.nl", true, Locale.of("nl")))),
                "meetings.error.closed");
        assertRefused(() -> as.run(SECRETARY, () -> invitations.remove(id, row(id, READER))),
                "meetings.error.closed");
        CurrentUser.runAsSystem(() -> inviter.sync(id));
        CurrentUser.runAsSystem(() -> inviter.remindDue());
        jdbc.update("update invitation set reminded_at = null where meeting_id = ?", id.value());
        CurrentUser.runAsSystem(() -> inviter.remindDue());
        CurrentUser.runAsSystem(() -> inviter.inviteLate(as.call(SECRETARY, () -> meetings.get(id)),
                invitee(id, READER)));
        assertThat(outbox()).as("no invitation, update or reminder after the meeting was finished")
                .isEqualTo(before);

        VEvent inFeed = feedEvent(feedToken, id);
        assertThat(inFeed.getProperty("STATUS").orElseThrow().getValue()).as("held, not cancelled")
                .isEqualTo("CONFIRMED");
        assertThat(inFeed.getProperties("ATTENDEE")).as("nothing to answer").isEmpty();
    }

    @Test
    void aCancelledMeetingSendsNoMoreInvitations() throws Exception {
        MeetingId id = published();
        await(smtp, MEMBER, title, 1);
        as.run(SECRETARY, () -> meetings.cancel(id));
        await(smtp, MEMBER, title, 2);
        Integer before = outbox();
        var m = as.call(SECRETARY, () -> meetings.get(id));
        CurrentUser.runAsSystem(() -> inviter.inviteLate(m, invitee(id, READER)));
        CurrentUser.runAsSystem(() -> inviter.uninvite(m, invitee(id, READER)));
        CurrentUser.runAsSystem(() -> inviter.sync(id));
        assertThat(outbox()).isEqualTo(before);
    }

    private nl.tafel.invitations.internal.InviteeEntity invitee(MeetingId id, String email) {
        return inviteeRepository.findByMeetingIdAndEmail(id.value(), email).orElseThrow();
    }

    @Autowired
    nl.tafel.invitations.internal.InviteeRepository inviteeRepository;

    private Integer outbox() {
        return jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Integer.class,
                "%" + title + "%");
    }

    private String feedToken(String email) {
        String url = as.call(email, () -> feeds.myFeedUrl());
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private VEvent feedEvent(String token, MeetingId id) throws Exception {
        Calendar calendar = InvitationMailbox.parse(feeds.feed(token).orElseThrow());
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> property(e, "UID").equals(id.value() + "@tafel")).findFirst().orElseThrow();
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
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
