package nl.tafel.actions;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The action list: agreeing actions, numbering, owners, and carry-over from meeting to meeting until closed. */
@TafelTest
class ActionsTest {

    @Autowired
    ActionService actions;
    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    SpaceId space;
    PersonId member;
    String run = UUID.randomUUID().toString().substring(0, 8);
    @Autowired
    nl.tafel.actions.internal.StatusRequests statusRequests;
    @Autowired
    StatusReports reports;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    nl.tafel.TestConfig.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void ownersAreAskedOnceForTheirStatusAndReportThroughTheLink() throws Exception {
        var smtp = nl.tafel.TestMailbox.startSmtp();
        try {
            MeetingId first = meeting(1);
            ActionView action = agree(first, "Brief parkeerbeleid zone B");
            MeetingId next = meeting(3);
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && jdbc.queryForObject(
                    "select count(*) from action_status_request where meeting_id = ?", Integer.class,
                    next.value()) == 0) {
                Thread.sleep(100);
            }
            var start = as.call(SECRETARY, () -> meetings.get(next)).startsAt();
            clock.advance(java.time.Duration.between(java.time.Instant.now(), start.minus(java.time.Duration
                    .ofDays(4))));
            statusRequests.sendDue();
            statusRequests.sendDue();
            String subject = "Hoe staat het met je acties? – Bestuur " + run + " week 3";
            until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && mails(smtp, subject).isEmpty()) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            var received = mails(smtp, subject);
            assertThat(received).as("one mail to the owner").hasSize(1);
            String body = text(received.getFirst());
            var link = java.util.regex.Pattern.compile("actie-status\\?t=([A-Za-z0-9_.-]+)").matcher(body);
            assertThat(link.find()).isTrue();
            String token = link.group(1);

