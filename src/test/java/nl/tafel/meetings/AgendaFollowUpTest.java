package nl.tafel.meetings;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.meetings.internal.FollowUpJob;
import nl.tafel.notifications.Notification;
import nl.tafel.notifications.NotificationKind;
import nl.tafel.notifications.NotificationService;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After publication the board book stays true: a change marks the pack "verouderd" at once, the pack is rebuilt a
 * minute after the last change as its next version, and the invitees get one change notice for changes that came
 * close together, old → new, in their own language, with a bell notification.
 */
@TafelTest
class AgendaFollowUpTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    AgendaPackService packs;
    @Autowired
    DocumentService documents;
    @Autowired
    NotificationService notifications;
    @Autowired
    nl.tafel.spaces.DocumentUsage usage;
    @Autowired
    FollowUpJob followUps;
    @Autowired
    TestConfig.TestClock clock;
    @Autowired
    TestBoard board;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;

    SpaceId space;
    MeetingId meeting;
    DocumentId begroting;
    String title;
    LocalDate date = LocalDate.now(MeetingService.ZONE).plusWeeks(3);

    @BeforeEach
    void publishedMeetingWithPack() {
        space = board.space(TestBoard.unique("Bestuur wijzigingen"));
        title = TestBoard.unique("Bestuursvergadering");
        meeting = board.meeting(space, title, date, LocalTime.of(19, 30), null);
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(meeting));
        begroting = as.call(SECRETARY, () -> agenda.upload(items.get(3).id(), "Begroting 2027.pdf",
                sample("jaarverslag-2025.pdf"), -1)).documentId();
        as.run(SECRETARY, () -> meetings.publish(meeting));
        assertThat(as.call(SECRETARY, () -> packs.buildNow(meeting)).version()).isEqualTo(1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void changesMarkThePackStaleAtOnceRebuildItAMinuteLaterAndBringOneNoticeWithOldAndNew() throws Exception {
        assertThat(as.call(READER, () -> packs.status(meeting)).stale()).isFalse();
        // the time moves, an item is added, a paper gets a new version
        MeetingDetails m = as.call(SECRETARY, () -> meetings.get(meeting));
        MeetingDraft later = new MeetingDraft(m.title(), date, LocalTime.of(20, 0), LocalTime.of(22, 0), m.form(),
                m.location(), m.joinUrl(), null, null);
        as.call(SECRETARY, () -> meetings.update(meeting, later, m.version()));
        assertThat(as.call(READER, () -> packs.status(meeting)).stale()).as("verouderd at once").isTrue();
        as.call(SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft("Vrijwilligersbeleid",
                ItemPurpose.DISCUSSION, null, 15, "Voorstel van de werkgroep."), agendaVersion()));
        as.call(SECRETARY, () -> documents.uploadVersion(begroting, "Begroting 2027.pdf",
                sample("notulen-bestuur-2025-12.pdf"), -1));
        await().atMost(Duration.ofSeconds(30)).until(() -> as.call(SECRETARY, () -> meetings.get(meeting))
                .changesAfterPublication().stream().anyMatch(c -> c.messageKey().equals(
                        "agendaChange.documentReplaced")));
        AgendaPackService.PackStatus stale = as.call(READER, () -> packs.status(meeting));
        assertThat(stale.stale()).isTrue();
        assertThat(stale.version()).isEqualTo(1);

        // not before a minute after the last change
        followUps.runDue();
        assertThat(as.call(READER, () -> packs.status(meeting)).version()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        followUps.runDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> as.call(READER, () -> packs.status(meeting))
                .version() == 2);
        AgendaPackService.PackStatus rebuilt = as.call(READER, () -> packs.status(meeting));
        assertThat(rebuilt.stale()).isFalse();
        assertThat(rebuilt.documentId()).isEqualTo(stale.documentId());
        try (PDDocument pdf = open(rebuilt)) {
            assertThat(page(pdf, 1)).contains("Versie 2");
            assertThat(page(pdf, 2)).contains("Gewijzigd sinds versie 1 (dit is versie 2)",
                    "Begroting 2027.pdf (v2)");
        }

        // no notice yet: the changes may go on for a while
        assertThat(mails(READER)).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        followUps.runDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mails(READER).isEmpty() && !mails(MEMBER).isEmpty());
        List<String[]> toReader = mails(READER);
        assertThat(toReader).as("one mail for all changes").hasSize(1);
        String text = toReader.getFirst()[1];
        assertThat(toReader.getFirst()[0]).startsWith("Gewijzigd: " + title);
        assertThat(text).contains("aanvang 19:30 → 20:00", "einde 21:30 → 22:00",
                "agendapunt 5 „Vrijwilligersbeleid” toegevoegd",
                "stuk „Begroting 2027.pdf” vervangen door versie 2 (agendapunt 4)", "Vergaderpakket openen",
                "/documenten/" + rebuilt.documentId());
        // the secretary made the changes herself: she is not told
        assertThat(mails(SECRETARY)).isEmpty();
        // the bell
        List<Notification> bell = as.call(READER, () -> notifications.mine());
        assertThat(bell).anyMatch(n -> n.kind() == NotificationKind.AGENDA_CHANGED && n.subject().equals(title));
        // nothing more to tell: no second mail
        clock.advance(Duration.ofMinutes(20));
        followUps.runDue();
        assertThat(mails(READER)).hasSize(1);
    }

    @Test
    void aPaperPutInTheTrashIsWithdrawnFromThePublishedAgendaAndTheInviteesAreTold() {
        assertThat(as.call(SECRETARY, () -> usage.of(begroting))).singleElement()
                .satisfies(use -> assertThat(use.what()).isEqualTo(title));
        as.run(SECRETARY, () -> documents.deleteDocument(begroting));
        MeetingDetails m = as.call(READER, () -> meetings.get(meeting));
        assertThat(m.changesAfterPublication()).anySatisfy(c -> {
            assertThat(c.messageKey()).isEqualTo("agendaChange.documentWithdrawn");
            assertThat(c.arguments()).containsExactly("Begroting 2027.pdf", "4");
        });
        assertThat(as.call(READER, () -> agenda.agenda(meeting)).get(3).documents()).isEmpty();
        assertThat(as.call(READER, () -> packs.status(meeting)).stale()).isTrue();
        clock.advance(Duration.ofMinutes(11));
        followUps.runDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mails(MEMBER).isEmpty());
        assertThat(mails(MEMBER).getFirst()[1]).contains("stuk „Begroting 2027.pdf” ingetrokken (agendapunt 4)");
    }

    private List<String[]> mails(String to) {
        return jdbc.query("select subject, text_body from mail_outbox where recipient = ? and kind = 'agenda-change'"
                + " and subject like ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, to,
                "%" + title + "%");
    }

    private long agendaVersion() {
        return as.call(SECRETARY, () -> meetings.get(meeting)).agendaVersion();
    }

    private PDDocument open(AgendaPackService.PackStatus status) throws Exception {
        try (InputStream in = as.call(READER, () -> documents.currentContent(status.documentId())).open()) {
            return Loader.loadPDF(in.readAllBytes());
        }
    }

    private static String page(PDDocument pdf, int number) throws Exception {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(number);
        text.setEndPage(number);
        return text.getText(pdf);
    }

    private static InputStream sample(String name) {
        return AgendaFollowUpTest.class.getResourceAsStream("/samples/" + name);
    }
}
