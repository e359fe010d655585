package nl.tafel.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.TestConfig;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaPackService;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.ItemDraft;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The agenda pack of 30 papers of 10 pages (300 pages): Tafel's build time and heap, against poppler's
 * {@code pdfunite} merging the same files (Debian {@code poppler-utils}; skipped when it is not installed).
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify}; figures go to {@code target/benchmark-pack.txt}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tafel.test.max-upload-size=100MB", "tafel.test.smtp=false"})
@Import(TestConfig.class)
class AgendaPackBenchmark {

    private static final int PAPERS = 30;
    private static final int PAGES = 10;

    @Autowired
    SpaceService spaces;
    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    AgendaPackService packs;
    @Autowired
    RunAs as;

    @Test
    void packOfThirtyPapers() throws Exception {
        Path dir = Files.createTempDirectory("tafel-pack-bench");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "stuk-%02d.pdf", i));
            Files.write(file, paper(i));
            files.add(file);
        }
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> spaces.create("Pakketbank " + UUID.randomUUID()
                .toString().substring(0, 6), null));
        MeetingId meeting = as.call(TestAccounts.SECRETARY, () -> meetings.create(space, new MeetingDraft(
                "Bestuursvergadering", LocalDate.now(MeetingService.ZONE).plusDays(7), LocalTime.of(16, 0),
                LocalTime.of(18, 0), MeetingForm.PHYSICAL, "Stadhuis", null, null, null))).id();
        for (int item = 0; item < 10; item++) {
            int n = item;
            AgendaItemId id = as.call(TestAccounts.SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft(
                    "Agendapunt " + (n + 1), ItemPurpose.DISCUSSION, null, 10, null),
                    meetings.get(meeting).agendaVersion()));
            for (int p = 0; p < 3; p++) {
                Path file = files.get(n * 3 + p);
                as.call(TestAccounts.SECRETARY, () -> {
                    try (var in = Files.newInputStream(file)) {
                        return agenda.upload(id, file.getFileName().toString(), in, Files.size(file));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        StringBuilder report = new StringBuilder();
        // Warm up once, then measure three builds.
        as.call(TestAccounts.SECRETARY, () -> packs.buildNow(meeting));
        List<Long> times = new ArrayList<>();
        long peak = 0;
        long retained = 0;
        int pages = 0;
        for (int run = 0; run < 3; run++) {
            SpacesBenchmark.HeapWatch heap = SpacesBenchmark.HeapWatch.start();
            long start = System.nanoTime();
            AgendaPackService.PackStatus status = as.call(TestAccounts.SECRETARY, () -> packs.buildNow(meeting));
            times.add((System.nanoTime() - start) / 1_000_000);
            SpacesBenchmark.HeapWatch.Result result = heap.stop();
            peak = Math.max(peak, result.peakGrowthMb());
            retained = Math.max(retained, result.retainedGrowthMb());
            if (status.state() != AgendaPackService.State.READY) {
                throw new IllegalStateException("Pack not built: " + status);
            }
            pages = PAPERS * PAGES;
        }
        report.append(String.format(Locale.ROOT, "agenda pack of %d papers / %d pages (cover, contents, agenda,"
                + " bookmarks, stamps, stored as a new version): runs %s ms; heap growth peak %d MB, retained %d MB%n",
                PAPERS, pages, times, peak, retained));
        Path pdfunite = Path.of("/usr/bin/pdfunite");
        if (Files.isExecutable(pdfunite)) {
            List<Long> unite = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                List<String> command = new ArrayList<>();
                command.add(pdfunite.toString());
                files.forEach(f -> command.add(f.toString()));
                command.add(dir.resolve("unite.pdf").toString());
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                process.waitFor();
                unite.add((System.nanoTime() - start) / 1_000_000);
            }
            report.append(String.format(Locale.ROOT, "pdfunite merging the same %d files: runs %s ms%n", PAPERS,
                    unite));
        } else {
            report.append("pdfunite not installed (apt-get install poppler-utils): no comparison\n");
        }
        Files.writeString(Path.of("target/benchmark-pack.txt"), report.toString());
        System.out.println("\n== Tafel agenda pack benchmark ==\n" + report);
    }

    /** A paper of ten pages of text, like a typical board paper. */
    private static byte[] paper(int number) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= PAGES; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.setFont(font, 11);
                    text.newLineAtOffset(56, 780);
                    for (int line = 0; line < 45; line++) {
                        text.showText("Stuk " + number + ", pagina " + p + ": de vereniging bespreekt de begroting"
                                + " en het speerpuntenplan, regel " + line + ".");
                        text.newLineAtOffset(0, -16);
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