            StatusReports.Report report = reports.show(token);
            assertThat(report.actions()).extracting(ActionView::number).containsExactly(action.number());
            reports.report(token, action.id(), ActionStatus.DONE, action.version(), "Brief is verstuurd.");
            ActionView after = as.call(READER, () -> actions.get(action.id()));
            assertThat(after.status()).isEqualTo(ActionStatus.DONE);
            assertThat(after.notes()).extracting(ActionView.Note::text).containsExactly("Brief is verstuurd.");
            assertThatThrownBy(() -> reports.show(token.substring(0, token.length() - 2) + "xx"))
                    .isInstanceOf(nl.tafel.shared.TafelException.class).hasMessageContaining("actionStatus.invalid");
        } finally {
            smtp.stop();
        }
    }

    /** The decoded plain text of a mail, as a mail client shows it. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i)));
            }
            return all.toString();
        }
        return "";
    }

    private static List<jakarta.mail.internet.MimeMessage> mails(com.icegreen.greenmail.util.GreenMail smtp,
            String subject) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject()) && m.getAllRecipients()[0].toString().equals(MEMBER);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Autowired
    nl.tafel.TestBoard board;

    @BeforeEach
    void space() {
        member = accounts.findByEmail(MEMBER).orElseThrow().id();
        space = board.space(nl.tafel.TestBoard.unique("Ruimte"));
    }

    private MeetingId meeting(int weeksAhead) {
        return board.published(space, "Bestuur " + run + " week " + weeksAhead, weeksAhead * 7);
    }

    private AgendaItemId item(MeetingId meeting) {
        return as.call(SECRETARY, () -> agenda.agenda(meeting)).get(4).id();
    }

    private ActionView agree(MeetingId meeting, String description) {
        return as.call(SECRETARY, () -> actions.create(meeting, item(meeting), new ActionDraft(description,
                List.of(new ActionOwner(member, "")), LocalDate.now(MeetingService.ZONE).plusMonths(2)))).action();
    }

    @Test
    void anActionNeedsAnOwnerAndWarnsAboutAPastDueDate() {
        MeetingId m = meeting(1);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> actions.create(m, item(m), new ActionDraft(
                "Migratieplan opstellen", List.of(), null)))).isInstanceOf(FieldException.class)
                .hasMessageContaining("actions.error.noOwner");
        assertThatThrownBy(() -> as.call(SECRETARY, () -> actions.create(m, item(m), new ActionDraft("",
                List.of(new ActionOwner(null, "A. Boon")), null)))).isInstanceOf(FieldException.class);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> actions.create(m, item(m), new ActionDraft(
                "Migratieplan <script>alert(1)</script>", List.of(new ActionOwner(member, "")), null))))
                .isInstanceOf(FieldException.class).hasMessageContaining("validation.noHtml");
        ActionService.Created created = as.call(SECRETARY, () -> actions.create(m, item(m), new ActionDraft(
                "Migratieplan Chainels naar SharePoint", List.of(new ActionOwner(member, ""),
                        new ActionOwner(null, "A. Boon (gemeente)")), LocalDate.now(MeetingService.ZONE)
                        .minusDays(1))));
        assertThat(created.warnings()).containsExactly("actions.warning.dueInPast");
        ActionView action = created.action();
        assertThat(action.number()).matches("A-\\d{4}-\\d{3}");
        assertThat(action.owners()).extracting(ActionOwner::name).contains("A. Boon (gemeente)");
        assertThat(action.overdue()).isTrue();
        assertThat(as.call(MEMBER, () -> actions.mine())).extracting(ActionView::number).contains(action.number());
        assertThatThrownBy(() -> as.call(READER, () -> actions.create(m, item(m), new ActionDraft("x",
                List.of(new ActionOwner(member, "")), null)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> actions.forSpace(space, true)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void ownersReportProgressAndStaleChangesAreRefused() {
        MeetingId m = meeting(1);
        ActionView action = agree(m, "Brief parkeerbeleid zone B");
        as.run(MEMBER, () -> actions.addNote(action.id(), "Concept ligt bij de gemeente."));
        as.run(MEMBER, () -> actions.setStatus(action.id(), ActionStatus.IN_PROGRESS, action.version(), null));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> actions.setStatus(action.id(), ActionStatus.DONE,
                action.version(), null))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> as.run(READER, () -> actions.addNote(action.id(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        ActionView now = as.call(READER, () -> actions.get(action.id()));
        assertThat(now.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(now.notes()).extracting(ActionView.Note::text).containsExactly("Concept ligt bij de gemeente.");
    }

    @Test
    void openActionsCarryOverUntilAMeetingClosesThem() {
        MeetingId first = meeting(1);
        MeetingId second = meeting(3);
        MeetingId third = meeting(5);
        ActionView a1 = agree(first, "Brief parkeerbeleid zone B");
        ActionView a2 = agree(first, "Planning jaarbijeenkomst mobiliteit");
        assertThat(as.call(SECRETARY, () -> actions.carriedInto(first))).as("not into its own meeting").isEmpty();
        assertThat(as.call(SECRETARY, () -> actions.carriedInto(second))).extracting(ActionView::number)
                .containsExactly(a1.number(), a2.number());

        as.run(SECRETARY, () -> actions.setStatus(a1.id(), ActionStatus.DONE, a1.version(), second));
        ActionView a3 = agree(second, "Input manifest Key Region");
        assertThat(as.call(SECRETARY, () -> actions.carriedInto(second))).as("closed here: still listed here")
                .extracting(ActionView::number, ActionView::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a1.number(), ActionStatus.DONE),
                        org.assertj.core.groups.Tuple.tuple(a2.number(), ActionStatus.OPEN));
        assertThat(as.call(SECRETARY, () -> actions.carriedInto(third))).extracting(ActionView::number)
                .containsExactly(a2.number(), a3.number());
        assertThat(as.call(READER, () -> actions.forSpace(space, false))).extracting(ActionView::number)
                .containsExactlyInAnyOrder(a2.number(), a3.number());
        assertThat(as.call(READER, () -> actions.forSpace(space, true))).hasSize(3);
    }
}
