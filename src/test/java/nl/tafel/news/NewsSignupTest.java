package nl.tafel.news;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Events with sign-up on MariaDB: guests, the waiting list, promotion with a mail, CSV, and concurrent sign-ups. */
@TafelTest
class NewsSignupTest {

    @Autowired
    NewsService news;
    @Autowired
    SignupService signups;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestConfig.TestClock clock;

    String run = TestBoard.unique("Mobiliteit");

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PostId event(SpaceId space, Integer capacity, int maxGuests) {
        return as.call(SECRETARY, () -> news.create(new PostDraft(space, "Mobiliteitsbijeenkomst " + run,
                "Jaarlijkse bijeenkomst over bereikbaarheid.", null, false, new EventDraft(Instant.now().plus(
                        Duration.ofDays(14)), null, "Stadhuis Leiden", "- 19:00 Inloop\n- 19:30 Start", capacity,
                        maxGuests))));
    }

    @Test
    void aFullEventPutsPeopleOnTheWaitingListAndACancellationPromotesTheFirstWithAMail() {
        PostId id = event(null, 3, 2);
        assertThat(as.call(MEMBER, () -> signups.signUp(id, 1, "Piet Gast"))).isEqualTo(
                new SignupResult(SignupStatus.CONFIRMED, 0));
        assertThat(as.call(READER, () -> signups.signUp(id, 0, null))).isEqualTo(
                new SignupResult(SignupStatus.CONFIRMED, 0));
        EventInfo full = as.call(OUTSIDER, () -> news.get(id)).eventInfo();
        assertThat(full.full()).isTrue();
        assertThat(full.taken()).isEqualTo(3);
        assertThat(as.call(OUTSIDER, () -> signups.signUp(id, 0, null))).isEqualTo(
                new SignupResult(SignupStatus.WAITING, 1));
        assertThat(as.call(ADMIN, () -> signups.signUp(id, 2, "Gast A, Gast B"))).isEqualTo(
                new SignupResult(SignupStatus.WAITING, 2));
        assertThat(as.call(ADMIN, () -> news.get(id)).eventInfo().mine())
                .isEqualTo(new EventInfo.MySignup(SignupStatus.WAITING, 2, "Gast A, Gast B", 2));

        // too many guests, and more guests than there are seats
        assertThatThrownBy(() -> as.call(READER, () -> signups.signUp(id, 3, "x"))).isInstanceOf(
                FieldException.class).hasMessageContaining("news.error.tooManyGuests");
        assertThatThrownBy(() -> as.call(READER, () -> signups.signUp(id, 1, "Extra"))).isInstanceOf(
                TafelException.class).hasMessageContaining("news.error.noRoomForGuests");

        // the member (two seats) cancels: the outsider (one seat) moves up; the admin's party of three still waits
        as.run(MEMBER, () -> signups.cancel(id));
        List<SignupView> list = as.call(SECRETARY, () -> signups.signups(id));
        assertThat(list).extracting(SignupView::name, SignupView::status, SignupView::position).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lotte Lezer", SignupStatus.CONFIRMED, 0),
                org.assertj.core.groups.Tuple.tuple("Bram Buiten", SignupStatus.CONFIRMED, 0),
                org.assertj.core.groups.Tuple.tuple("Ada Admin", SignupStatus.WAITING, 1));
        long outsider = list.get(1).id();
        assertThat(jdbc.queryForList("select recipient from mail_outbox where dedupe_key = ?", String.class,
                "news-promoted:" + outsider)).containsExactly("buiten@test.example");
        String subject = jdbc.queryForObject("select subject from mail_outbox where dedupe_key = ?", String.class,
                "news-promoted:" + outsider);
        assertThat(subject).isEqualTo("Er is plaats: je bent aangemeld voor Mobiliteitsbijeenkomst " + run);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class,
                "news-promoted:" + list.get(2).id())).isZero();

        // the organiser takes the reader off: one seat taken, the admin's party of three still does not fit
        as.run(SECRETARY, () -> signups.remove(id, list.getFirst().id()));
        assertThat(as.call(ADMIN, () -> news.get(id)).eventInfo().mine().status()).isEqualTo(SignupStatus.WAITING);
        // the outsider cancels too: now it fits, and the admin is told
        as.run(OUTSIDER, () -> signups.cancel(id));
        assertThat(as.call(ADMIN, () -> news.get(id)).eventInfo().mine().status())
                .isEqualTo(SignupStatus.CONFIRMED);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class,
                "news-promoted:" + list.get(2).id())).isEqualTo(1);
        EventInfo after = as.call(MEMBER, () -> news.get(id)).eventInfo();
        assertThat(after.taken()).isEqualTo(3);
        assertThat(after.waiting()).isZero();
        assertThat(after.full()).isTrue();
    }

    @Test
    void onlyOrganisersSeeAndExportTheListAndTheCsvIsSafeForSpreadsheets() {
        PostId id = event(null, null, 1);
        as.call(MEMBER, () -> signups.signUp(id, 1, "=HYPERLINK(\"http://evil\";\"klik\")"));
        assertThatThrownBy(() -> as.call(MEMBER, () -> signups.signups(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.call(MEMBER, () -> signups.csv(id))).isInstanceOf(AccessDeniedException.class);
        String csv = new String(as.call(SECRETARY, () -> signups.csv(id)), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF\"Status\";\"Plaats op wachtlijst\";\"Naam\";\"E-mail\";\"Gasten\";"
                + "\"Namen gasten\";\"Plaatsen\";\"Aangemeld op\"");
        assertThat(lines[1]).startsWith("\"Aangemeld\";\"\";\"Lars Lid\";\"lid@test.example\";\"1\";"
                + "\"'=HYPERLINK(\"\"http://evil\"\";\"\"klik\"\")\";\"2\";");
        assertThat(lines).hasSize(2);
    }

    @Test
    void spaceEventsAreForTheSpaceAndSignUpClosesWhenTheEventBegins() {
        SpaceId space = board.space("Werkgroep " + run);
        PostId id = event(space, 10, 0);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> signups.signUp(id, 0, null)))
                .isInstanceOf(NewsNotFoundException.class);
        assertThatThrownBy(() -> as.call(MEMBER, () -> signups.signUp(id, 1, "Gast")))
                .isInstanceOf(FieldException.class).hasMessageContaining("news.error.noGuests");
        as.call(MEMBER, () -> signups.signUp(id, 0, null));
        PostId plain = as.call(SECRETARY, () -> news.create(new PostDraft(space, "Gewoon bericht " + run, "Tekst",
                null, false, null)));
        assertThatThrownBy(() -> as.call(MEMBER, () -> signups.signUp(plain, 0, null)))
                .isInstanceOf(TafelException.class).hasMessageContaining("news.error.notAnEvent");
        // with sign-ups, the post cannot stop being an event
        long version = as.call(SECRETARY, () -> news.get(id)).version();
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.update(id, new PostDraft(space, "Geen evenement",
                "Tekst", null, false, null), version))).isInstanceOf(TafelException.class)
                .hasMessageContaining("news.error.eventHasSignups");

        clock.advance(Duration.ofDays(15));
        assertThatThrownBy(() -> as.call(READER, () -> signups.signUp(id, 0, null)))
                .isInstanceOf(TafelException.class).hasMessageContaining("news.error.eventStarted");
        assertThat(as.call(READER, () -> news.get(id)).eventInfo().started()).isTrue();
    }

    @Test
    void aLargerCapacityMovesPeopleUpFromTheWaitingList() {
        PostId id = event(null, 1, 0);
        as.call(MEMBER, () -> signups.signUp(id, 0, null));
        assertThat(as.call(READER, () -> signups.signUp(id, 0, null)).status()).isEqualTo(SignupStatus.WAITING);
        PostDetails p = as.call(SECRETARY, () -> news.get(id));
        EventDraft e = p.event();
        as.run(SECRETARY, () -> news.update(id, new PostDraft(null, p.title(), p.text(), p.publishAt(), false,
                new EventDraft(e.startsAt(), e.endsAt(), e.location(), e.program(), 2, 0)), p.version()));
        assertThat(as.call(READER, () -> news.get(id)).eventInfo().mine().status())
                .isEqualTo(SignupStatus.CONFIRMED);
    }

    /**
     * Forty people (parties of one and two) sign up for 25 seats at the same moment, each in its own thread and
     * transaction: the row lock on the event makes them queue, so the seats are never overbooked and the waiting
     * list is first come, first served. Then ten confirmed people cancel at once: the freed seats are refilled from
     * the waiting list, never beyond the capacity, and each promoted person gets exactly one mail.
     */
    @Test
    void concurrentSignUpsAndCancellationsNeverOverbook() throws Exception {
        int capacity = 25;
        PostId id = event(null, capacity, 1);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = "deelnemer" + i + "-" + run.substring(run.length() - 8) + "@test.example";
            jdbc.update("""
                    insert into person (email, full_name, app_role, status, locale, password_hash, created_at,
                        activated_at, version)
                    values (?, ?, 'MEMBER', 'ACTIVE', 'nl', 'x', ?, ?, 0)""", email, "Deelnemer " + i,
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            people.add(email);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SignupResult>> results = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                String email = people.get(i);
                int guests = i % 3 == 0 ? 1 : 0;
                Callable<SignupResult> signUp = () -> {
                    start.await();
                    return as.call(email, () -> signups.signUp(id, guests, guests == 0 ? null : "Gast"));
                };
                results.add(pool.submit(signUp));
            }
            start.countDown();
            int confirmedResults = 0;
            for (Future<SignupResult> f : results) {
                if (f.get(120, TimeUnit.SECONDS).status() == SignupStatus.CONFIRMED) {
                    confirmedResults++;
                }
            }
            List<SignupView> list = as.call(SECRETARY, () -> signups.signups(id));
            assertThat(list).hasSize(40);
            int taken = list.stream().filter(s -> s.status() == SignupStatus.CONFIRMED).mapToInt(SignupView::seats)
                    .sum();
            assertThat(taken).as("confirmed seats").isLessThanOrEqualTo(capacity).isGreaterThanOrEqualTo(capacity - 1);
            assertThat(confirmedResults).isEqualTo((int) list.stream()
                    .filter(s -> s.status() == SignupStatus.CONFIRMED).count());
            assertFirstComeFirstServed(list);

            // ten confirmed people cancel at the same moment
            List<String> cancelling = list.stream().filter(s -> s.status() == SignupStatus.CONFIRMED).limit(10)
                    .map(SignupView::email).toList();
            CountDownLatch again = new CountDownLatch(1);
            List<Future<?>> cancels = new ArrayList<>();
            for (String email : cancelling) {
                cancels.add(pool.submit(() -> {
                    again.await();
                    as.run(email, () -> signups.cancel(id));
                    return null;
                }));
            }
            again.countDown();
            for (Future<?> f : cancels) {
                f.get(120, TimeUnit.SECONDS);
            }
            List<SignupView> after = as.call(SECRETARY, () -> signups.signups(id));
            assertThat(after).hasSize(30);
            int takenAfter = after.stream().filter(s -> s.status() == SignupStatus.CONFIRMED)
                    .mapToInt(SignupView::seats).sum();
            assertThat(takenAfter).as("confirmed seats after cancellations").isLessThanOrEqualTo(capacity)
                    .isGreaterThanOrEqualTo(capacity - 1);
            assertFirstComeFirstServed(after);
            List<Long> promoted = jdbc.queryForList("select id from news_signup where post_id = ?"
                    + " and promoted_at is not null", Long.class, id.value());
            assertThat(promoted).isNotEmpty();
            for (long signup : promoted) {
                assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?",
                        Integer.class, "news-promoted:" + signup)).as("mails for sign-up " + signup).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everyone confirmed signed up before everyone waiting (the list is in sign-up order per status). */
    private void assertFirstComeFirstServed(List<SignupView> list) {
        Instant lastConfirmed = list.stream().filter(s -> s.status() == SignupStatus.CONFIRMED)
                .map(SignupView::signedUpAt).max(Instant::compareTo).orElse(Instant.MIN);
        Instant firstWaiting = list.stream().filter(s -> s.status() == SignupStatus.WAITING)
                .map(SignupView::signedUpAt).min(Instant::compareTo).orElse(Instant.MAX);
        assertThat(lastConfirmed).isBeforeOrEqualTo(firstWaiting);
        assertThat(list.stream().filter(s -> s.status() == SignupStatus.WAITING).map(SignupView::position))
                .isSorted();
    }
}
