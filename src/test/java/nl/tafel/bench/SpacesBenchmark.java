package nl.tafel.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.TestConfig;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.FolderSort;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Document spaces under load: a 1 GB upload (through the service, and through a real browser upload to Vaadin's
 * streaming handler), with heap growth while it runs; and a folder of 5,000 documents opened in headless Chromium.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify}; figures go to {@code target/benchmark-spaces.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tafel.test.max-upload-size=2GB", "tafel.test.smtp=false",
                "vaadin.devmode.devTools.enabled=false"})
@Import(TestConfig.class)
class SpacesBenchmark {

    private static final long GIGABYTE = 1024L * 1024 * 1024;
    private static final int BIG_FOLDER = 5_000;

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;
    @LocalServerPort
    int port;

    private final StringBuilder report = new StringBuilder();

    @Test
    void largeUploadAndBigFolder() throws Exception {
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> spaces.create("Benchmark " + UUID.randomUUID()
                .toString().substring(0, 6), null));
        FolderId root = as.call(TestAccounts.SECRETARY, () -> spaces.get(space).rootFolder());

        // 1. A 1 GB upload straight into the service: streamed to disk, hashed on the way.
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        StoredDocument stored = as.call(TestAccounts.SECRETARY, () -> documents.upload(root, "groot-1.bin",
                new PseudoRandomStream(GIGABYTE), GIGABYTE));
        double seconds = (System.nanoTime() - start) / 1e9;
        HeapWatch.Result service = heap.stop();
        line("1 GB upload via the service: %.1f s, %.0f MB/s; heap growth: peak %d MB, retained (after GC) %d MB",
                seconds, 1024 / seconds, service.peakGrowthMb(), service.retainedGrowthMb());
        line("  stored as version %d", stored.versionNumber());

