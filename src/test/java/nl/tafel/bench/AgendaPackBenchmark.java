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
import nl.tafel.meetings.internal.AgendaPackBuilder;
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
    private static final int WARM_UP = Integer.getInteger("tafel.bench.warm-up", 200);
    private static final int RUNS = 20;

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
    @Autowired
    nl.tafel.spaces.DocumentService documents;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    com.vaadin.flow.i18n.I18NProvider i18n;

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
        Path pdfunite = Path.of("/usr/bin/pdfunite");
        boolean compare = Files.isExecutable(pdfunite);
        AgendaPackBuilder builder = new AgendaPackBuilder((key, args) -> i18n.getTranslation(key,
                Locale.forLanguageTag("nl"), args));
        AgendaPackBuilder.Input input = builderInput(files);
        // Signed in once, as in the app (a session signs in once, not per build).
        as.run(TestAccounts.SECRETARY, () -> {
            try {
                // The first build is cold (classes loaded, code interpreted); a server reaches its steady state after
                // some builds. Then each round lets the background work of the previous one finish (text extraction
                // of the stored pack, its event listeners), and times, one after the other on the same quiet
                // machine: the whole job, the pack's PDF alone, and pdfunite.
                long cold = timed(meeting);
                for (int i = 0; i < WARM_UP; i++) {
                    packs.buildNow(meeting);
                    buildPdf(builder, input, dir);
                }
                List<Long> jobs = new ArrayList<>();
                List<Long> pdfs = new ArrayList<>();
                List<Long> unite = new ArrayList<>();
                long peak = 0;
                long retained = 0;
                for (int run = 0; run < RUNS; run++) {
                    quiet();
                    jobs.add(timed(meeting));
                    quiet();
                    long start = System.nanoTime();
                    buildPdf(builder, input, dir);
                    pdfs.add((System.nanoTime() - start) / 1_000_000);
                    if (compare) {
                        unite.add(unite(pdfunite, files, dir));
                    }
                }
                // Heap in rounds of its own: the watch collects garbage first and samples while the job runs.
                for (int run = 0; run < 3; run++) {
                    quiet();
                    SpacesBenchmark.HeapWatch heap = SpacesBenchmark.HeapWatch.start();
                    timed(meeting);
                    SpacesBenchmark.HeapWatch.Result result = heap.stop();
                    peak = Math.max(peak, result.peakGrowthMb());
                    retained = Math.max(retained, result.retainedGrowthMb());
                }
                int pages = pages(packs.status(meeting));
                report.append(String.format(Locale.ROOT, "agenda pack of %d papers of %d pages, %d pages in all"
                        + " (cover, contents, agenda, bookmarks, stamps); first (cold) build %d ms,"
                        + " then %d warm-up builds%n", PAPERS, PAGES, pages, cold, WARM_UP));
                report.append(String.format(Locale.ROOT, "  the pack's PDF (read the 30 papers, cover, contents,"
                        + " agenda, bookmarks, stamps, write): %s ms, median %d ms%n", pdfs, median(pdfs)));
                report.append(String.format(Locale.ROOT, "  the whole job (also: read the agenda and papers from the"
                        + " database with access checks, store the pack as a new document version): %s ms,"
                        + " median %d ms%n", jobs, median(jobs)));
                report.append(String.format(Locale.ROOT, "  heap growth during a job: peak %d MB, retained %d MB"
                        + " (goal: peak <= 300 MB)%n", peak, retained));
                if (compare) {
                    report.append(String.format(Locale.ROOT, "pdfunite merging the same %d files: %s ms, median %d ms"
                            + "%n", PAPERS, unite, median(unite)));
                    report.append(String.format(Locale.ROOT, "Tafel / pdfunite (medians, goal <= 2.00): the pack's PDF"
                            + " %.2f; the whole job %.2f%n", ratio(pdfs, unite), ratio(jobs, unite)));
                } else {
                    report.append("pdfunite not installed (apt-get install poppler-utils): no comparison\n");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Files.writeString(Path.of("target/benchmark-pack.txt"), report.toString());
        System.out.println("\n== Tafel agenda pack benchmark ==\n" + report);
    }

    /**
     * Four scanned papers of 20 pages of incompressible images (about 120 MB each): the pack's PDF, its time and heap
     * growth, against pdfunite once. Writes about 1 GB under the temporary directory for a moment.
     */
    @Test
    void packOfLargeScans() throws Exception {
        Path dir = Files.createTempDirectory("tafel-pack-scans");
        try {
            List<AgendaPackBuilder.Paper> papers = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            java.util.Random random = new java.util.Random(4);
            long bytes = 0;
            for (int i = 1; i <= 4; i++) {
                Path file = dir.resolve("scan-" + i + ".pdf");
                try (PDDocument document = new PDDocument()) {
                    for (int p = 0; p < 20; p++) {
                        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 1700,
                                java.awt.image.BufferedImage.TYPE_INT_RGB);
                        for (int y = 0; y < 1700; y++) {
                            for (int x = 0; x < 1200; x++) {
                                image.setRGB(x, y, random.nextInt());
                            }
                        }
                        var picture = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(
                                document, image);
                        PDPage page = new PDPage(PDRectangle.A4);
                        document.addPage(page);
                        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                            content.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                        }
                    }
                    document.save(file.toFile());
                }
                bytes += Files.size(file);
                files.add(file);
                papers.add(new AgendaPackBuilder.Paper(file.getFileName().toString(), file, null));
            }
            AgendaPackBuilder builder = new AgendaPackBuilder((key, args) -> i18n.getTranslation(key,
                    Locale.forLanguageTag("nl"), args));
            AgendaPackBuilder.Input input = new AgendaPackBuilder.Input("Pakketbank", "Pakketbank",
                    "Bestuursvergadering", "maandag 7 december 2026, 16:00–18:00", "Stadhuis", "07-12-2026", 1,
                    "30-11-2026 16:00", List.of(new AgendaPackBuilder.Section("1", "16:00", "Scans", "ter informatie",
                            null, papers)), List.of());
            Path target = dir.resolve("pack.pdf");
            SpacesBenchmark.HeapWatch heap = SpacesBenchmark.HeapWatch.start();
            long start = System.nanoTime();
            AgendaPackBuilder.Output output = builder.build(input, target, percent -> { });
            long millis = (System.nanoTime() - start) / 1_000_000;
            SpacesBenchmark.HeapWatch.Result result = heap.stop();
            if (output.pages() != 3 + 80) {
                throw new IllegalStateException("Pack has " + output.pages() + " pages");
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "agenda pack of 4 scanned papers of 20"
                    + " pages (%d MB), %d pages, %d MB: the pack's PDF in %d ms; heap growth peak %d MB, retained %d MB"
                    + " (goal: peak <= 300 MB)%n", bytes / 1_000_000, output.pages(), Files.size(target) / 1_000_000,
                    millis, result.peakGrowthMb(), result.retainedGrowthMb()));
            Path pdfunite = Path.of("/usr/bin/pdfunite");
            if (Files.isExecutable(pdfunite)) {
                report.append(String.format(Locale.ROOT, "pdfunite merging the same 4 files: %d ms%n",
                        unite(pdfunite, files, dir)));
            }
            Files.writeString(Path.of("target/benchmark-pack-scans.txt"), report.toString());
            System.out.println("\n== Tafel agenda pack of scans ==\n" + report);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private long timed(MeetingId meeting) {
        long start = System.nanoTime();
        AgendaPackService.PackStatus status = packs.buildNow(meeting);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (status.state() != AgendaPackService.State.READY) {
            throw new IllegalStateException("Pack not built: " + status);
        }
        return millis;
    }

    private static void buildPdf(AgendaPackBuilder builder, AgendaPackBuilder.Input input, Path dir)
            throws java.io.IOException {
        Path target = dir.resolve("pack.pdf");
        AgendaPackBuilder.Output output = builder.build(input, target, percent -> { });
        if (output.pages() != 3 + PAPERS * PAGES) {
            throw new IllegalStateException("Pack has " + output.pages() + " pages");
        }
    }

    /** The same pack as the job builds, from the same 30 files, without the database around it. */
    private AgendaPackBuilder.Input builderInput(List<Path> files) {
        List<AgendaPackBuilder.Section> sections = new ArrayList<>();
        for (int item = 0; item < 10; item++) {
            List<AgendaPackBuilder.Paper> papers = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                Path file = files.get(item * 3 + p);
                papers.add(new AgendaPackBuilder.Paper(file.getFileName() + " (v1)", file, null));
            }
            sections.add(new AgendaPackBuilder.Section(String.valueOf(item + 1), "16:00", "Agendapunt " + (item + 1),
                    "ter bespreking", null, papers));
        }
        return new AgendaPackBuilder.Input("Pakketbank", "Pakketbank", "Bestuursvergadering",
                "maandag 7 december 2026, 16:00–18:00", "Fysiek · Stadhuis", "07-12-2026", 1, "30-11-2026 16:00",
                sections, List.of());
    }

    private static long unite(Path pdfunite, List<Path> files, Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(pdfunite.toString());
        files.forEach(f -> command.add(f.toString()));
        command.add(dir.resolve("unite.pdf").toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pdfunite failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private int pages(AgendaPackService.PackStatus status) throws java.io.IOException {
        try (var in = documents.currentContent(java.util.Objects.requireNonNull(status.documentId())).open();
                var pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
            return pdf.getNumberOfPages();
        }
    }

    private static double ratio(List<Long> tafel, List<Long> unite) {
        return (double) median(tafel) / Math.max(1, median(unite));
    }

    /** Waits (at most three minutes) until no text extraction or event listener of an earlier build is at work. */
    private void quiet() throws InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < until) {
            Integer busy = jdbc.queryForObject("""
                    select (select count(*) from document_version where text_status in ('PENDING', 'RUNNING'))
                         + (select count(*) from event_publication where completion_date is null)""", Integer.class);
            if (busy == null || busy == 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
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
