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
        BlobStore hostile = new BlobStore() {
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
        SpacesSettings settings = new SpacesSettings(DataSize.ofMegabytes(5), 30, Duration.ofSeconds(2), 100_000,
                "soffice", Duration.ofSeconds(5));
        TextExtraction extraction = new TextExtraction(null, hostile, settings, Clock.systemUTC());
        try {
            long start = System.nanoTime();
            TextExtraction.Outcome stuck = extraction.extractText(hanging, "text/plain");
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(stuck.status()).isEqualTo(TextStatus.TIMED_OUT);
            assertThat(took).as("given up after the limit, not later").isBetween(1_900L, 10_000L);

            TextExtraction.Outcome next = extraction.extractText(pdf, "application/pdf");
            assertThat(next.status()).isEqualTo(TextStatus.DONE);
            assertThat(next.text()).containsIgnoringCase("notulen");
        } finally {
            extraction.destroy();
        }
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
}
