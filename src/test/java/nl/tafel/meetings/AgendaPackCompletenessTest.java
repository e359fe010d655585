package nl.tafel.meetings;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.actions.ActionDraft;
import nl.tafel.actions.ActionOwner;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pack is complete: item descriptions on the agenda pages, a clickable contents page, metadata, wrapped long
 * reasons, and the open actions of the "Actielijst" item (by its role) as an annex.
 */
@TafelTest
class AgendaPackCompletenessTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    AgendaPackService packs;
    @Autowired
    DocumentService documents;
    @Autowired
    ActionService actions;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;

    SpaceId space;
    String spaceName;
    MeetingId meeting;
    ActionView action;

    @BeforeEach
    void meetingWithActionsAndPapers() {
        spaceName = TestBoard.unique("Bestuur pakket");
        space = board.space(spaceName);
        // an action agreed in an earlier meeting, still open, with a progress note
        MeetingId earlier = board.meeting(space, "Vorige vergadering", LocalDate.now(MeetingService.ZONE)
                .plusDays(3), null, null);
        AgendaItemId earlierItem = as.call(SECRETARY, () -> agenda.agenda(earlier)).get(3).id();
        action = as.call(SECRETARY, () -> actions.create(earlier, earlierItem, new ActionDraft(
                "Subsidieaanvraag bij de gemeente indienen", List.of(new ActionOwner(accounts.findByEmail(MEMBER)
                        .orElseThrow().id(), "")), LocalDate.of(2027, 2, 1)))).action();
        as.run(MEMBER, () -> actions.addNote(action.id(), "Formulier ligt bij de penningmeester."));

        meeting = board.meeting(space, "Bestuursvergadering", LocalDate.now(MeetingService.ZONE).plusDays(10), null,
                null);
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(meeting));
        // the action list is renamed: it keeps its role
        as.run(SECRETARY, () -> agenda.updateItem(items.get(2).id(), new ItemDraft("Acties", ItemPurpose.DISCUSSION,
                null, 10, null), version()));
        AgendaItemId plan = as.call(SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft("Begroting 2027",
                ItemPurpose.DECISION, "Penningmeester", 20, "De begroting sluit met een klein tekort.\n"
                        + "Het bestuur besluit over de contributie."), version()));
        as.call(SECRETARY, () -> agenda.upload(plan, "Begroting 2027.pdf", sample("jaarverslag-2025.pdf"), -1));
        byte[] csv = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        as.call(SECRETARY, () -> agenda.upload(plan, "Overzicht van alle toezeggingen aan de gemeente en de"
                + " provincie sinds 2024.csv", new ByteArrayInputStream(csv), csv.length));
    }

    @Test
    void descriptionsLinksMetadataWrappedReasonsAndTheOpenActionsAnnex() throws Exception {
        AgendaPackService.PackStatus status = as.call(SECRETARY, () -> packs.buildNow(meeting));
        assertThat(status.state()).isEqualTo(AgendaPackService.State.READY);
        try (PDDocument pack = open(status)) {
            PDDocumentInformation info = pack.getDocumentInformation();
            assertThat(info.getTitle()).startsWith("Vergaderpakket Bestuursvergadering");
            assertThat(info.getAuthor()).isEqualTo(spaceName);
            assertThat(info.getSubject()).contains("Vergaderpakket, versie 1", "Bestuursvergadering");

            String contents = page(pack, 2);
            // the long reason is not cut off: it wraps onto the next line
            assertThat(contents).contains("download het apart").doesNotContain("…");
            assertThat(contents).contains("Bijlage bij agendapunt 3 Acties: open acties");

            String agendaPage = page(pack, 3);
            assertThat(agendaPage).contains("De begroting sluit met een klein tekort.",
                    "Het bestuur besluit over de contributie.");

            // the annex after the agenda: the open action with its owner, due date, status and last note
            String annex = page(pack, 4);
            assertThat(annex).contains("Bijlage bij agendapunt 3 Acties: open acties", action.number()
                    + "  Subsidieaanvraag bij de gemeente indienen", "Lars Lid", "vóór 01-02-2027",
                    "laatste voortgang: Formulier ligt bij de penningmeester.");

            // every page number on the contents page is a link to that page
            PDPage contentsPage = pack.getPage(1);
            List<Integer> targets = new ArrayList<>();
            for (PDAnnotation a : contentsPage.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getDestination() instanceof PDPageDestination to) {
                    targets.add(pack.getPages().indexOf(to.getPage()) + 1);
                }
            }
            int firstPaper = 5; // cover, contents, agenda, annex
            assertThat(targets).contains(3, 4, firstPaper);
            assertThat(page(pack, firstPaper)).contains("agendapunt 5 · blz. " + firstPaper);
        }
    }

    private long version() {
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
        return AgendaPackCompletenessTest.class.getResourceAsStream("/samples/" + name);
    }
}
