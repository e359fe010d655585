package nl.tafel.operations.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import nl.tafel.operations.Verification;

/**
 * One backup archive (a ZIP): {@code db/<table>.sql} for every table (its CREATE TABLE and its rows, read in one
 * consistent snapshot: {@code mariadb-dump --single-transaction} semantics over JDBC, so it works on the embedded
 * server and on a production server alike), {@code blobs/<sha256>} for every document content the rows refer to,
 * and {@code manifest.txt} with the schema version, row counts and SHA-256 hashes of everything (ADR 0022).
 *
 * <p>Values are written as hexadecimal literals (numbers as digits), so no text can break out of its quotes, and
 * every row stands on a line of its own (which makes row counts checkable without a database).
 */
public final class BackupArchive {

    /** Columns that hold the hash of content in the blob store. Photos (V15) live in the database itself. */
    static final String BLOB_TABLE = "document_version";
    static final String BLOB_COLUMN = "sha256";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NUMBER = Pattern.compile("[-+0-9.eE]+");
    private static final int ROWS_PER_INSERT = 200;

    private final Clock clock;

    public BackupArchive(Clock clock) {
        this.clock = clock;
    }

    /** Writes the archive to {@code target} (first under a temporary name, then renamed); returns its manifest. */
    public Manifest write(Connection connection, Path blobDir, Path target) throws IOException, SQLException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        List<Manifest.Table> tables = new ArrayList<>();
        Set<String> referenced = new TreeSet<>();
        String schema;
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = connection.createStatement()) {
                s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                schema = schemaVersion(s);
                for (String table : tableNames(s)) {
                    tables.add(dumpTable(connection, table, zip, referenced));
                }
                connection.commit();
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
            List<Manifest.Blob> blobs = new ArrayList<>();
            for (String sha : referenced) {
                blobs.add(copyBlob(blobDir, sha, zip));
            }
            Manifest manifest = new Manifest(clock.instant(), schema, tables, blobs);
            zip.putNextEntry(new ZipEntry("manifest.txt"));
            zip.write(manifest.write().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Checks every hash and count of an archive against its manifest, without a database. */
    public Verification verify(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        Manifest manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("manifest.txt");
            if (entry == null) {
                return new Verification(0, 0, 0, 0, "", List.of("manifest.txt is missing"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = Manifest.read(in);
            }
            for (Manifest.Table table : manifest.tables()) {
                ZipEntry sql = zip.getEntry("db/" + table.name() + ".sql");
                if (sql == null) {
                    problems.add("db/" + table.name() + ".sql is missing");
                    continue;
                }
                MessageDigest digest = sha256();
                long rows = 0;
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new DigestInputStream(zip.getInputStream(sql), digest), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("(")) {
                            rows++;
                        }
                    }
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                    problems.add("db/" + table.name() + ".sql does not match its hash");
                }
                if (rows != table.rows()) {
                    problems.add("db/" + table.name() + ".sql has " + rows + " rows, the manifest " + table.rows());
                }
            }
            Set<String> listed = new HashSet<>();
            for (Manifest.Blob blob : manifest.blobs()) {
                listed.add(blob.sha256());
                ZipEntry content = zip.getEntry("blobs/" + blob.sha256());
                if (content == null) {
                    problems.add("blobs/" + blob.sha256() + " is missing");
                    continue;
                }
                MessageDigest digest = sha256();
                long size;
                try (InputStream in = new DigestInputStream(zip.getInputStream(content), digest)) {
                    size = in.transferTo(OutputStream.nullOutputStream());
                }
                if (size != blob.size() || !HexFormat.of().formatHex(digest.digest()).equals(blob.sha256())) {
                    problems.add("blobs/" + blob.sha256() + " does not match its hash or size");
                }
            }
            zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("blobs/"))
                    .filter(n -> !listed.contains(n.substring("blobs/".length())))
                    .forEach(n -> problems.add(n + " is not in the manifest"));
        } catch (java.util.zip.ZipException e) {
            return new Verification(0, 0, 0, 0, "", List.of("not a readable archive: " + e.getMessage()));
        }
        return new Verification(manifest.tables().size(), manifest.rows(), manifest.blobs().size(),
                manifest.blobBytes(), manifest.schemaVersion(), List.copyOf(problems));
    }

    /**
     * Restores an archive into an empty database and the blob store; verifies it first and refuses a database that
     * already has tables. Runs in one transaction for the rows (the tables themselves cannot be rolled back).
     */
    public Manifest restore(Path file, Connection connection, Path blobDir) throws IOException, SQLException {
        Verification verification = verify(file);
        if (!verification.ok()) {
            throw new IOException("The archive does not verify: " + String.join("; ", verification.problems()));
        }
        try (Statement s = connection.createStatement()) {
            List<String> existing = tableNames(s);
            if (!existing.isEmpty()) {
                throw new IllegalStateException("The database is not empty (" + existing.size() + " tables); restore"
                        + " only into an empty data directory or an empty database");
            }
        }
        Manifest manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            try (InputStream in = zip.getInputStream(zip.getEntry("manifest.txt"))) {
                manifest = Manifest.read(in);
            }
            for (Manifest.Blob blob : manifest.blobs()) {
                Path target = blobPath(blobDir, blob.sha256());
                if (Files.isRegularFile(target) && Files.size(target) == blob.size()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(blob.sha256() + ".restoring");
                try (InputStream in = zip.getInputStream(zip.getEntry("blobs/" + blob.sha256()))) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean autoCommit = connection.getAutoCommit();
            try (Statement s = connection.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                s.execute("SET UNIQUE_CHECKS = 0");
                connection.setAutoCommit(false);
                for (Manifest.Table table : manifest.tables()) {
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                            zip.getInputStream(zip.getEntry("db/" + table.name() + ".sql")), StandardCharsets.UTF_8))) {
                        StringBuilder statement = new StringBuilder();
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (statement.isEmpty() && line.startsWith("--")) {
                                continue;
                            }
                            statement.append(line).append('\n');
                            if (line.endsWith(";")) {
                                s.execute(statement.substring(0, statement.length() - 2));
                                statement.setLength(0);
                            }
                        }
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
                try (Statement s = connection.createStatement()) {
                    s.execute("SET FOREIGN_KEY_CHECKS = 1");
                    s.execute("SET UNIQUE_CHECKS = 1");
                }
            }
        }
        return manifest;
    }

    static Path blobPath(Path blobDir, String sha) {
        return blobDir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private static String schemaVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return "";
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version"
                + " IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static List<String> tableNames(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Manifest.Table dumpTable(Connection c, String table, ZipOutputStream zip, Set<String> referenced)
            throws IOException, SQLException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry("db/" + table + ".sql"));
        Writer out = new java.io.OutputStreamWriter(new DigestOutputStream(new NonClosing(zip), digest),
                StandardCharsets.UTF_8);
        long rows = 0;
        List<String> columns = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' AND EXTRA NOT LIKE '%GENERATED%'"
                    + " ORDER BY ORDINAL_POSITION")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
                rs.next();
                out.write("-- " + table + "\n" + rs.getString(2) + ";\n");
            }
            String columnList = String.join(", ", columns.stream().map(n -> "`" + n + "`").toList());
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery("SELECT " + columnList + " FROM `" + table + "`")) {
                ResultSetMetaData meta = rs.getMetaData();
                int blobColumn = BLOB_TABLE.equals(table) ? columns.indexOf(BLOB_COLUMN) + 1 : 0;
                int inStatement = 0;
                while (rs.next()) {
                    if (inStatement == 0) {
                        out.write("INSERT INTO `" + table + "` (" + columnList + ") VALUES\n");
                    } else {
                        out.write(",\n");
                    }
                    out.write('(');
                    for (int i = 1; i <= columns.size(); i++) {
                        if (i > 1) {
                            out.write(", ");
                        }
                        out.write(literal(rs, meta, i));
                    }
                    out.write(')');
                    if (blobColumn > 0) {
                        String sha = rs.getString(blobColumn);
                        if (sha != null && SHA256.matcher(sha).matches()) {
                            referenced.add(sha);
                        }
                    }
                    rows++;
                    if (++inStatement == ROWS_PER_INSERT) {
                        out.write(";\n");
                        inStatement = 0;
                    }
                }
                if (inStatement > 0) {
                    out.write(";\n");
                }
            }
        }
        out.flush();
        zip.closeEntry();
        return new Manifest.Table(table, rows, HexFormat.of().formatHex(digest.digest()));
    }

    private static String literal(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
        switch (meta.getColumnType(i)) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? "NULL" : "X'" + HexFormat.of().formatHex(bytes) + "'";
            }
            case Types.BIT, Types.BOOLEAN -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? "NULL" : Long.toString(value);
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                    Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                String value = rs.getString(i);
                if (value == null) {
                    return "NULL";
                }
                if (!NUMBER.matcher(value).matches()) {
                    throw new SQLException("Unexpected number " + value + " in " + meta.getColumnName(i));
                }
                return value;
            }
            default -> {
                String value = rs.getString(i);
                return value == null ? "NULL"
                        : "_utf8mb4 X'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "'";
            }
        }
    }

    private static Manifest.Blob copyBlob(Path blobDir, String sha, ZipOutputStream zip) throws IOException {
        Path file = blobPath(blobDir, sha);
        if (!Files.isRegularFile(file)) {
            throw new IOException("Document content " + sha + " is missing from the blob store " + blobDir);
        }
        zip.putNextEntry(new ZipEntry("blobs/" + sha));
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(zip);
        }
        zip.closeEntry();
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha)) {
            throw new IOException("Document content " + sha + " in the blob store does not match its hash");
        }
        return new Manifest.Blob(sha, size);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a writer be flushed into a ZIP entry without closing the archive. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
