package nl.tafel.spaces;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One version of a document: who stored it, when, how big, and its SHA-256. */
public record VersionInfo(VersionId id, int number, long size, String sha256, String mediaType,
        String originalName, String uploadedBy, Instant uploadedAt, @Nullable Integer restoredFrom,
        TextStatus textStatus) {
}
