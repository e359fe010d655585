package nl.tafel.spaces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import nl.tafel.spaces.TextStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Text extraction against hostile content: a file that never finishes reading is given up after the time limit, and
 * the next file is read normally. Runs on a blob store in a temporary directory, without the database.
 */
class TextExtractionTest {

    @TempDir
    Path dir;

    @Test
    void contentThatHangsIsGivenUpAndTheNextFileStillGetsRead() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        String pdf;
        try (InputStream in = getClass().getResourceAsStream("/samples/notulen-bestuur-2025-12.pdf");
                StagedBlob staged = store.stage(in, 10_000_000)) {
            store.commit(staged);
            pdf = staged.sha256();
        }
        String hanging = "f".repeat(64);
        String stuck = "e".repeat(64);
        // a named pipe nobody writes to: the reader process that opens it blocks for ever, like a parser trap
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        BlobStore hostile = new BlobStore() {
            @Override
            public java.util.Optional<Path> localFile(String sha256) {
                return sha256.equals(stuck) ? java.util.Optional.of(fifo) : store.localFile(sha256);
            }

            @Override
            public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
                return store.stage(content, maxBytes);
            }

            @Override
            public void commit(StagedBlob blob) throws IOException {
                store.commit(blob);
            }

            @Override
            public java.time.Instant lastCommitted(String sha256) throws IOException {
                return store.lastCommitted(sha256);
            }

            @Override
            public InputStream open(String sha256) throws IOException {
                if (sha256.equals(hanging)) {
                    return new NeverEndingStream();
                }
                return store.open(sha256);
            }

            @Override
            public boolean exists(String sha256) {
                return true;
            }

            @Override
            public java.util.stream.Stream<String> list() throws IOException {
                return store.list();
            }

            @Override
            public void delete(String sha256) throws IOException {
                store.delete(sha256);
            }
        };
        SpacesSettings settings = new SpacesSettings(DataSize.ofMegabytes(5), 30, Duration.ofSeconds(3), 100_000,
                "soffice", Duration.ofSeconds(5));
        TextExtraction extraction = new TextExtraction(null, hostile, settings, Clock.systemUTC(),
                DataSize.ofMegabytes(64), 1);
        try {
            long started = System.nanoTime();
            assertThat(extraction.extractText(hanging, "text/plain").status()).isEqualTo(TextStatus.TIMED_OUT);
            assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isBetween(2_900L, 20_000L);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                TextExtraction.Outcome outcome = extraction.extractText(stuck, "application/pdf");
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertThat(outcome.status()).isEqualTo(TextStatus.TIMED_OUT);
                assertThat(took).as("given up after the limit, not later").isBetween(2_900L, 20_000L);
                assertThat(newReaders())
                        .as("the stuck reader was stopped, not left running beside the next").isEmpty();
            }
        } finally {
            extraction.destroy();
        }
        TextExtraction normal = new TextExtraction(null, hostile, new SpacesSettings(DataSize.ofMegabytes(5), 30,
                Duration.ofSeconds(90), 100_000, "soffice", Duration.ofSeconds(5)),
                Clock.systemUTC(), DataSize.ofMegabytes(64), 1);
        try {
            TextExtraction.Outcome next = normal.extractText(pdf, "application/pdf");
            assertThat(next.status()).isEqualTo(TextStatus.DONE);
            assertThat(next.text()).containsIgnoringCase("notulen");
            // the healthy reader is kept for the next file: one process, not one per file
            assertThat(normal.extractText(pdf, "application/pdf").status()).isEqualTo(TextStatus.DONE);
            assertThat(newReaders()).hasSize(1);
        } finally {
            normal.destroy();
        }
    }

    /**
     * A small PDF whose content stream inflates to hundreds of megabytes (one huge string): read in the application's
     * own JVM, it took gigabytes of heap. Now it exhausts only the reader process's small heap, and is marked "tekst
     * niet doorzoekbaar" instead of failing.
     */
    @Test
    void aPdfThatInflatesHugelyIsMarkedNotSearchableWithoutUsingTheApplicationsHeap() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        byte[] bomb = inflatingPdf(200 * 1024 * 1024);
        assertThat(bomb.length).as("small on disk").isLessThan(2 * 1024 * 1024);
        String sha;
        try (StagedBlob staged = store.stage(new java.io.ByteArrayInputStream(bomb), 10_000_000)) {
            store.commit(staged);
            sha = staged.sha256();
        }
        bomb = null;
        SpacesSettings settings = new SpacesSettings(DataSize.ofMegabytes(5), 30, Duration.ofSeconds(90), 5_000_000,
                "soffice", Duration.ofSeconds(5));
        TextExtraction extraction = new TextExtraction(null, store, settings, Clock.systemUTC(),
                DataSize.ofMegabytes(64), 1);
        try {
            System.gc();
            long before = heapUsed();
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(
                    java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            TextExtraction.Outcome outcome = extraction.extractText(sha, "application/pdf");
            long peak = heapPeak();
            assertThat(outcome.status()).isEqualTo(TextStatus.NOT_SEARCHABLE);
            assertThat(outcome.text()).isNull();
            assertThat(peak - before).as("the application's heap stayed small (bytes)")
                    .isLessThan(100L * 1024 * 1024);
            assertThat(newReaders()).isEmpty();
        } finally {
            extraction.destroy();
        }
    }

    /** One page whose Flate-compressed content stream holds a single string of {@code size} bytes. */
    static byte[] inflatingPdf(int size) throws IOException {
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION), 64 * 1024)) {
            out.write("BT /F1 12 Tf 72 720 Td (".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            for (int written = 0; written < size; written += chunk.length) {
                out.write(chunk);
            }
            out.write(") Tj ET".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
            resources.put(org.apache.pdfbox.cos.COSName.getPDFName("F1"),
                    new org.apache.pdfbox.pdmodel.font.PDType1Font(
                            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            org.apache.pdfbox.cos.COSStream content = doc.getDocument().createCOSStream();
            try (java.io.OutputStream raw = content.createRawOutputStream()) {
                deflated.writeTo(raw);
            }
            content.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            page.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, content);
            java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
            doc.save(pdf, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return pdf.toByteArray();
        }
    }

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static long heapPeak() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    @Test
    void picturesHaveNoTextToRead() {
        SpacesSettings settings = new SpacesSettings(null, 0, null, 0, null, null);
        TextExtraction extraction = new TextExtraction(null, new LocalBlobStore(dir), settings, Clock.systemUTC());
        try {
            assertThat(extraction.extractText("a".repeat(64), "image/png").status()).isEqualTo(TextStatus.NONE);
        } finally {
            extraction.destroy();
        }
    }

    /** Content that keeps coming, slowly, forever: what a parser trap looks like from the outside. */
    private static final class NeverEndingStream extends InputStream {
        @Override
        public int read() throws IOException {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            return 'a';
        }
    }

    /** The test JVM's living child processes that other test classes' readers (their Spring contexts) didn't start. */
    private final java.util.Set<Long> earlierChildren = ProcessHandle.current().children()
            .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());

    private java.util.stream.Stream<ProcessHandle> newReaders() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> !earlierChildren.contains(p.pid()));
    }
}
