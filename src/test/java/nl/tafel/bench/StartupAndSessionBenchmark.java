package nl.tafel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * kept per signed-in session (50 sessions with a Vaadin UI, after a full GC, against none).
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
        line("warm start (existing data) to sign-in page: %d ms", warm.startMillis);
        line("RSS after start: java %d MB, embedded mariadbd %d MB", rssKb(warm.process.pid()) / 1024,
                childrenRssKb(warm.process) / 1024);

        long heapBefore = heapUsedAfterGcKb(warm.process.pid());
        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(signedInSessionWithUi(warm.port));
        }
        long heapAfter = heapUsedAfterGcKb(warm.process.pid());
        line("heap after full GC: %d KB with no session, %d KB with %d signed-in sessions", heapBefore, heapAfter,
                SESSIONS);
        line("memory kept per signed-in session: %d KB", (heapAfter - heapBefore) / SESSIONS);
        line("RSS with %d sessions: java %d MB", SESSIONS, rssKb(warm.process.pid()) / 1024);
        assertThat(sessions).hasSize(SESSIONS);
        stop(warm);

        Files.writeString(Path.of("target/benchmark.txt"), report.toString());
        System.out.println("\n== Tafel benchmark ==\n" + report);
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
        throw new AssertionError("Tafel did not serve the sign-in page within 3 minutes");
    }

    private HttpClient signedInSessionWithUi(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=" + enc("beheerder@demo.example") + "&password=" + enc("Tafel-demo-2026")
                + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.uri().getPath()).as("signed in, not sent back to the sign-in page").doesNotContain(
                "login");
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create(
                base + "/?v-r=init&location=&query=")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.body()).as("a Vaadin UI was created").contains("\"v-uiId\"");
        return http;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long heapUsedAfterGcKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(m.find()).as("heap info: %s", info).isTrue();
        return Long.parseLong(m.group(1));
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
