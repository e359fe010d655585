package nl.tafel.operations;

import java.util.List;

/** The result of checking an archive without restoring it: its counts, and what did not match (empty when sound). */
public record Verification(int tables, long rows, int blobs, long blobBytes, String schemaVersion,
        List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
