package nl.tafel.notifications;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.actions.ActionDraft;
import nl.tafel.actions.ActionOwner;
import nl.tafel.actions.ActionService;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDraft;
import nl.tafel.news.PostId;
import nl.tafel.notifications.internal.NotificationMailer;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.PublicAddress;
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
 * Notifications on MariaDB: who is told what, the bell's own-only rule, preferences per kind, mails at once and the
 * timing, content, language and uniqueness of digests (with the test clock).
 */
@TafelTest
class NotificationServiceTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationMailer mailer;
    @Autowired
    NewsService news;
    @Autowired
    SpaceService spaces;
    @Autowired
    ActionService actions;
    @Autowired
    nl.tafel.spaces.DocumentService documents;
    @Autowired
    nl.tafel.minutes.MinutesService minutes;
    @Autowired
    AgendaService agenda;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PublicAddress address;
    @Autowired
    TestConfig.TestClock clock;

    String run = TestBoard.unique("Meld");
    SpaceId space;
    String english;
    String dutch;

    @BeforeEach
    void setUp() {
        space = board.space("Werkgroep " + run);
        String tag = run.substring(run.length() - 8);
        english = "en-" + tag + "@test.example";
        dutch = "nl-" + tag + "@test.example";
        person(english, "Emma English", "en");
        person(dutch, "Daan Digest", "nl");
        as.run(SECRETARY, () -> {
            spaces.setMember(space, id(english), SpaceRole.READER);
            spaces.setMember(space, id(dutch), SpaceRole.READER);
        });
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        jdbc.update("delete from notification_preference where person_id in (?, ?)", id(MEMBER).value(),
                id(READER).value());
    }

    @Test
    void aSpacePostIsUnderTheBellOfItsMembersOnly() throws Exception {
        String title = "Parkeren " + run;
        post(space, title, null);
        awaitNotification(MEMBER, title);
        awaitNotification(READER, title);
        List<Notification> mine = as.call(MEMBER, () -> notifications.mine());
        Notification n = mine.stream().filter(x -> x.subject().equals(title)).findFirst().orElseThrow();
        assertThat(n.kind()).isEqualTo(NotificationKind.NEWS_POSTED);
        assertThat(n.read()).isFalse();
        assertThat(n.link()).startsWith("nieuws/");
        assertThat(as.call(MEMBER, () -> notifications.unreadCount())).isPositive();
        assertThat(as.call(OUTSIDER, () -> notifications.mine())).extracting(Notification::subject)
                .doesNotContain(title);
        // the writer of the post is a member of the space too; it is under their own bell, nobody else's rows
        assertThat(jdbc.queryForObject("select count(*) from notification where subject = ?", Integer.class, title))
                .isEqualTo(5); // secretary, member, reader and the two people of this test
    }

    @Test
    void aPersonReadsOnlyTheirOwnNotifications() throws Exception {
        String title = "Eigen " + run;
        post(space, title, null);
        long id = awaitNotification(MEMBER, title);
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> notifications.markRead(id)))
                .isInstanceOf(TafelException.class).hasMessageContaining("notifications.error.gone");
        assertThatThrownBy(() -> as.run(READER, () -> notifications.markRead(id)))
                .isInstanceOf(TafelException.class);
        assertThat(read(MEMBER, title)).isFalse();
        int before = as.call(MEMBER, () -> notifications.unreadCount());
        as.run(MEMBER, () -> notifications.markRead(id));
        assertThat(read(MEMBER, title)).isTrue();
        assertThat(as.call(MEMBER, () -> notifications.unreadCount())).isEqualTo(before - 1);
        // the reader's own copy is still unread
        assertThat(read(READER, title)).isFalse();
    }

    @Test
    void aScheduledPostIsToldAboutFromItsPublication() throws Exception {
        String title = "Later " + run;
        post(space, title, clock.instant().plus(Duration.ofDays(2)));
        awaitNotification(MEMBER, title);
        assertThat(as.call(MEMBER, () -> notifications.mine())).extracting(Notification::subject)
                .doesNotContain(title);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(as.call(MEMBER, () -> notifications.mine())).extracting(Notification::subject).contains(title);
    }

    @Test
    void preferencesHaveSensibleDefaultsAndArePerPersonAndKind() {
        Map<NotificationKind, Delivery> defaults = Map.of(NotificationKind.INVITATION, Delivery.IMMEDIATE,
                NotificationKind.ACTION_ASSIGNED, Delivery.IMMEDIATE, NotificationKind.NEWS_POSTED, Delivery.WEEKLY,
                NotificationKind.DOCUMENT_STORED, Delivery.WEEKLY, NotificationKind.AGENDA_PUBLISHED,
                Delivery.WEEKLY, NotificationKind.MINUTES_CIRCULATED, Delivery.WEEKLY,
                NotificationKind.AGENDA_CHANGED, Delivery.IMMEDIATE, NotificationKind.DOCUMENTS_SYNCED, Delivery.WEEKLY);
        List<Preference> prefs = as.call(READER, () -> notifications.preferences());
        assertThat(prefs).hasSize(NotificationKind.values().length);
        prefs.forEach(p -> assertThat(p.delivery()).as(p.kind().name()).isEqualTo(defaults.get(p.kind())));
        as.run(READER, () -> notifications.choose(NotificationKind.NEWS_POSTED, Delivery.OFF));
        assertThat(as.call(READER, () -> notifications.preferences())).filteredOn(p -> p.kind()
                == NotificationKind.NEWS_POSTED).singleElement().extracting(Preference::delivery, Preference::chosen)
                .containsExactly(Delivery.OFF, true);
        // someone else's choice is not touched
        assertThat(as.call(MEMBER, () -> notifications.preferences())).filteredOn(p -> p.kind()
                == NotificationKind.NEWS_POSTED).singleElement().extracting(Preference::delivery)
                .isEqualTo(Delivery.WEEKLY);
    }

    @Test
    void atOnceIsOneMailPerNotificationAndOffIsNone() throws Exception {
        as.run(MEMBER, () -> notifications.choose(NotificationKind.NEWS_POSTED, Delivery.IMMEDIATE));
        as.run(READER, () -> notifications.choose(NotificationKind.NEWS_POSTED, Delivery.OFF));
        String title = "Meteen " + run;
        PostId post = post(space, title, null);
        long id = awaitNotification(MEMBER, title);
        awaitNotification(READER, title);
        Map<String, Object> mail = awaitMail("notification:" + id);
        assertThat(mail.get("recipient")).isEqualTo(MEMBER);
        assertThat(mail.get("subject")).isEqualTo("Nieuw bericht: " + title);
        assertThat((String) mail.get("text_body")).contains(address.of("nieuws/" + post.value()));
        // never twice: the scheduled run and a later digest leave it alone
        mailer.sendDue(clock.instant().plus(Duration.ofDays(8)));
        assertThat(mailsMentioning(MEMBER, title)).isEqualTo(1);
        // off: no mail at once and none in any digest
        assertThat(mailsMentioning(READER, title)).isZero();
    }

    @Test
    void theDailyDigestComesAfterSevenWithTheItemsOnceAndInThePersonsLanguage() throws Exception {
        for (String who : List.of(english, dutch)) {
            jdbc.update("insert into notification_preference (person_id, kind, delivery) values (?, ?, 'DAILY')",
                    id(who).value(), NotificationKind.NEWS_POSTED.name());
        }
        String title = "Dagelijks " + run;
        PostId post = post(space, title, null);
        awaitNotification(english, title);
        awaitNotification(dutch, title);
        Instant visible = visibleFrom(english, title);
        ZonedDateTime local = visible.atZone(AMSTERDAM);
        ZonedDateTime seven = local.toLocalDate().atTime(LocalTime.of(7, 0)).atZone(AMSTERDAM);
        if (!seven.isAfter(local)) {
            seven = seven.plusDays(1);
        }
        moveTo(seven.toInstant().minus(Duration.ofMinutes(1)));
        mailer.sendDue(clock.instant());
        assertThat(mailsMentioning(english, title)).as("before 07:00 nothing").isZero();

        // after 07:00 it goes out, over SMTP (GreenMail), once, with the link to the post
        var smtp = nl.tafel.TestMailbox.startSmtp();
        try {
            moveTo(seven.toInstant().plus(Duration.ofMinutes(1)));
            mailer.sendDue(clock.instant());
            mailer.sendDue(clock.instant());
            assertThat(mailsMentioning(english, title)).as("once").isEqualTo(1);
            var received = nl.tafel.TestMailbox.awaitMailTo(smtp, english);
            assertThat(received.getSubject()).matches("Tafel: \\d+ new notifications today");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received))
                    .contains(address.of("nieuws/" + post.value()));
            Thread.sleep(500);
            assertThat(nl.tafel.TestMailbox.mailsTo(smtp, english)).hasSize(1);
        } finally {
            smtp.stop();
        }
        Map<String, Object> en = digestTo(english);
        assertThat(en.get("subject")).asString().matches("Tafel: \\d+ new notifications today");
        assertThat((String) en.get("text_body")).contains("Dear Emma English", "New post: " + title,
                address.of("nieuws/" + post.value()), address.of("meldingen"));
        assertThat((String) en.get("html_body")).contains("<a href=\"" + address.of("nieuws/" + post.value())
                + "\">New post: " + title + "</a>");
        Map<String, Object> nl = digestTo(dutch);
        assertThat(nl.get("subject")).asString().matches("Tafel: \\d+ nieuwe meldingen van vandaag");
        assertThat((String) nl.get("text_body")).contains("Nieuw bericht: " + title);

        // the next day, with nothing new for them, no digest at all: never empty
        moveTo(seven.toInstant().plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
        int before = digests(english);
        jdbc.update("update notification set mailed_at = ? where person_id = ? and mailed_at is null",
                Timestamp.from(clock.instant()), id(english).value()); // nothing of other tests either
        mailer.sendDue(clock.instant());
        assertThat(digests(english)).isEqualTo(before);
    }

    @Test
    void theWeeklyDigestIsTheDefaultAndComesOnMonday() throws Exception {
        String title = "Wekelijks " + run;
        post(space, title, null);
        awaitNotification(dutch, title);
        ZonedDateTime local = visibleFrom(dutch, title).atZone(AMSTERDAM);
        ZonedDateTime monday = local.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(LocalTime.of(7, 0)).atZone(AMSTERDAM);
        if (local.getDayOfWeek() == DayOfWeek.MONDAY && local.toLocalTime().isBefore(LocalTime.of(7, 0))) {
            monday = local.toLocalDate().atTime(LocalTime.of(7, 0)).atZone(AMSTERDAM);
        }
        moveTo(monday.toInstant().minus(Duration.ofHours(1)));
        mailer.sendDue(clock.instant());
        assertThat(mailsMentioning(dutch, title)).as("not before Monday 07:00").isZero();
        moveTo(monday.toInstant().plus(Duration.ofMinutes(5)));
        mailer.sendDue(clock.instant());
        assertThat(mailsMentioning(dutch, title)).isEqualTo(1);
        assertThat(digestTo(dutch).get("subject")).asString()
                .matches("Tafel: \\d+ nieuwe meldingen van deze week");
        moveTo(monday.toInstant().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)));
        mailer.sendDue(clock.instant());
        assertThat(mailsMentioning(dutch, title)).as("never twice").isEqualTo(1);
    }

    @Test
    void invitationsAndAgendasAreUnderTheBellWithoutASecondMail() throws Exception {
        String title = "Bestuur " + run;
        MeetingId meeting = board.published(space, title, 10);
        awaitNotification(MEMBER, title, NotificationKind.INVITATION);
        awaitNotification(MEMBER, title, NotificationKind.AGENDA_PUBLISHED);
        assertThat(as.call(MEMBER, () -> notifications.mine())).filteredOn(n -> n.subject().equals(title))
                .extracting(Notification::kind, Notification::link)
                .contains(org.assertj.core.groups.Tuple.tuple(NotificationKind.INVITATION,
                        "vergaderingen/" + meeting.value()));
        // invitations "at once" are the invitation mail itself; the notifications module adds none
        mailer.sendDue(clock.instant());
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and kind = 'notification'"
                + " and subject like ?", Integer.class, MEMBER, "%" + title + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and kind like 'invitation%'"
                + " and subject like ?", Integer.class, MEMBER, "%" + title + "%")).isPositive();
    }

    @Test
    void anAssignedActionIsMailedAtOnceToItsOwnerOnly() throws Exception {
        String title = "Bestuur actie " + run;
        MeetingId meeting = board.published(space, title, 5);
        String description = "Brief aan de gemeente " + run;
        var item = as.call(SECRETARY, () -> agenda.agenda(meeting)).get(4).id();
        var created = as.call(SECRETARY, () -> actions.create(meeting, item, new ActionDraft(description,
                List.of(new ActionOwner(id(MEMBER), "")), LocalDate.now(MeetingService.ZONE).plusMonths(1))));
        long id = awaitNotification(MEMBER, created.action().number() + " " + description);
        Map<String, Object> mail = awaitMail("notification:" + id);
        assertThat(mail.get("subject")).isEqualTo("Actie voor jou: " + created.action().number() + " " + description);
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'ACTION_ASSIGNED'"
                + " and subject like ?", Integer.class, "%" + description)).isEqualTo(1);
        // adding the reader later tells only the reader
        as.run(SECRETARY, () -> actions.update(created.action().id(), new ActionDraft(description, List.of(
                new ActionOwner(id(MEMBER), ""), new ActionOwner(id(READER), "")), null),
                created.action().version()));
        awaitNotification(READER, created.action().number() + " " + description);
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'ACTION_ASSIGNED'"
                + " and subject like ?", Integer.class, "%" + description)).isEqualTo(2);
    }

    @Test
    void aNewDocumentIsToldToTheOthersInTheSpaceOnce() throws Exception {
        String name = "Verslag " + run.substring(run.length() - 8) + ".csv";
        var root = as.call(SECRETARY, () -> spaces.get(space)).rootFolder();
        var first = as.call(MEMBER, () -> documents.upload(root, name, text("wie,wat\n1,brief\n"), -1));
        long id = awaitNotification(READER, name, NotificationKind.DOCUMENT_STORED);
        awaitNotification(SECRETARY, name, NotificationKind.DOCUMENT_STORED);
        assertThat(as.call(READER, () -> notifications.mine())).filteredOn(n -> n.id() == id)
                .extracting(Notification::link).containsExactly("documenten/" + first.documentId().value());
        // a new version is not a new document
        var second = as.call(SECRETARY, () -> documents.upload(root, name, text("wie,wat\n1,brief\n2,mail\n"), -1));
        assertThat(second.versionNumber()).isEqualTo(2);
        Thread.sleep(1500);
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'DOCUMENT_STORED'"
                + " and subject = ?", Integer.class, name)).as("reader, secretary and the two others; not the uploader")
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and subject = ?",
                Integer.class, id(MEMBER).value(), name)).isZero();
    }

    @Test
    void minutesSentRoundForCommentAreToldToTheMembersButNotTheSender() throws Exception {
        String title = "Notulen " + run;
        MeetingId meeting = board.published(space, title, 3);
        as.run(SECRETARY, () -> minutes.circulate(meeting));
        awaitNotification(MEMBER, title, NotificationKind.MINUTES_CIRCULATED);
        awaitNotification(READER, title, NotificationKind.MINUTES_CIRCULATED);
        assertThat(as.call(READER, () -> notifications.mine())).filteredOn(n -> n.kind()
                == NotificationKind.MINUTES_CIRCULATED && n.subject().equals(title)).singleElement()
                .extracting(Notification::link).isEqualTo("vergaderingen/" + meeting.value() + "/notulen");
        assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = ?"
                + " and subject = ?", Integer.class, id(SECRETARY).value(), "MINUTES_CIRCULATED", title)).isZero();
    }

    // --- helpers

    private static java.io.InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private PostId post(SpaceId in, String title, Instant publishAt) {
        return as.call(SECRETARY, () -> news.create(new PostDraft(in, title, "Tekst van " + title, publishAt, false,
                null)));
    }

    private void person(String email, String name, String locale) {
        jdbc.update("""
                insert ignore into person (email, full_name, app_role, status, locale, password_hash, created_at,
                    activated_at, version) values (?, ?, 'MEMBER', 'ACTIVE', ?, null, ?, ?, 0)""", email, name,
                locale, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    }

    private PersonId id(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private long awaitNotification(String who, String subject) throws InterruptedException {
        return awaitNotification(who, subject, null);
    }

    private long awaitNotification(String who, String subject, NotificationKind kind) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            List<Long> ids = jdbc.queryForList("select id from notification where person_id = ? and subject = ?"
                    + (kind == null ? "" : " and kind = '" + kind.name() + "'"), Long.class, id(who).value(), subject);
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no notification '" + subject + "' for " + who + " within 20 s");
    }

    private Map<String, Object> awaitMail(String dedupeKey) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            var rows = jdbc.queryForList("select * from mail_outbox where dedupe_key = ?", dedupeKey);
            if (!rows.isEmpty()) {
                return rows.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail " + dedupeKey + " within 20 s");
    }

    private boolean read(String who, String subject) {
        return as.call(who, () -> notifications.mine()).stream().filter(n -> n.subject().equals(subject))
                .findFirst().orElseThrow().read();
    }

    private Instant visibleFrom(String who, String subject) {
        return jdbc.queryForObject("select visible_from from notification where person_id = ? and subject = ?",
                Timestamp.class, id(who).value(), subject).toInstant();
    }

    private int mailsMentioning(String who, String title) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and text_body like ?",
                Integer.class, who, "%" + title + "%");
    }

    private int digests(String who) {
        return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and kind = ?",
                Integer.class, who, "notification-digest");
    }

    private Map<String, Object> digestTo(String who) {
        return jdbc.queryForList("select * from mail_outbox where recipient = ? and kind = ? order by id desc",
                who, "notification-digest").getFirst();
    }

    private void moveTo(Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }
}
