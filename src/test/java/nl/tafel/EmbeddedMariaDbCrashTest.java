package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A Tafel killed with SIGKILL while it writes never blocks the next start (ADR 0022): its embedded MariaDB stops by
 * itself, a server left running anyway is stopped at the next start, and every committed row and blob is there.
 */
class EmbeddedMariaDbCrashTest {

    /** A normal start of the embedded server on this machine; a blocked one gave up after 120 s. */
    private static final Duration NORMAL_START = Duration.ofSeconds(60);

    @Test
    void theServerStopsWithAKilledTafelAndTheNextStartHasEveryCommittedUploadAndMail() throws Exception {
        Path dir = Path.of("target/crash-test").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Child child = Child.start(dir);
        await().atMost(Duration.ofMinutes(2)).until(() -> child.committed.size() >= 5);
        long server = serverPid(dir);

        child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.process.waitFor();

        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(server).isEmpty()
                || !ProcessHandle.of(server).get().isAlive());
        assertEveryCommittedWriteSurvives(dir, List.copyOf(child.committed));
    }

    @Test
    void aServerLeftRunningByAKilledTafelIsStoppedAtTheNextStart() throws Exception {
        Path dir = Path.of("target/crash-test-orphan").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Child child = Child.start(dir);
        await().atMost(Duration.ofMinutes(2)).until(() -> child.committed.size() >= 2);
        long server = serverPid(dir);
        // the supervisor dies first (as with a kill of the whole process tree that missed the server)
        ProcessHandle supervisor = ProcessHandle.of(server).orElseThrow().parent().orElseThrow();
        assertThat(supervisor.info().arguments().map(List::of).orElse(List.of()).toString())
                .contains(ServerSupervisor.FILE_NAME);
        supervisor.destroyForcibly();
        child.process.destroyForcibly();
        child.process.waitFor();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("the orphaned server").contains(true);

        assertEveryCommittedWriteSurvives(dir, List.copyOf(child.committed));
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static long serverPid(Path dir) {
        List<ProcessHandle> servers = Leftovers.serversOn(dir.resolve("mariadb"));
        assertThat(servers).hasSize(1);
        return servers.getFirst().pid();
    }

    private static void assertEveryCommittedWriteSurvives(Path dir, List<String> committed) throws Exception {
        long started = System.nanoTime();
        EmbeddedMariaDb restarted = EmbeddedMariaDb.startIn(dir);
        restarted.acquire();
        try {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NORMAL_START);
            try (Connection c = DriverManager.getConnection(restarted.jdbcUrl("tafel"), "root", "");
                    PreparedStatement version = c.prepareStatement(
                            "select sha256, size_bytes from document_version where id = ?");
                    PreparedStatement mail = c.prepareStatement(
                            "select count(*) from mail_outbox where message_id = ?")) {
                for (String line : committed) {
                    String[] parts = line.split(" ");
                    version.setString(1, parts[1]);
                    try (ResultSet rs = version.executeQuery()) {
                        assertThat(rs.next()).as("version %s", parts[1]).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(parts[2]);
                        Path blob = dir.resolve("blobs").resolve(parts[2].substring(0, 2))
                                .resolve(parts[2].substring(2, 4)).resolve(parts[2]);
                        assertThat(blob).isRegularFile().hasSize(rs.getLong(2));
                        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(blob)))).isEqualTo(parts[2]);
                    }
                    mail.setString(1, parts[3]);
                    try (ResultSet rs = mail.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("mail %s", parts[3]).isEqualTo(1);
                    }
                }
            }
        } finally {
            restarted.release();
        }
    }

    /** The launcher in its own JVM, its committed writes as they are printed. */
    private record Child(Process process, List<String> committed) {

        static Child start(Path dir) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), CrashLauncher.class.getName(), dir.toString())
                    .redirectErrorStream(true)
                    .start();
            List<String> committed = new CopyOnWriteArrayList<>();
            Thread.ofPlatform().daemon().start(() -> read(process.getInputStream(), committed));
            return new Child(process, committed);
        }

        private static void read(InputStream in, List<String> committed) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("COMMITTED ")) {
                        committed.add(line);
                    } else {
                        System.out.println("[child] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        }
    }
}
