package nl.tafel.operations.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.txt} of a backup archive, one fact a line:
 * <pre>
 * tafel-backup 1
 * created 2026-12-04T02:30:00Z
 * schema 17
 * table document_version 42 &lt;sha256 of db/document_version.sql&gt;
 * blob &lt;sha256&gt; &lt;size&gt;
 * </pre>
 */
public record Manifest(Instant created, String schemaVersion, List<Table> tables, List<Blob> blobs) {

    static final String HEADER = "tafel-backup 1";

    public record Table(String name, long rows, String sha256) {
    }

    public record Blob(String sha256, long size) {
    }

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public long blobBytes() {
        return blobs.stream().mapToLong(Blob::size).sum();
    }

    String write() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("created ").append(created).append('\n');
        out.append("schema ").append(schemaVersion).append('\n');
        tables.forEach(t -> out.append("table ").append(t.name()).append(' ').append(t.rows()).append(' ')
                .append(t.sha256()).append('\n'));
        blobs.forEach(b -> out.append("blob ").append(b.sha256()).append(' ').append(b.size()).append('\n'));
        return out.toString();
    }

    static Manifest read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!HEADER.equals(reader.readLine())) {
            throw new IOException("Not a Tafel backup (no manifest header)");
        }
        Instant created = Instant.EPOCH;
        String schema = "";
        List<Table> tables = new ArrayList<>();
        List<Blob> blobs = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String[] p = line.split(" ");
            switch (p[0]) {
                case "created" -> created = Instant.parse(p[1]);
                case "schema" -> schema = p.length > 1 ? p[1] : "";
                case "table" -> tables.add(new Table(p[1], Long.parseLong(p[2]), p[3]));
                case "blob" -> blobs.add(new Blob(p[1], Long.parseLong(p[2])));
                default -> {
                    if (!line.isBlank()) {
                        throw new IOException("Unknown manifest line: " + line);
                    }
                }
            }
        }
        return new Manifest(created, schema, tables, blobs);
    }
}
