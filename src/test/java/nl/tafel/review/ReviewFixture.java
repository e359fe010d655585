package nl.tafel.review;

import static nl.tafel.TestAccounts.SECRETARY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TestBoard;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.StoredDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.ApplicationContext;

/**
 * A published board meeting for review tests: the secretary manages the space, the member and the reader are in
 * it (all three are invited once the invitations went out), the outsider is not. Papers are real PDFs.
 */
public class ReviewFixture {

    private final TestBoard board;
    private final RunAs as;
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final DocumentService documents;
    private final InvitationService invitations;
    private final AccountDirectory accounts;
    private final Inviter inviter;

    public static ReviewFixture of(ApplicationContext context) {
        return new ReviewFixture(context.getBean(TestBoard.class), context.getBean(RunAs.class),
                context.getBean(MeetingService.class), context.getBean(AgendaService.class),
                context.getBean(DocumentService.class), context.getBean(InvitationService.class),
                context.getBean(AccountDirectory.class), context.getBean(Inviter.class));
    }

    ReviewFixture(TestBoard board, RunAs as, MeetingService meetings, AgendaService agenda, DocumentService documents,
            InvitationService invitations, AccountDirectory accounts, Inviter inviter) {
        this.inviter = inviter;
        this.board = board;
        this.as = as;
        this.meetings = meetings;
        this.agenda = agenda;
        this.documents = documents;
        this.invitations = invitations;
        this.accounts = accounts;
    }

    /** A meeting with its space. */
    public record Board(SpaceId space, MeetingId meeting, String title) {
    }

    /** A published meeting that many days ahead, once everyone in the space is invited. */
    public Board published(int daysAhead) {
        String title = TestBoard.unique("Bestuur");
        SpaceId space = board.space("Ruimte " + title);
        MeetingId meeting = board.published(space, title, daysAhead);
        // the invitations go out after commit; send them now rather than wait for the listener
        nl.tafel.shared.CurrentUser.runAsSystem(() -> inviter.sync(meeting));
        long until = System.currentTimeMillis() + 20_000;
        while (as.call(SECRETARY, () -> invitations.invitedMembers(meeting)).size() < 3) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the invitations did not go out");
            }
            sleep();
        }
        return new Board(space, meeting, title);
    }

    public List<AgendaItemView> items(MeetingId meeting) {
        return as.call(SECRETARY, () -> agenda.agenda(meeting));
    }

    /** The secretary uploads a PDF of that many pages to the agenda item at this position. */
    public StoredDocument paper(MeetingId meeting, int itemIndex, String name, int pages) {
        AgendaItemView item = items(meeting).get(itemIndex);
        byte[] pdf = pdf(name, pages);
        return as.call(SECRETARY, () -> agenda.upload(item.id(), name, new ByteArrayInputStream(pdf), pdf.length));
    }

    /** The secretary uploads a new version of a paper. */
    public StoredDocument newVersion(StoredDocument paper, String name, int pages) {
        byte[] pdf = pdf(name + " (nieuw)", pages);
        return as.call(SECRETARY, () -> documents.uploadVersion(paper.documentId(), name,
                new ByteArrayInputStream(pdf), pdf.length));
    }

    public PersonId person(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    /** The secretary makes someone the meeting's chair. */
    public void chair(MeetingId meeting, String email) {
        as.run(SECRETARY, () -> {
            MeetingDetails m = meetings.get(meeting);
            MeetingDraft d = m.draft();
            meetings.update(meeting, new MeetingDraft(d.title(), d.date(), d.start(), d.end(), d.form(),
                    d.location(), d.joinUrl(), person(email), d.minuteTaker()), m.version());
        });
    }

    /** A PDF with a line of text on each page. */
    public static byte[] pdf(String title, int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 28);
                    content.newLineAtOffset(72, 720);
                    content.showText(title + " - pagina " + i + " van " + pages);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
