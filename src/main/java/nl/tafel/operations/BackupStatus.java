package nl.tafel.operations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last backup as an administrator sees it: when, which file, how large, and whether it verified; or, when the
 * last nightly backup failed, when and a short reason (details are in the log under {@code reference}).
 */
public record BackupStatus(@Nullable Instant at, @Nullable String file, long sizeBytes, boolean verified,
        @Nullable Instant failedAt, @Nullable String reference) {

    public static BackupStatus none() {
        return new BackupStatus(null, null, 0, false, null, null);
    }
}
