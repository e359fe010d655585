package nl.tafel.review;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.InviteeRow;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Who may prepare a meeting, and who sees and changes which notes and questions: checked in the services, for the
 * secretary (space manager), the member, the reader, the administrator (not in the space) and the outsider.
 */
@TafelTest
class ReviewAccessTest {

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
    StoredDocument paper;
    AgendaItemId item;

    @BeforeEach
    void meeting() {
        fixture = ReviewFixture.of(context);
        board = fixture.published(5);
        paper = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 3);
        item = fixture.items(board.meeting()).get(1).id();
    }

    @Test
    void invitedMembersAndManagersPrepareOthersDoNot() {
        assertThat(as.call(MEMBER, () -> review.prepare(board.meeting())).papers()).extracting(Preparation.Paper::name)
                .containsExactly("Notulen november.pdf");
        assertThat(as.call(READER, () -> review.mayPrepare(board.meeting()))).isTrue();
        assertThat(as.call(SECRETARY, () -> review.mayPrepare(board.meeting()))).isTrue();
        assertThat(as.call(ADMIN, () -> review.mayPrepare(board.meeting())))
                .as("administrators manage every space").isTrue();
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> review.prepare(board.meeting())))
                .isInstanceOf(MeetingNotFoundException.class);

        // the reader is taken off the invitation: they still see the meeting, but do not prepare it
        InviteeRow reader = as.call(SECRETARY, () -> invitations.attendance(board.meeting())).invitees().stream()
                .filter(r -> r.email().equals(READER)).findFirst().orElseThrow();
        as.run(SECRETARY, () -> invitations.remove(board.meeting(), reader));
        assertThat(as.call(READER, () -> review.mayPrepare(board.meeting()))).isFalse();
        assertThatThrownBy(() -> as.call(READER, () -> review.prepare(board.meeting())))
                .isInstanceOf(TafelException.class).hasMessageContaining("review.error.notInvited");
        assertThatThrownBy(() -> as.call(READER, () -> review.markRead(board.meeting(), paper.documentId(),
                paper.versionId()))).hasMessageContaining("review.error.notInvited");
        assertThatThrownBy(() -> as.call(READER, () -> questions.ask(board.meeting(), item, "Mag ik?",
                QuestionVisibility.ALL))).hasMessageContaining("review.error.notInvited");
    }

    @Test
    void privateNotesAreSeenByTheirAuthorOnlyAndAdministratorsDoNotSeeThem() {
        Note mine = as.call(MEMBER, () -> notes.add(paper.documentId(), paper.versionId(), 2,
                "Klopt het bedrag op pagina 2?", false));
        assertThat(mine.mine()).isTrue();
        assertThat(mine.page()).isEqualTo(2);

        assertThat(as.call(MEMBER, () -> notes.notes(paper.documentId()))).extracting(Note::text)
                .containsExactly("Klopt het bedrag op pagina 2?");
        for (String other : List.of(SECRETARY, READER, ADMIN)) {
            assertThat(as.call(other, () -> notes.notes(paper.documentId()))).as(other).isEmpty();
            assertThat(as.call(other, () -> notes.mine())).as(other).extracting(MyNote::text)
                    .doesNotContain("Klopt het bedrag op pagina 2?");
        }
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> notes.notes(paper.documentId())))
                .isInstanceOf(SpaceNotFoundException.class);
        // nobody else may change or delete it, an administrator neither; it does not exist for them
        for (String other : List.of(SECRETARY, READER, ADMIN, OUTSIDER)) {
            assertThatThrownBy(() -> as.run(other, () -> notes.update(mine.id(), "Gewijzigd", true, mine.version())))
                    .as(other).hasMessageContaining("review.error.noteGone");
            assertThatThrownBy(() -> as.run(other, () -> notes.delete(mine.id(), mine.version())))
                    .as(other).hasMessageContaining("review.error.noteGone");
        }
        assertThat(as.call(MEMBER, () -> notes.notes(paper.documentId()))).extracting(Note::text)
                .containsExactly("Klopt het bedrag op pagina 2?");
    }

    @Test
    void aSharedNoteIsSeenByEveryoneWhoReadsTheDocumentOnly() {
        Note shared = as.call(MEMBER, () -> notes.add(paper.documentId(), paper.versionId(), null,
                "Zie ook het jaarverslag.", true));
        Note reader = as.call(READER, () -> notes.notes(paper.documentId())).getFirst();
        assertThat(reader.text()).isEqualTo("Zie ook het jaarverslag.");
        assertThat(reader.mine()).isFalse();
        assertThat(reader.authorName()).isEqualTo("Lars Lid");
        assertThat(as.call(SECRETARY, () -> notes.notes(paper.documentId()))).extracting(Note::text)
                .containsExactly("Zie ook het jaarverslag.");
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> notes.notes(paper.documentId())))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> notes.add(paper.documentId(), paper.versionId(), null,
                "Binnendringer", true))).isInstanceOf(SpaceNotFoundException.class);

        // made private again: only its author sees it
        as.run(MEMBER, () -> notes.update(shared.id(), "Zie ook het jaarverslag.", false, shared.version()));
        assertThat(as.call(READER, () -> notes.notes(paper.documentId()))).isEmpty();
        assertThatThrownBy(() -> as.run(MEMBER, () -> notes.update(shared.id(), "Oude stand", true,
                shared.version()))).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void anEmptyNoteOrQuestionIsRefusedWithAMessage() {
        assertThatThrownBy(() -> as.call(MEMBER, () -> notes.add(paper.documentId(), paper.versionId(), 1, "  \n ",
                false))).isInstanceOf(FieldException.class).hasMessageContaining("review.error.emptyNote");
        assertThatThrownBy(() -> as.call(MEMBER, () -> questions.ask(board.meeting(), item, "   ",
                QuestionVisibility.LEADS))).isInstanceOf(FieldException.class)
                .hasMessageContaining("review.error.emptyQuestion");
        assertThatThrownBy(() -> as.call(MEMBER, () -> questions.ask(board.meeting(), item, "<b>vet</b>",
                QuestionVisibility.LEADS))).isInstanceOf(FieldException.class)
                .hasMessageContaining("validation.noHtml");
    }

    @Test
    void questionsAreSeenByTheAskerAndTheLeadsOrByAll() {
        Question forLeads = as.call(MEMBER, () -> questions.ask(board.meeting(), item,
                "Waarom is de begroting overschreden?", QuestionVisibility.LEADS));
        as.call(READER, () -> questions.ask(board.meeting(), item, "Komt er een toelichting?",
                QuestionVisibility.ALL));

        assertThat(texts(MEMBER)).containsExactly("Waarom is de begroting overschreden?",
                "Komt er een toelichting?");
        assertThat(texts(READER)).as("the reader does not see the member's question for the leads")
                .containsExactly("Komt er een toelichting?");
        assertThat(texts(SECRETARY)).as("the secretary leads").hasSize(2);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> questions.byItem(board.meeting())))
                .isInstanceOf(MeetingNotFoundException.class);

        // a member marks nothing answered; the chair does, once they are the chair
        assertThatThrownBy(() -> as.run(READER, () -> questions.markAnswered(forLeads.id(), true,
                forLeads.version()))).hasMessageContaining("review.error.questionGone");
        Question own = as.call(READER, () -> questions.forItem(board.meeting(), item)).getFirst();
        assertThat(own.canMarkAnswered()).isFalse();
        assertThatThrownBy(() -> as.run(READER, () -> questions.markAnswered(own.id(), true, own.version())))
                .hasMessageContaining("review.error.notLead");
        fixture.chair(board.meeting(), READER);
        assertThat(texts(READER)).as("the chair sees questions for the leads").hasSize(2);
        as.run(READER, () -> questions.markAnswered(forLeads.id(), true, forLeads.version()));
        Question answered = as.call(MEMBER, () -> questions.forItem(board.meeting(), item)).getFirst();
        assertThat(answered.answered()).isTrue();
        assertThat(answered.answeredBy()).isEqualTo("Lotte Lezer");

        // only the asker withdraws, and only while it is open
        assertThatThrownBy(() -> as.run(MEMBER, () -> questions.withdraw(answered.id(), answered.version())))
                .hasMessageContaining("review.error.questionAnswered");
        assertThatThrownBy(() -> as.run(MEMBER, () -> questions.withdraw(own.id(), own.version())))
                .hasMessageContaining("review.error.questionGone");
        as.run(READER, () -> questions.withdraw(own.id(), own.version()));
        assertThat(texts(SECRETARY)).containsExactly("Waarom is de begroting overschreden?");
    }

    @Test
    void theReadingTableIsForTheSecretaryAndTheChair() {
        assertThat(as.call(SECRETARY, () -> review.readingTable(board.meeting())).members())
                .extracting(ReadingTable.Row::name).contains("Lars Lid", "Lotte Lezer", "Sanne Secretaris");
        assertThatThrownBy(() -> as.call(MEMBER, () -> review.readingTable(board.meeting())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> review.readingTable(board.meeting())))
                .isInstanceOf(MeetingNotFoundException.class);
        fixture.chair(board.meeting(), MEMBER);
        assertThat(as.call(MEMBER, () -> review.maySeeReadingTable(board.meeting()))).isTrue();
        assertThat(as.call(MEMBER, () -> review.readingTable(board.meeting())).papers())
                .extracting(ReadingTable.Column::name).containsExactly("Notulen november.pdf");
    }

    private List<String> texts(String who) {
        return as.call(who, () -> questions.forItem(board.meeting(), item)).stream().map(Question::text).toList();
    }
}
