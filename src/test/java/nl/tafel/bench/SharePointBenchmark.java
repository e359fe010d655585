package nl.tafel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.TestConfig;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.fake.GraphFake;
import nl.tafel.sharepoint.internal.GraphGateway;
import nl.tafel.sharepoint.internal.QuickXorHash;
import nl.tafel.sharepoint.internal.SyncRunner;
import nl.tafel.sharepoint.internal.SyncState;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SharePoint sync against the Graph fake with 150 ms latency per request and a budget of 1,200 resource units
 * per minute (on both sides, as a small tenant): 1,000 small files plus 5 files of 200 MB go up. Reports files per
 * minute, MB/s, the share of the budget used (goal at least 90%) and the waits shorter than Retry-After (goal 0).
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify} (or {@code -Dsurefire.excludedGroups=none
 * -Dtest=SharePointBenchmark}); figures go to {@code target/benchmark-sharepoint.txt}.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tafel.sharepoint.scheduled=false", "tafel.sharepoint.budget-per-minute=1200",
        "tafel.test.max-upload-size=250MB", "tafel.test.smtp=false"})
@Import(TestConfig.class)
class SharePointBenchmark {

    private static final int SMALL = 1000;
    private static final int LARGE = 5;
    private static final long LARGE_SIZE = 200L * 1024 * 1024;
    private static final int BUDGET = 1200;

    static final GraphFake FAKE = GraphFake.start(Clock.systemUTC());

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("tafel.sharepoint.graph-base-url", FAKE::baseUrl);
        registry.add("tafel.sharepoint.access-token", FAKE::token);
    }

    @Autowired
    SharePointService sharepoint;
    @Autowired
    SyncRunner runner;
    @Autowired
    SyncState state;
    @Autowired
    GraphGateway gateway;
    @Autowired
    DocumentService documents;
    @Autowired
    SpaceService spaces;
    @Autowired
    RunAs as;

    @Test
    void thousandSmallAndFiveLargeFiles() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sitePath = "/sites/benchmark-" + run;
        String drive = FAKE.driveId(FAKE.addSite("contoso.sharepoint.com", sitePath), "Documenten");
        SpaceId space = as.call(TestAccounts.ADMIN, () -> spaces.create("Benchmark " + run, null));
        FolderId root = as.call(TestAccounts.ADMIN, () -> spaces.get(space).rootFolder());

        long bytes = 0;
        long prepare = System.nanoTime();
        for (int i = 0; i < SMALL; i++) {
            byte[] content = ("Stuk " + i + " " + "x".repeat(1000 + (i * 37) % 9000)).getBytes(
                    StandardCharsets.UTF_8);
            bytes += content.length;
            String name = "Stuk " + i + ".txt";
            FolderId folder = root;
            as.run(TestAccounts.ADMIN, () -> documents.upload(folder, name, new ByteArrayInputStream(content),
                    content.length));
        }
        for (int i = 0; i < LARGE; i++) {
            long seed = i;
            as.run(TestAccounts.ADMIN, () -> documents.upload(root, "Archief " + seed + ".pdf",
                    new PseudoPdf(LARGE_SIZE, seed), LARGE_SIZE));
            bytes += LARGE_SIZE;
        }
        double prepareSeconds = (System.nanoTime() - prepare) / 1e9;

        FAKE.setLatency(Duration.ofMillis(150));
        FAKE.setBudgetPerMinute(BUDGET);
        long unitsBefore = FAKE.resourceUnitsUsed();
        int earlyBefore = FAKE.earlyRetries();
        long start = System.nanoTime();
        as.run(TestAccounts.ADMIN, () -> sharepoint.link(space, "contoso.sharepoint.com:" + sitePath, "Documenten",
                "Benchmark"));
        UUID link = state.link(space).orElseThrow().id();
        int passes = 0;
        int throttledPasses = 0;
        while (true) {
            SyncRunner.Outcome outcome = runner.run(link);
            passes++;
            SyncState.Link now = state.link(space).orElseThrow();
            if (outcome == SyncRunner.Outcome.DONE && now.pending() == 0
                    && FAKE.list(drive, "Benchmark").size() == SMALL + LARGE) {
                break;
            }
            if (outcome == SyncRunner.Outcome.THROTTLED) {
                throttledPasses++;
            }
            assertThat(outcome).as("pass %d", passes).isIn(SyncRunner.Outcome.DONE, SyncRunner.Outcome.THROTTLED,
                    SyncRunner.Outcome.FAILED);
            long waitMillis = Duration.between(Instant.now(), now.nextRunAt()).toMillis();
            if (waitMillis > 0 && outcome != SyncRunner.Outcome.DONE) {
                Thread.sleep(waitMillis);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(20));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        FAKE.setLatency(Duration.ZERO);
        long units = FAKE.resourceUnitsUsed() - unitsBefore;
        int early = FAKE.earlyRetries() - earlyBefore;

        // everything arrived whole
        for (int i = 0; i < LARGE; i++) {
            Path remote = FAKE.contentFile(drive, "Benchmark/Archief " + i + ".pdf").orElseThrow();
            assertThat(Files.size(remote)).isEqualTo(LARGE_SIZE);
            try (InputStream in = new PseudoPdf(LARGE_SIZE, i)) {
                assertThat(FAKE.hash(drive, "Benchmark/Archief " + i + ".pdf")).isEqualTo(QuickXorHash.of(in));
            }
        }
        assertThat(FAKE.list(drive, "Benchmark")).hasSize(SMALL + LARGE);

        double minutes = seconds / 60;
        double budgetShare = units / (BUDGET * minutes);
        String report = String.format(Locale.ROOT, """
                SharePoint sync benchmark (Graph fake, 150 ms latency per request, budget %d resource units/minute)
                workload: %d small files (1-10 KB) + %d files of 200 MB = %.1f MB, prepared in Tafel in %.1f s
                sync: %.1f s in %d passes (%d ended by a wait for throttling or the budget)
                files per minute: %.1f
                MB/s: %.2f
                resource units used: %d (Tafel counted %d) = %.1f%% of the budget over the run (goal >= 90%%)
                waits shorter than Retry-After: %d (goal 0)
                """, BUDGET, SMALL, LARGE, bytes / 1e6, prepareSeconds, seconds, passes, throttledPasses,
                (SMALL + LARGE) / minutes, bytes / 1e6 / seconds, units, gateway.unitsSpent(), budgetShare * 100,
                early);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-sharepoint.txt"), report);
        assertThat(early).isZero();
    }

    /** A reproducible "PDF" of a given size: a PDF header, then seeded random 64 KB blocks, streamed. */
    static final class PseudoPdf extends InputStream {
        private static final int BLOCK = 64 * 1024;
        private final long size;
        private final long seed;
        private final byte[] block = new byte[BLOCK];
        private long blockIndex = -1;
        private long position;

        PseudoPdf(long size, long seed) {
            this.size = size;
            this.seed = seed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            long index = position / BLOCK;
            if (index != blockIndex) {
                new Random(seed * 1_000_003L + index).nextBytes(block);
                if (index == 0) {
                    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
                    System.arraycopy(header, 0, block, 0, header.length);
                }
                blockIndex = index;
            }
            int inBlock = (int) (position % BLOCK);
            int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
            System.arraycopy(block, inBlock, b, off, n);
            position += n;
            return n;
        }
    }
}
