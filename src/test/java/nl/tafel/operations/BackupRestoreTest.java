package nl.tafel.operations;

import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.operations.internal.BackupArchive;
import nl.tafel.operations.internal.Manifest;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * Backups restore what they hold: a backup restored into an empty database backs up again to the same hashes, a
 * damaged archive does not verify, and a backup taken while documents are uploaded has every content its rows name.
 */
@TafelTest
class BackupRestoreTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    RunAs as;
    @Autowired
    Environment env;
    @Value("${tafel.spaces.blob-dir}")
    Path blobDir;

    final BackupArchive archive = new BackupArchive(Clock.systemUTC());
    final Path work = Path.of("target/backup-test").toAbsolutePath();
    final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropRestoredDatabases() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String db : databases) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
            }
        }
        FileSystemUtils.deleteRecursively(work);
    }

    @Test
    void aRestoredBackupHoldsTheSameRowsAndContentAsTheOriginal() throws Exception {
        FolderId folder = newSpace();
        for (int i = 0; i < 3; i++) {
            upload(folder, "Notulen " + i + ".txt", "De vergadering van " + i + " december: één besluit.");
        }
        Path file = work.resolve("tafel.zip");
        Manifest original;
        try (Connection c = connect()) {
            original = archive.write(c, blobDir, file);
        }
        Verification verified = archive.verify(file);
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.blobs()).isGreaterThanOrEqualTo(3);
        assertThat(verified.rows()).isEqualTo(original.rows());
        assertThat(original.tables()).extracting(Manifest.Table::name)
                .contains("document_version", "mail_outbox", "flyway_schema_history");

        String restoredDb = emptyDatabase();
        Path restoredBlobs = work.resolve("restored-blobs");
        try (Connection c = connect(restoredDb)) {
            archive.restore(file, c, restoredBlobs);
        }
        Manifest again;
        try (Connection c = connect(restoredDb)) {
            again = archive.write(c, restoredBlobs, work.resolve("again.zip"));
        }
        assertThat(again.tables()).isEqualTo(original.tables());
        assertThat(again.blobs()).isEqualTo(original.blobs());
        assertThat(again.schemaVersion()).isEqualTo(original.schemaVersion()).isNotBlank();

        // restoring twice is refused: the database is no longer empty
        try (Connection c = connect(restoredDb)) {
            assertThatThrownBy(() -> archive.restore(file, c, restoredBlobs)).hasMessageContaining("not empty");
        }
    }

    @Test
    void aDamagedArchiveDoesNotVerify() throws Exception {
        upload(newSpace(), "Begroting.txt", "Begroting 2027");
        Path file = work.resolve("tafel.zip");
        try (Connection c = connect()) {
            archive.write(c, blobDir, file);
        }
        assertThat(archive.verify(file).ok()).isTrue();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(archive.verify(file).ok()).isFalse();
    }

    @Test
    void aBackupTakenWhileDocumentsAreUploadedHasEveryContentItsRowsName() throws Exception {
        FolderId folder = newSpace();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger uploaded = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                upload(folder, "Stuk " + UUID.randomUUID() + ".txt", "Inhoud " + UUID.randomUUID());
                uploaded.incrementAndGet();
            }
        });
        Path file = work.resolve("busy.zip");
        try {
            org.awaitility.Awaitility.await().until(() -> uploaded.get() >= 3);
            try (Connection c = connect()) {
                archive.write(c, blobDir, file);
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(archive.verify(file).problems()).isEmpty();
        String restoredDb = emptyDatabase();
        Path restoredBlobs = work.resolve("busy-blobs");
        try (Connection c = connect(restoredDb)) {
            archive.restore(file, c, restoredBlobs);
            int versions = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sha256 FROM document_version")) {
                while (rs.next()) {
                    String sha = rs.getString(1);
                    assertThat(restoredBlobs.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha))
                            .as("content of %s", sha).isRegularFile();
                    versions++;
                }
            }
            assertThat(versions).isGreaterThanOrEqualTo(3);
        }
    }

    private FolderId newSpace() {
        return as.call(SECRETARY, () -> spaces.get(spaces.create("Back-up " + UUID.randomUUID().toString()
                .substring(0, 8), null)).rootFolder());
    }

    private void upload(FolderId folder, String name, String content) {
        as.run(SECRETARY, () -> {
            InputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
            documents.upload(folder, name, in, -1);
        });
    }

    private String emptyDatabase() throws Exception {
        String db;
        try (Connection c = connect()) {
            db = c.getCatalog() + "_restore" + (databases.size() + 1);
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + db + "`");
                s.execute("CREATE DATABASE `" + db + "` CHARACTER SET utf8mb4");
            }
        }
        databases.add(db);
        return db;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
    }

    private Connection connect(String database) throws Exception {
        Connection c = connect();
        c.setCatalog(database);
        return c;
    }
}
