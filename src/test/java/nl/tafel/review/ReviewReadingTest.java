package nl.tafel.review;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.review.internal.ReadingReminders;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reading status per member and document version: the last page or a mark makes a paper read; a new version makes
 * it "changed since read"; notes stay across versions and outlive their document; the reminder mail goes once.
 */
@TafelTest
class ReviewReadingTest {

    @Autowired
    ReviewService review;
    @Autowired
    NoteService notes;
    @Autowired
    DocumentService documents;
    @Autowired
    SpaceService spaces;
    @Autowired
    ReadingReminders reminders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    RunAs as;
    @Autowired
    ApplicationContext context;

    ReviewFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ReviewFixture.of(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ReadingState state(String who, ReviewFixture.Board board, StoredDocument paper) {
        return as.call(who, () -> review.prepare(board.meeting())).papers().stream()
                .filter(p -> p.documentId().equals(paper.documentId())).findFirst().orElseThrow().state();
    }

    @Test
    void theLastPageOrAMarkMakesAPaperReadAndANewVersionMakesItChangedSinceRead() {
        ReviewFixture.Board board = fixture.published(5);
        StoredDocument paper = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 3);
        assertThat(state(MEMBER, board, paper)).isEqualTo(ReadingState.UNREAD);

        assertThat(as.call(MEMBER, () -> review.pageSeen(board.meeting(), paper.documentId(), paper.versionId(), 2,
                3))).as("a page before the last").isEqualTo(ReadingState.UNREAD);
        assertThat(as.call(MEMBER, () -> review.pageSeen(board.meeting(), paper.documentId(), paper.versionId(), 3,
                3))).as("the last page").isEqualTo(ReadingState.READ);
        assertThat(state(MEMBER, board, paper)).isEqualTo(ReadingState.READ);
        assertThat(state(READER, board, paper)).as("per member").isEqualTo(ReadingState.UNREAD);

        StoredDocument second = fixture.newVersion(paper, "Notulen november.pdf", 4);
        assertThat(state(MEMBER, board, paper)).isEqualTo(ReadingState.CHANGED_SINCE_READ);
        assertThat(state(READER, board, paper)).isEqualTo(ReadingState.UNREAD);
        // the old version still open in someone's browser: reading it to the end changes nothing
        assertThat(as.call(MEMBER, () -> review.pageSeen(board.meeting(), paper.documentId(), paper.versionId(), 3,
                3))).isEqualTo(ReadingState.CHANGED_SINCE_READ);
        assertThat(as.call(MEMBER, () -> review.markRead(board.meeting(), paper.documentId(), second.versionId())))
                .isEqualTo(ReadingState.READ);
        assertThat(state(MEMBER, board, paper)).isEqualTo(ReadingState.READ);
        assertThat(as.call(READER, () -> review.markRead(board.meeting(), paper.documentId(), second.versionId())))
                .as("marking read without the viewer").isEqualTo(ReadingState.READ);

        ReadingTable table = as.call(SECRETARY, () -> review.readingTable(board.meeting()));
        assertThat(table.members()).filteredOn(r -> r.name().equals("Lars Lid")).singleElement()
                .satisfies(r -> assertThat(r.states()).containsEntry(paper.documentId(), ReadingState.READ));
        assertThat(table.members()).filteredOn(r -> r.name().equals("Sanne Secretaris")).singleElement()
                .satisfies(r -> assertThat(r.unread()).isEqualTo(1));
    }

