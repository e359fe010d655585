package nl.tafel.meetings;

import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agenda pack, opened with PDFBox as a reader would: pages, contents, bookmarks, stamps, the change page. */
@TafelTest
class AgendaPackTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    AgendaPackService packs;
    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;
    @Autowired
    nl.tafel.meetings.internal.FollowUpJob followUps;
    @Autowired
    nl.tafel.TestConfig.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    SpaceDetails space;
    MeetingId meeting;
    LocalDate date = LocalDate.now(MeetingService.ZONE).plusWeeks(2);

    @BeforeEach
    void meetingWithPapers() {
        String name = "Bestuur Ondernemend Leiden " + UUID.randomUUID().toString().substring(0, 4);
        space = as.call(SECRETARY, () -> {
            SpaceId id = spaces.create(name, null);
            spaces.setMember(id, accounts.findByEmail(READER).orElseThrow().id(), SpaceRole.READER);
            return spaces.get(id);
        });
        meeting = as.call(SECRETARY, () -> meetings.create(space.id(), new MeetingDraft("Bestuursvergadering", date,
                LocalTime.of(16, 0), LocalTime.of(18, 0), MeetingForm.HYBRID, "Stadhuis",
                "https://teams.example/x", null, null))).id();
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(meeting));
        as.call(SECRETARY, () -> agenda.upload(items.get(1).id(), "Notulen december.pdf",
                sample("notulen-bestuur-2025-12.pdf"), -1));
        AgendaItemId plan = as.call(SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft(
                "Speerpuntenplan 2026-2027", ItemPurpose.DECISION, "Willem-Jan Zirkzee", 30, null), version()));
        AgendaItemId sub = as.call(SECRETARY, () -> agenda.addItem(meeting, plan, new ItemDraft(
                "Ruimtelijke ontwikkeling", ItemPurpose.DISCUSSION, null, 10, null), version()));
        as.call(SECRETARY, () -> agenda.upload(sub, "Jaarverslag 2025.pdf", sample("jaarverslag-2025.pdf"), -1));
        as.call(SECRETARY, () -> agenda.upload(sub, "Actielijst.csv", sample("actielijst.csv"), -1));
        // A PDF that only pretends: the pack lists it as not included and carries on.
        byte[] broken = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes();
        as.call(SECRETARY, () -> agenda.upload(sub, "Kapot.pdf", new ByteArrayInputStream(broken), broken.length));
    }

    @Test
    void thePackHasCoverContentsAgendaAllPapersBookmarksAndStamps() throws Exception {
        AgendaPackService.PackStatus status = as.call(SECRETARY, () -> packs.buildNow(meeting));
        assertThat(status.state()).isEqualTo(AgendaPackService.State.READY);
        assertThat(status.version()).isEqualTo(1);
        int notulen;
        int jaarverslag;
        try (PDDocument d = Loader.loadPDF(sample("notulen-bestuur-2025-12.pdf").readAllBytes());
                PDDocument j = Loader.loadPDF(sample("jaarverslag-2025.pdf").readAllBytes())) {
            notulen = d.getNumberOfPages();
            jaarverslag = j.getNumberOfPages();
        }
        try (PDDocument pack = openPack(status)) {
            // cover + contents + agenda + the two PDFs
            assertThat(pack.getNumberOfPages()).isEqualTo(3 + notulen + jaarverslag);
            String contents = page(pack, 2);
            assertThat(contents).contains("Inhoud", "2  Notulen vorige vergadering", "Notulen december.pdf (v1)",
                    "5  Speerpuntenplan 2026-2027", "Actielijst.csv (v1) — niet opgenomen: geen PDF",
                    "Kapot.pdf (v1) — kon niet worden opgenomen");
            assertThat(page(pack, 3)).contains("Agenda", "16:00   1  Opening en vaststellen agenda",
                    "5.1  Ruimtelijke ontwikkeling", "inleider Willem-Jan Zirkzee");
            // Bookmarks: the agenda, then each item with papers and its papers below it.
            // Sub-items nest under their item.
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : pack.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
                for (PDOutlineItem child : item.children()) {
                    bookmarks.add("  " + child.getTitle());
                    for (PDOutlineItem grandChild : child.children()) {
                        bookmarks.add("    " + grandChild.getTitle());
                    }
                }
            }
            assertThat(bookmarks).containsSubsequence("Agenda", "2 Notulen vorige vergadering",
                    "  Notulen december.pdf (v1)", "5 Speerpuntenplan 2026-2027", "  5.1 Ruimtelijke ontwikkeling",
                    "    Jaarverslag 2025.pdf (v1)");
            assertThat(bookmarks).doesNotContain("5.1 Ruimtelijke ontwikkeling");
            // The stamp on a page of the annual report.
            int total = pack.getNumberOfPages();
            int firstOfReport = 4 + notulen;
            String stamp = "Bestuur OL " + date.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                    + " · agendapunt 5.1 · blz. " + firstOfReport + "/" + total;
            assertThat(page(pack, firstOfReport)).contains(stamp);
            assertThat(page(pack, 4)).contains("agendapunt 2 · blz. 4/" + total);
            // The contents page's page numbers point where the papers start.
            assertThat(contents).containsPattern("Jaarverslag 2025\\.pdf \\(v1\\)\\s*" + firstOfReport);
        }
        // Readers see the pack in the space and can download it.
        assertThat(as.call(READER, () -> documents.document(status.documentId())).name())
                .isEqualTo("Vergaderpakket " + date + " Bestuursvergadering.pdf");
    }

    @Test
    void fromVersionTwoThePackStartsWithWhatChanged() throws Exception {
        as.call(SECRETARY, () -> packs.buildNow(meeting));
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(meeting));
        AgendaItemView notulen = items.get(1);
        as.run(SECRETARY, () -> agenda.detach(notulen.id(), notulen.documents().getFirst().documentId(), version()));
        as.call(SECRETARY, () -> agenda.upload(items.get(3).id(), "Brief gemeente.pdf",
                sample("notulen-bestuur-2025-12.pdf"), -1));
        AgendaPackService.PackStatus second = as.call(SECRETARY, () -> packs.buildNow(meeting));
        assertThat(second.version()).isEqualTo(2);
        try (PDDocument pack = openPack(second)) {
            String changes = page(pack, 2);
            assertThat(changes).contains("Gewijzigd sinds versie 1 (dit is versie 2)",
                    "Nieuw of gewijzigd: 4 Ingekomen stukken en mededelingen: Brief gemeente.pdf (v1)",
                    "Vervallen: 2 Notulen vorige vergadering: Notulen december.pdf (v1)");
            // the change page's stamp names it, and the contents follow on the next page
            assertThat(changes).contains(" · wijzigingen · blz. 2/" + pack.getNumberOfPages());
            assertThat(page(pack, 3)).contains("Inhoud", " · inhoud · blz. 3/");
            assertThat(page(pack, 1)).contains("Versie 2");
        }
    }

    @Test
    void theChangePageComparesPapersByIdentityNotByNumber() throws Exception {
        as.call(SECRETARY, () -> packs.buildNow(meeting));
        // "Speerpuntenplan" (5) moves up to 2: the papers under it and under the items after it are renumbered
        AgendaItemView plan = as.call(SECRETARY, () -> agenda.agenda(meeting)).stream()
                .filter(i -> i.title().equals("Speerpuntenplan 2026-2027")).findFirst().orElseThrow();
        as.run(SECRETARY, () -> agenda.moveItem(plan.id(), null, 1, version()));
        AgendaPackService.PackStatus second = as.call(SECRETARY, () -> packs.buildNow(meeting));
        try (PDDocument pack = openPack(second)) {
            String changes = page(pack, 2);
            assertThat(changes).contains(
                    "Verplaatst: 3 Notulen vorige vergadering: Notulen december.pdf (v1) (was agendapunt 2)",
                    "Verplaatst: 2.1 Ruimtelijke ontwikkeling: Jaarverslag 2025.pdf (v1) (was agendapunt 5.1)")
                    .doesNotContain("Vervallen", "Nieuw of gewijzigd");
        }
        // nothing changed since: the next version says so
        AgendaPackService.PackStatus third = as.call(SECRETARY, () -> packs.buildNow(meeting));
        try (PDDocument pack = openPack(third)) {
            assertThat(page(pack, 2)).contains("Geen wijzigingen in de stukken.");
        }
    }

    @Test
    void aNewVersionOfAPaperRebuildsThePack() throws Exception {
        AgendaPackService.PackStatus first = as.call(SECRETARY, () -> packs.buildNow(meeting));
        AgendaItemView notulen = as.call(SECRETARY, () -> agenda.agenda(meeting)).get(1);
        as.call(SECRETARY, () -> documents.uploadVersion(notulen.documents().getFirst().documentId(),
                "notulen-def.pdf", sample("notulen-bestuur-2025-12.pdf"), -1));
        // at once "verouderd", and rebuilt by itself a minute after the last change
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                as.call(SECRETARY, () -> packs.status(meeting)).stale());
        AgendaPackService.PackStatus stale = as.call(SECRETARY, () -> packs.status(meeting));
        assertThat(stale.version()).isEqualTo(first.version());
        assertThat(stale.rebuildAt()).isNotNull();
        followUps.runDue();
        assertThat(as.call(SECRETARY, () -> packs.status(meeting)).version()).as("not before the delay")
                .isEqualTo(first.version());
        clock.advance(java.time.Duration.ofMinutes(2));
        followUps.runDue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                as.call(SECRETARY, () -> packs.status(meeting)).version() == first.version() + 1);
        AgendaPackService.PackStatus second = as.call(SECRETARY, () -> packs.status(meeting));
        assertThat(second.state()).isEqualTo(AgendaPackService.State.READY);
        assertThat(second.stale()).isFalse();
        try (PDDocument pack = openPack(second)) {
            assertThat(page(pack, 2)).contains("Nieuwe versie: 2 Notulen vorige vergadering:"
                    + " Notulen december.pdf (v2)").doesNotContain("Vervallen");
        }
    }

    @Test
    void aRebuildIsTheNextVersionOfThePackWhereverItWasMovedAndANewDocumentWhenItWasThrownAway() throws Exception {
        AgendaPackService.PackStatus first = as.call(SECRETARY, () -> packs.buildNow(meeting));
        // The secretary renames the pack and moves it to the space's top folder: the next pack follows it there.
        DocumentDetails pack = as.call(SECRETARY, () -> documents.document(first.documentId()));
        as.run(SECRETARY, () -> documents.renameDocument(pack.id(), "Pakket bestuur.pdf", pack.version()));
        as.run(SECRETARY, () -> documents.moveDocument(pack.id(), space.rootFolder(),
                documents.document(pack.id()).version()));
        AgendaPackService.PackStatus second = as.call(SECRETARY, () -> packs.buildNow(meeting));
        assertThat(second.documentId()).isEqualTo(first.documentId());
        assertThat(second.version()).isEqualTo(2);
        DocumentDetails moved = as.call(SECRETARY, () -> documents.document(first.documentId()));
        assertThat(moved.currentVersion()).isEqualTo(2);
        assertThat(moved.folder().id()).isEqualTo(space.rootFolder());
        // Thrown away: the next pack is a new document in the meeting's folder again, and the old one stays in the
        // trash as it was.
        as.run(SECRETARY, () -> documents.deleteDocument(first.documentId()));
        AgendaPackService.PackStatus third = as.call(SECRETARY, () -> packs.buildNow(meeting));
        assertThat(third.state()).isEqualTo(AgendaPackService.State.READY);
        assertThat(third.documentId()).isNotEqualTo(first.documentId());
        DocumentDetails fresh = as.call(READER, () -> documents.document(third.documentId()));
        assertThat(fresh.name()).isEqualTo("Vergaderpakket " + date + " Bestuursvergadering.pdf");
        assertThat(fresh.folder().id()).isEqualTo(as.call(SECRETARY, () -> agenda.meetingFolder(meeting)));
        try (PDDocument pdf = openPack(third)) {
            assertThat(page(pdf, 1)).contains("Bestuursvergadering");
        }
    }

    private PDDocument openPack(AgendaPackService.PackStatus status) throws Exception {
        var content = as.call(READER, () -> documents.currentContent(status.documentId()));
        try (InputStream in = content.open()) {
            return Loader.loadPDF(in.readAllBytes());
        }
    }

    private static String page(PDDocument pack, int number) throws Exception {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(number);
        text.setEndPage(number);
        return text.getText(pack);
    }

    private long version() {
        return as.call(SECRETARY, () -> meetings.get(meeting)).agendaVersion();
    }

    private static InputStream sample(String name) {
        return AgendaPackTest.class.getResourceAsStream("/samples/" + name);
    }
}
