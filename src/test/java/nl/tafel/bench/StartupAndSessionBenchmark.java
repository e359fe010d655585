package nl.tafel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks of the production jar on the embedded default: start time to a served sign-in page (cold: a new data
 * directory, with MariaDB install, migrations and demo data; warm: the same data again), RSS after start, and heap
 * kept per signed-in session (50 headless-Chromium tabs signed in on the overview, live heap after a full GC,
 * against none).
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify}; figures go to {@code target/benchmark.txt}. Not part of the normal
 * build: timings on a shared 2-core machine are not a pass/fail test.
 */
@Tag("benchmark")
class StartupAndSessionBenchmark {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    private static final int SESSIONS = 50;

    private final StringBuilder report = new StringBuilder();

    @Test
    void startTimeMemoryAndSessions() throws Exception {
        Path jar = findJar();
        Path data = Path.of("target/bench-data").toAbsolutePath();
        deleteRecursively(data);

        Run cold = start(jar, data);
        line("cold start (new data dir: MariaDB install, migrations, demo data) to sign-in page: %d ms",
                cold.startMillis);
        stop(cold);

        Run warm = start(jar, data);
        try {
            measure(warm);
        } finally {
            stop(warm);
        }
        Files.writeString(Path.of("target/benchmark.txt"), report.toString());
        System.out.println("\n== Tafel benchmark ==\n" + report);
    }

    private void measure(Run warm) throws Exception {
        line("warm start (existing data) to sign-in page: %d ms", warm.startMillis);
        line("RSS after start: java %d MB, embedded mariadbd %d MB", rssKb(warm.process.pid()) / 1024,
                childrenRssKb(warm.process) / 1024);

        Histogram before = liveHeap(warm.process.pid());
        List<BrowserContext> sessions = new ArrayList<>();
        Histogram after;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync")))) {
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(signedInSession(browser, warm.port));
            }
            after = liveHeap(warm.process.pid());
        }
        Files.writeString(Path.of("target/benchmark-histogram.txt"), jcmd(warm.process.pid(), "GC.class_histogram"));
        assertThat(after.overviews - before.overviews).as("overview views held in sessions")
                .isGreaterThanOrEqualTo(SESSIONS);
        line("live heap after full GC: %d KB with no session, %d KB with %d signed-in sessions (%d UIs)",
                before.bytes / 1024, after.bytes / 1024, SESSIONS, after.uis);
        line("memory kept per signed-in session (VaadinSession, UI with the overview, security context): %d KB",
                (after.bytes - before.bytes) / SESSIONS / 1024);
        line("RSS with %d sessions: java %d MB", SESSIONS, rssKb(warm.process.pid()) / 1024);
        assertThat(sessions).hasSize(SESSIONS);
    }

    private record Run(Process process, int port, long startMillis) {
    }

    private Run start(Path jar, Path data) throws Exception {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(JAVA.toString(), "-jar", jar.toString(), "--server.port=" + port,
                "--tafel.data-dir=" + data, "--spring.mail.host=").redirectErrorStream(true)
                .redirectOutput(Path.of("target/bench-app-" + port + ".log").toFile());
        pb.environment().remove("TAFEL_TEST_DB_URL");
        long t0 = System.nanoTime();
        Process process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("Tafel is running (see target/bench-app-%d.log)", port).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new Run(process, port, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("Tafel did not serve the sign-in page within 3 minutes");
    }

    /** A real browser tab (its own cookies) that signs in as the demo administrator and shows the overview. */
    private static BrowserContext signedInSession(Browser browser, int port) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.locator("input[name='username']").fill("beheerder@demo.example");
        page.locator("input[name='password']").fill("Tafel-demo-2026");
        page.locator("vaadin-button[slot='submit']").click();
        page.getByText("Welkom, Bas").waitFor();
        return context;
    }

    private record Histogram(long bytes, long uis, long overviews) {
    }

    /** Live objects after a full GC ({@code GC.class_histogram} collects first): total bytes and UI counts. */
    private Histogram liveHeap(long pid) throws Exception {
        String histogram = jcmd(pid, "GC.class_histogram");
        Matcher total = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)").matcher(histogram);
        assertThat(total.find()).as("class histogram").isTrue();
        return new Histogram(Long.parseLong(total.group(2)), instances(histogram, "com.vaadin.flow.component.UI"),
                instances(histogram, "nl.tafel.members.ui.OverviewView"));
    }

    /** Instances of the class and of its Spring proxy subclasses ({@code Name$$SpringCGLIB$$0}). */
    private static long instances(String histogram, String className) {
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className)
                + "(\\$\\$SpringCGLIB\\$\\$\\d+)?(\\s|$)").matcher(histogram);
        long count = 0;
        while (m.find()) {
            count += Long.parseLong(m.group(1));
        }
        return count;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(JCMD.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long childrenRssKb(Process process) throws IOException {
        long total = 0;
        for (ProcessHandle child : process.descendants().toList()) {
            total += rssKb(child.pid());
        }
        return total;
    }

    private static void stop(Run run) throws InterruptedException {
        run.process.destroy();
        if (!run.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            run.process.destroyForcibly();
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static Path findJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "tafel-*.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new AssertionError("No target/tafel-*.jar: run ./mvnw -Pbenchmark verify (it packages first)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
