package nl.tafel;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import nl.tafel.spaces.internal.LocalBlobStore;
import nl.tafel.spaces.internal.StagedBlob;
import org.flywaydb.core.Flyway;

/**
 * Run in a child JVM by {@link EmbeddedMariaDbCrashTest}: starts the embedded MariaDB on a data directory with the
 * real schema, then uploads documents (blob first, then the rows, as DocumentService does) and queues a mail with
 * each, for ever, printing {@code COMMITTED <version id> <sha256> <message id>} after each commit. The test kills it.
 */
public final class CrashLauncher {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        EmbeddedMariaDb server = EmbeddedMariaDb.startIn(dir);
        server.acquire();
        String url = server.jdbcUrl("tafel");
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
        LocalBlobStore blobs = new LocalBlobStore(dir.resolve("blobs"));
        Random random = new Random();
        try (Connection c = DriverManager.getConnection(url, "root", "")) {
            UUID space = UUID.randomUUID();
            UUID folder = UUID.randomUUID();
            try (Statement s = c.createStatement()) {
                s.execute("insert into space (id, name, created_at, created_by) values ('" + space
                        + "', 'Bestuur " + space + "', now(6), 1)");
                s.execute("insert into folder (id, space_id, name, created_at, created_by) values ('" + folder
                        + "', '" + space + "', 'Stukken', now(6), 1)");
            }
            System.out.println("READY");
            c.setAutoCommit(false);
            for (int i = 0; ; i++) {
                byte[] content = new byte[64 * 1024 + random.nextInt(256 * 1024)];
                random.nextBytes(content);
                StagedBlob blob = blobs.stage(new ByteArrayInputStream(content), Long.MAX_VALUE);
                blobs.commit(blob);
                UUID document = UUID.randomUUID();
                UUID version = UUID.randomUUID();
                String messageId = "<" + UUID.randomUUID() + "@tafel.test>";
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement d = c.prepareStatement("insert into document (id, space_id, folder_id, name,"
                        + " live_name_key, current_version, media_type, size_bytes, created_at, created_by,"
                        + " updated_at, updated_by) values (?, ?, ?, ?, ?, 1, 'application/pdf', ?, ?, 1, ?, 1)");
                        PreparedStatement v = c.prepareStatement("insert into document_version (id, document_id,"
                                + " number, sha256, size_bytes, media_type, original_name, uploaded_by, uploaded_at,"
                                + " text_status) values (?, ?, 1, ?, ?, 'application/pdf', ?, 1, ?, 'PENDING')");
                        PreparedStatement m = c.prepareStatement("insert into mail_outbox (message_id, recipient,"
                                + " subject, text_body, kind, status, created_at, next_attempt_at) values (?,"
                                + " 'leden@tafel.test', ?, 'Er staat een nieuw stuk klaar.', 'DOCUMENT', 'QUEUED', ?,"
                                + " ?)")) {
                    String name = "stuk-" + i + ".pdf";
                    d.setString(1, document.toString());
                    d.setString(2, space.toString());
                    d.setString(3, folder.toString());
                    d.setString(4, name);
                    d.setString(5, name);
                    d.setLong(6, content.length);
                    d.setTimestamp(7, now);
                    d.setTimestamp(8, now);
                    d.executeUpdate();
                    v.setString(1, version.toString());
                    v.setString(2, document.toString());
                    v.setString(3, blob.sha256());
                    v.setLong(4, content.length);
                    v.setString(5, name);
                    v.setTimestamp(6, now);
                    v.executeUpdate();
                    m.setString(1, messageId);
                    m.setString(2, "Nieuw stuk: " + name);
                    m.setTimestamp(3, now);
                    m.setTimestamp(4, now);
                    m.executeUpdate();
                }
                c.commit();
                System.out.println("COMMITTED " + version + " " + blob.sha256() + " " + messageId);
                System.out.flush();
            }
        }
    }
}
