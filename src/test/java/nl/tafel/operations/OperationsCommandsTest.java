package nl.tafel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar tafel.jar backup …}: the command line against the test database (no web server, no Flyway). A
 * Tafel test context, so that the database has been cleaned in this JVM and its content is in this JVM's blob store.
 */
@nl.tafel.TafelTest
class OperationsCommandsTest {

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void backupWritesAnArchiveThatVerifies() throws Exception {
        Path dir = Path.of("target/backup-command").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        Path file = dir.resolve("tafel.zip");

        assertThat(OperationsCommands.run(new String[] {"backup", "--to", file.toString()}, out)).as(text()).isZero();
        assertThat(file).isRegularFile();
        assertThat(text()).contains("Verified " + file);

        assertThat(OperationsCommands.run(new String[] {"backup", "--verify", file.toString()}, out)).isZero();
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(OperationsCommands.run(new String[] {"backup", "--verify", file.toString()}, out)).isEqualTo(1);
        assertThat(text()).contains("Does NOT verify");
    }

    @Test
    void aWrongCommandShowsHowToUseIt() {
        assertThat(OperationsCommands.handles(new String[] {"backup"})).isTrue();
        assertThat(OperationsCommands.handles(new String[] {"--server.port=9000"})).isFalse();
        assertThat(OperationsCommands.run(new String[] {"backup", "--naar", "x.zip"}, out)).isEqualTo(2);
        assertThat(text()).contains("Usage:");
        assertThat(OperationsCommands.run(new String[] {"restore", "--from", "/nowhere/tafel.zip"}, out)).isEqualTo(1);
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
