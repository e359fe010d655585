package nl.tafel.review.ui;

import nl.tafel.shared.ui.PdfViewer;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.invitations.InvitationService;
import nl.tafel.review.Note;
import nl.tafel.review.NoteService;
import nl.tafel.review.Question;
import nl.tafel.review.QuestionService;
import nl.tafel.review.QuestionVisibility;
import nl.tafel.review.ReadingState;
import nl.tafel.review.ReviewFixture;
import nl.tafel.review.ReviewService;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/** The review screens in the JVM: preparing a meeting, notes and questions, the reading table, "mijn notities". */
@TafelTest
class ReviewViewsTest extends SpringBrowserlessTest {

    @Autowired
    ReviewService review;
    @Autowired
    NoteService notes;
    @Autowired
    QuestionService questions;
    @Autowired
    InvitationService invitations;
    @Autowired
    DocumentService documents;
    @Autowired
    RunAs as;
    @Autowired
    ApplicationContext context;

    ReviewFixture fixture;
    ReviewFixture.Board board;
    StoredDocument minutes;
    StoredDocument budget;

    @BeforeEach
    void meetingWithPapers() {
        fixture = ReviewFixture.of(context);
        board = fixture.published(6);
        minutes = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 3);
        budget = fixture.paper(board.meeting(), 3, "Begroting 2027.pdf", 2);
    }

    private String text(String id) {
        return find(com.vaadin.flow.component.Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberReadsEveryPaperToItsLastPageAndMovesAcrossTheAgenda() {
        UI.getCurrent().navigate("vergaderingen/" + board.meeting());
        assertThat(text("meeting-review")).contains("Vergadering voorbereiden").contains("0 van 2 stukken gelezen");
        test(find(Button.class).id("open-prepare")).click();

        assertThat(find(H2.class).id("reader-title").getText()).isEqualTo("Notulen november.pdf");
        assertThat(text("paper-state")).isEqualTo("nog niet gelezen");
        assertThat(find(Button.class).id("previous-paper").isEnabled()).isFalse();
        PdfViewer viewer = find(PdfViewer.class).single();
        viewer.pageShown(2, 3);
        assertThat(text("paper-state")).as("not yet at the end").isEqualTo("nog niet gelezen");
        assertThat(text("pdf-position")).isEqualTo("Pagina 2 van 3");
        viewer.pageShown(3, 3);
        assertThat(text("paper-state")).isEqualTo("gelezen");
        assertThat(find(Button.class).withId("mark-read").all()).isEmpty();
        assertThat(text("prepare-progress")).isEqualTo("1 van 2 stukken gelezen");
        assertThat(text("prepare-agenda")).contains("gelezen");

        test(find(Button.class).id("next-paper")).click();
        assertThat(find(H2.class).id("reader-title").getText()).isEqualTo("Begroting 2027.pdf");
        assertThat(text("paper-state")).isEqualTo("nog niet gelezen");
        assertThat(find(Button.class).id("next-paper").isEnabled()).as("the last paper of the agenda").isFalse();
        test(find(Button.class).id("mark-read")).click();
        assertThat(text("paper-state")).isEqualTo("gelezen");
        assertThat(text("prepare-progress")).isEqualTo("2 van 2 stukken gelezen");
        test(find(Button.class).id("previous-paper")).click();
        assertThat(find(H2.class).id("reader-title").getText()).isEqualTo("Notulen november.pdf");

        assertThat(as.call(MEMBER, () -> review.prepare(board.meeting())).papers())
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(ReadingState.READ));
    }

    @Test
    @WithUserDetails(MEMBER)
    void aNewVersionShowsAsChangedSinceReadAndNotesOnTheOldOneStay() {
        as.call(MEMBER, () -> review.markRead(board.meeting(), minutes.documentId(), minutes.versionId()));
        as.call(MEMBER, () -> notes.add(minutes.documentId(), minutes.versionId(), 2, "Klopt de datum?", false));
        fixture.newVersion(minutes, "Notulen november.pdf", 3);
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        assertThat(find(H2.class).id("reader-title").getText()).isEqualTo("Notulen november.pdf");
        assertThat(text("paper-state")).isEqualTo("gewijzigd sinds gelezen");
        assertThat(text("prepare-agenda")).contains("gewijzigd sinds gelezen");
        assertThat(text("notes")).contains("Klopt de datum?").contains("notitie bij een eerdere versie (versie 1)");
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberKeepsPrivateNotesAtAPage() {
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        find(PdfViewer.class).single().pageShown(2, 3);
        test(find(Button.class).id("note-add")).click();
        TextArea text = find(TextArea.class).id("note-text");
        assertThat(text.isInvalid()).as("an empty note").isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Schrijf eerst iets in de notitie.");

        test(find(TextArea.class).id("note-text")).setValue("Bedrag op pagina 2 navragen");
        test(find(Button.class).id("note-add")).click();
        assertThat(text("notes")).contains("Bedrag op pagina 2 navragen").contains("Pagina 2");
        Note stored = as.call(MEMBER, () -> notes.notes(minutes.documentId())).getFirst();
        assertThat(stored.page()).isEqualTo(2);
        assertThat(stored.shared()).isFalse();
        assertThat(as.call(READER, () -> notes.notes(minutes.documentId()))).isEmpty();

        test(find(TextArea.class).id("note-text")).setValue("Voor iedereen: zie bijlage");
        test(find(Checkbox.class).id("note-at-page")).click();
        test(find(Checkbox.class).id("note-shared")).click();
        test(find(Button.class).id("note-add")).click();
        assertThat(as.call(READER, () -> notes.notes(minutes.documentId()))).extracting(Note::text)
                .containsExactly("Voor iedereen: zie bijlage");
        assertThat(text("notes")).contains("Hele stuk").contains("gedeeld");
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberAsksAQuestionToAnItem() {
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        test(find(Button.class).id("question-ask")).click();
        TextArea text = find(TextArea.class).id("question-text");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Schrijf eerst je vraag.");

        test(find(TextArea.class).id("question-text")).setValue("Is de kascommissie akkoord?");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<QuestionVisibility> who = find(RadioButtonGroup.class).id("question-visibility");
        test(who).selectItem("Voor iedereen die de vergadering ziet");
        test(find(Button.class).id("question-ask")).click();
        assertThat(text("questions")).contains("Is de kascommissie akkoord?").contains("Lars Lid");
        Question asked = as.call(READER, () -> questions.forItem(board.meeting(),
                fixture.items(board.meeting()).get(1).id())).getFirst();
        assertThat(asked.visibility()).isEqualTo(QuestionVisibility.ALL);
        assertThat(text("prepare-item-2")).contains("1 vraag").doesNotContain("1 vragen");
    }

    @Test
    @WithUserDetails(MEMBER)
    void aPaperThatCannotBeShownOffersItsDownload() {
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        find(PdfViewer.class).single().failed("InvalidPDFException: Invalid PDF structure.");
        assertThat(text("pdf-failed")).contains("Dit stuk kan hier niet worden getoond");
        assertThat(find(Anchor.class).id("pdf-failed-download").getHref()).isEqualTo("bestanden/"
                + minutes.versionId());
        assertThat(find(Button.class).id("mark-read").isVisible()).as("it can still be marked read").isTrue();
    }

    @Test
    @WithUserDetails(READER)
    void aMemberTakenOffTheInvitationIsToldSo() {
        var row = as.call(SECRETARY, () -> invitations.attendance(board.meeting())).invitees().stream()
                .filter(r -> r.email().equals(READER)).findFirst().orElseThrow();
        as.run(SECRETARY, () -> invitations.remove(board.meeting(), row));
        UI.getCurrent().navigate("vergaderingen/" + board.meeting());
        assertThat(find(Div.class).withId("meeting-review").all()).isEmpty();
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        assertThat(find(Paragraph.class).id("prepare-refused").getText()).startsWith("Alleen wie voor deze");
        assertThat(find(PdfViewer.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails(OUTSIDER)
    void anOutsiderFindsNothing() {
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/voorbereiden");
        assertThat(find(PdfViewer.class).all()).isEmpty();
        assertThat(getCurrentView()).isNotInstanceOf(PrepareView.class);
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/leesstatus");
        assertThat(getCurrentView()).isNotInstanceOf(ReadingTableView.class);
    }

    @Test
    @WithUserDetails(SECRETARY)
    void theSecretarySeesWhoHasReadWhat() {
        as.call(MEMBER, () -> review.markRead(board.meeting(), minutes.documentId(), minutes.versionId()));
        UI.getCurrent().navigate("vergaderingen/" + board.meeting());
        assertThat(text("review-ready")).isEqualTo("0 van 3 leden hebben alles gelezen");
        test(find(Button.class).id("open-reading-table")).click();
        @SuppressWarnings("unchecked")
        Grid<nl.tafel.review.ReadingTable.Row> grid = find(Grid.class).id("reading-table");
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("2. Notulen november.pdf",
                "4. Begroting 2027.pdf");
        var rows = test(grid);
        assertThat(rows.size()).isEqualTo(3);
        int member = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getCellText(i, 0).equals("Lars Lid")) {
                member = i;
            }
        }
        assertThat(member).isNotNegative();
        assertThat(rows.getCellText(member, 1)).isEqualTo("1 ongelezen");
    }

    @Test
    @WithUserDetails(MEMBER)
    void myNotesKeepANoteWhoseDocumentWasDeleted() {
        Note note = as.call(MEMBER, () -> notes.add(budget.documentId(), budget.versionId(), 1, "Reserve te laag",
                false));
        Note other = as.call(MEMBER, () -> notes.add(minutes.documentId(), minutes.versionId(), 1, "Akkoord",
                false));
        as.run(SECRETARY, () -> documents.deleteDocument(budget.documentId()));
        UI.getCurrent().navigate(MyNotesView.class);
        Div gone = find(Div.class).id("my-note-" + note.id());
        assertThat(gone.getElement().getTextRecursively()).contains("Begroting 2027.pdf")
                .contains("document verwijderd").contains("Reserve te laag");
        assertThat(find(Span.class, gone).withClassName("tafel-note-gone").all()).hasSize(1);
        Div kept = find(Div.class).id("my-note-" + other.id());
        assertThat(find(Span.class, kept).withClassName("tafel-note-gone").all()).isEmpty();
        assertThat(find(Anchor.class, kept).single().getHref()).isEqualTo("documenten/" + minutes.documentId());
    }

    @Test
    @WithUserDetails(SECRETARY)
    void questionsAppearNextToTheirItemInTheMinutesEditor() {
        var item = fixture.items(board.meeting()).get(3).id();
        as.call(MEMBER, () -> questions.ask(board.meeting(), item, "Waarom stijgt de contributie?",
                QuestionVisibility.LEADS));
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/notulen");
        Div box = find(Div.class).id("minutes-questions-4");
        assertThat(box.getElement().getTextRecursively()).contains("Lars Lid:").contains(
                "Waarom stijgt de contributie?");
        assertThat(find(Div.class).withId("minutes-questions-2").all()).as("only next to its own item").isEmpty();
        test(find(Button.class, box).withClassName("minutes-question-answered").single()).click();
        assertThat(find(Div.class).id("minutes-questions-4").getElement().getTextRecursively())
                .contains("beantwoord");
        assertThat(as.call(MEMBER, () -> questions.forItem(board.meeting(), item)).getFirst().answered()).isTrue();
    }

    @Test
    @WithUserDetails(READER)
    void questionsForTheLeadsStayOutOfAMembersMinutes() {
        var item = fixture.items(board.meeting()).get(3).id();
        as.call(MEMBER, () -> questions.ask(board.meeting(), item, "Alleen voor het bestuur",
                QuestionVisibility.LEADS));
        as.call(MEMBER, () -> questions.ask(board.meeting(), item, "Voor iedereen", QuestionVisibility.ALL));
        var minutesService = context.getBean(nl.tafel.minutes.MinutesService.class);
        as.run(SECRETARY, () -> minutesService.circulate(board.meeting()));
        UI.getCurrent().navigate("vergaderingen/" + board.meeting() + "/notulen");
        String text = find(Div.class).id("minutes-questions-4").getElement().getTextRecursively();
        assertThat(text).contains("Voor iedereen").doesNotContain("Alleen voor het bestuur");
        assertThat(find(Button.class).withClassName("minutes-question-answered").all()).isEmpty();
    }

    @Autowired
    nl.tafel.TestBoard testBoard;
    @Autowired
    nl.tafel.invitations.internal.Inviter inviter;

    @Test
    @WithUserDetails(SECRETARY)
    void theReadingSummaryFollowsThePublicationWithoutAReload() {
        String title = nl.tafel.TestBoard.unique("Concept");
        var concept = testBoard.meeting(testBoard.space("Ruimte " + title), title,
                java.time.LocalDate.now(nl.tafel.meetings.MeetingService.ZONE).plusDays(8), null, null);
        fixture.paper(concept, 1, "Jaarverslag.pdf", 2);
        UI.getCurrent().navigate("vergaderingen/" + concept);
        test(find(Button.class).id("meeting-publish")).click();
        // the invitees are known once the invitations went out, after the commit: the summary follows
        nl.tafel.shared.CurrentUser.runAsSystem(() -> inviter.sync(concept));
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    roundTrip();
                    assertThat(text("review-ready")).isEqualTo("0 van 3 leden hebben alles gelezen");
                });
    }
}