    @Test
    void badPagesAndPapersNotOnTheAgendaAreRefused() {
        ReviewFixture.Board board = fixture.published(5);
        StoredDocument paper = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 2);
        assertThatThrownBy(() -> as.call(MEMBER, () -> review.pageSeen(board.meeting(), paper.documentId(),
                paper.versionId(), 3, 2))).hasMessageContaining("review.error.page");
        assertThatThrownBy(() -> as.call(MEMBER, () -> review.pageSeen(board.meeting(), paper.documentId(),
                paper.versionId(), 0, 0))).hasMessageContaining("review.error.page");
        // a document of the same space that is not on this agenda
        byte[] pdf = ReviewFixture.pdf("Los stuk", 1);
        StoredDocument loose = as.call(SECRETARY, () -> documents.upload(spaces.get(board.space()).rootFolder(),
                "Los stuk.pdf", new ByteArrayInputStream(pdf), pdf.length));
        assertThatThrownBy(() -> as.call(MEMBER, () -> review.markRead(board.meeting(), loose.documentId(),
                loose.versionId()))).hasMessageContaining("review.error.notOnAgenda");
        assertThatThrownBy(() -> as.call(MEMBER, () -> review.markRead(board.meeting(), paper.documentId(),
                loose.versionId()))).as("a version of another document")
                .hasMessageContaining("review.error.notOnAgenda");
    }

    @Test
    void notesStayAcrossVersionsAndOutliveTheirDocument() {
        ReviewFixture.Board board = fixture.published(5);
        StoredDocument paper = fixture.paper(board.meeting(), 1, "Begroting 2027.pdf", 2);
        Note note = as.call(MEMBER, () -> notes.add(paper.documentId(), paper.versionId(), 2, "Post 4 is hoog.",
                false));
        assertThat(note.earlierVersion()).isFalse();

        fixture.newVersion(paper, "Begroting 2027.pdf", 2);
        Note kept = as.call(MEMBER, () -> notes.notes(paper.documentId())).getFirst();
        assertThat(kept.text()).isEqualTo("Post 4 is hoog.");
        assertThat(kept.earlierVersion()).as("notitie bij een eerdere versie").isTrue();
        assertThat(kept.versionNumber()).isEqualTo(1);
        assertThat(as.call(MEMBER, () -> notes.mine())).filteredOn(n -> n.id() == note.id()).singleElement()
                .satisfies(n -> assertThat(n.earlierVersion()).isTrue());

        as.run(SECRETARY, () -> documents.deleteDocument(paper.documentId()));
        assertThatThrownBy(() -> as.call(MEMBER, () -> notes.notes(paper.documentId())))
                .isInstanceOf(SpaceNotFoundException.class);
        MyNote gone = as.call(MEMBER, () -> notes.mine()).stream().filter(n -> n.id() == note.id()).findFirst()
                .orElseThrow();
        assertThat(gone.documentGone()).isTrue();
        assertThat(gone.documentName()).isEqualTo("Begroting 2027.pdf");
        assertThat(gone.text()).isEqualTo("Post 4 is hoog.");
        // still the author's to change or delete
        as.run(MEMBER, () -> notes.update(gone.id(), "Post 4 is hoog; nagevraagd.", false, gone.version()));
        assertThat(as.call(MEMBER, () -> notes.mine())).extracting(MyNote::text)
                .contains("Post 4 is hoog; nagevraagd.");
    }

    @Test
    void membersWithUnreadPapersGetOneReminderListingThem() {
        ReviewFixture.Board board = fixture.published(4);
        StoredDocument minutes = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 1);
        StoredDocument budget = fixture.paper(board.meeting(), 3, "Begroting 2027.pdf", 1);
        as.call(MEMBER, () -> review.markRead(board.meeting(), minutes.documentId(), minutes.versionId()));
        as.call(MEMBER, () -> review.markRead(board.meeting(), budget.documentId(), budget.versionId()));
        as.call(READER, () -> review.markRead(board.meeting(), minutes.documentId(), minutes.versionId()));
        fixture.newVersion(minutes, "Notulen november.pdf", 1);
        reminders.track(board.meeting());

        reminders.remindDue();
        assertThat(mails(board)).as("four days ahead: not yet").isEmpty();

        clock.advance(Duration.ofDays(3));
        reminders.remindDue();
        List<String[]> sent = mails(board);
        assertThat(sent).extracting(m -> m[0]).containsExactlyInAnyOrder(MEMBER, READER, SECRETARY);
        String reader = sent.stream().filter(m -> m[0].equals(READER)).findFirst().orElseThrow()[1];
        assertThat(reader).contains("Notulen november.pdf (gewijzigd sinds gelezen)").contains("Begroting 2027.pdf")
                .contains("/vergaderingen/" + board.meeting() + "/voorbereiden");
        String member = sent.stream().filter(m -> m[0].equals(MEMBER)).findFirst().orElseThrow()[1];
        assertThat(member).contains("Notulen november.pdf").doesNotContain("Begroting 2027.pdf");

        reminders.remindDue();
        reminders.track(board.meeting());
        reminders.remindDue();
        assertThat(mails(board)).as("never twice").hasSize(3);
    }

    private List<String[]> mails(ReviewFixture.Board board) {
        return jdbc.query("select recipient, text_body from mail_outbox where dedupe_key like ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, "review-reminder:" + board.meeting() + ":%");
    }
}
