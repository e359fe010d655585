package nl.tafel.spaces;

import java.time.Instant;
import java.util.List;

/**
 * The result of a blob store check: content the database points at but the store lacks (missing), and content in
 * the store nothing points at (orphaned).
 */
public record BlobReport(Instant checkedAt, long stored, long referenced, List<String> missing,
        List<String> orphaned) {

    public boolean healthy() {
        return missing.isEmpty();
    }
}