        // 2. The same size through a real browser: Vaadin's upload handler streams the request body to disk.
        Path file = Files.createTempFile("tafel-1gb", ".bin");
        try {
            try (OutputStream out = Files.newOutputStream(file); InputStream in = new PseudoRandomStream(GIGABYTE)) {
                in.transferTo(out);
            }
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 800));
                page.setDefaultTimeout(600_000);
                signIn(page);
                page.navigate(url("/ruimtes/" + space));
                page.locator("#upload vaadin-button").waitFor();
                HeapWatch browserHeap = HeapWatch.start();
                long browserStart = System.nanoTime();
                FileChooser chooser = page.waitForFileChooser(() -> page.locator("#upload vaadin-button").click());
                chooser.setFiles(file);
                page.locator("#folder-grid a", new Page.LocatorOptions().setHasText(file.getFileName().toString()))
                        .waitFor();
                double browserSeconds = (System.nanoTime() - browserStart) / 1e9;
                HeapWatch.Result viaBrowser = browserHeap.stop();
                line("1 GB upload from headless Chromium through Vaadin's upload handler: %.1f s, %.0f MB/s;"
                        + " heap growth: peak %d MB, retained (after GC) %d MB", browserSeconds,
                        1024 / browserSeconds, viaBrowser.peakGrowthMb(), viaBrowser.retainedGrowthMb());

                // 3. A folder with 5,000 documents.
                FolderId big = as.call(TestAccounts.SECRETARY, () -> documents.createFolder(root, "Archief"));
                fill(space, big);
                List<Long> serviceTimes = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    long t = System.nanoTime();
                    as.call(TestAccounts.SECRETARY, () -> {
                        documents.count(big);
                        return documents.list(big, 0, 100, FolderSort.BY_NAME);
                    });
                    serviceTimes.add((System.nanoTime() - t) / 1_000_000);
                }
                line("folder of %d documents, count + first 100 rows from the service: median %d ms (25 runs)",
                        BIG_FOLDER, median(serviceTimes.subList(5, 25)));
                List<Long> sorted = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    long t = System.nanoTime();
                    as.call(TestAccounts.SECRETARY, () -> documents.list(big, 2400, 100,
                            new FolderSort(FolderSort.Field.MODIFIED, true)));
                    sorted.add((System.nanoTime() - t) / 1_000_000);
                }
                line("  rows 2400-2500 sorted by date, newest first: median %d ms", median(sorted.subList(2, 10)));

                List<Long> inApp = new ArrayList<>();
                List<Long> fullLoad = new ArrayList<>();
                for (int i = 0; i < 11; i++) {
                    page.navigate(url("/ruimtes/" + space));
                    page.locator("#folder-grid a", new Page.LocatorOptions().setHasText("Archief")).waitFor();
                    long t = System.nanoTime();
                    page.locator("#folder-grid a", new Page.LocatorOptions().setHasText("Archief")).click();
                    page.locator("#folder-grid a", new Page.LocatorOptions().setHasText("Stuk 00001.pdf"))
                            .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                                    .setState(WaitForSelectorState.VISIBLE));
                    inApp.add((System.nanoTime() - t) / 1_000_000);

                    long f = System.nanoTime();
                    page.navigate(url("/ruimtes/" + space + "/" + big));
                    page.locator("#folder-grid a", new Page.LocatorOptions().setHasText("Stuk 00001.pdf"))
                            .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                                    .setState(WaitForSelectorState.VISIBLE));
                    fullLoad.add((System.nanoTime() - f) / 1_000_000);
                }
                line("  opened in Chromium from its parent folder (click to first rows visible): median %d ms,"
                        + " runs %s", median(inApp.subList(1, 11)), inApp);
                line("  opened as a fresh page load (URL to first rows visible): median %d ms, runs %s",
                        median(fullLoad.subList(1, 11)), fullLoad);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/bench-big-folder.png")));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/benchmark-spaces.txt"), report.toString());
        System.out.println("\n== Tafel spaces benchmark ==\n" + report);
    }

    private void fill(SpaceId space, FolderId folder) {
        long person = accounts.findByEmail(TestAccounts.SECRETARY).orElseThrow().id().value();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= BIG_FOLDER; i++) {
            String name = String.format(Locale.ROOT, "Stuk %05d.pdf", i);
            rows.add(new Object[] {UUID.randomUUID(), space.value(), folder.value(), name,
                    name.toLowerCase(Locale.ROOT), 1, "application/pdf", 100_000L + i,
                    Timestamp.from(now), person, Timestamp.from(now.minusSeconds(i)), person});
        }
        jdbc.batchUpdate("""
                insert into document (id, space_id, folder_id, name, live_name_key, current_version, media_type,
                    size_bytes, created_at, created_by, updated_at, updated_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
    }

    private void signIn(Page page) {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(TestAccounts.SECRETARY);
        page.locator("input[name='password']").fill(TestAccounts.PASSWORD);
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static long median(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy.get(copy.size() / 2);
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Bytes that do not compress and need no memory: a seeded generator, read in chunks. */
    static final class PseudoRandomStream extends InputStream {
        private final Random random = new Random(42);
        private final byte[] chunk = new byte[64 * 1024];
        private long left;

        PseudoRandomStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? random.nextInt(256) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), chunk.length);
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }

    /**
     * Heap while something runs: the highest "used" seen (which includes garbage not yet collected), and the highest
     * after a forced GC every two seconds (what is really held), both against a baseline after GC.
     */
    static final class HeapWatch {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong retained = new AtomicLong();
        private final long baseline;
        private final Thread thread;

        private HeapWatch() {
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            thread = Thread.ofPlatform().daemon().start(this::sample);
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        private void sample() {
            long lastGc = System.currentTimeMillis();
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (System.currentTimeMillis() - lastGc > 2000) {
                    System.gc();
                    retained.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    lastGc = System.currentTimeMillis();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        record Result(long peakGrowthMb, long retainedGrowthMb) {
        }

        Result stop() throws InterruptedException {
            running.set(false);
            thread.join();
            long mb = 1024 * 1024;
            return new Result(Math.max(0, peak.get() - baseline) / mb, Math.max(0, retained.get() - baseline) / mb);
        }
    }
}
