package nl.tafel.sharepoint;

import java.time.Instant;
import java.util.List;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * Where a space's SharePoint sync stands.
 *
 * @param pending local changes that still wait to go up after the last pass
 * @param waitingUntil when SharePoint asked Tafel to wait (throttling), until then
 */
public record SyncStatus(SpaceId space, String spaceName, State state, @Nullable String site,
        @Nullable String library, @Nullable String folderPath, @Nullable Instant lastSuccess, int pending,
        @Nullable String lastError, @Nullable Instant lastErrorAt, @Nullable String stopReason, int conflicts,
        List<Problem> problems, @Nullable Instant nextRun, @Nullable Instant waitingUntil) {

    public enum State {
        /** No SharePoint credentials in the environment. */
        NOT_CONFIGURED,
        NOT_LINKED,
        /** Linked, not synced yet. */
        WAITING,
        OK,
        /** The last pass failed; it is tried again. */
        ERROR,
        /** SharePoint asked Tafel to wait (throttling): nothing is sent before {@code waitingUntil}. */
        THROTTLED,
        /** The large-delete guard stopped it: an administrator resumes it. */
        STOPPED
    }

    /**
     * One file or folder that could not be synced, and why.
     *
     * @param reason a translation key
     * @param arguments its arguments
     */
    public record Problem(String name, String reason, List<String> arguments, Instant seenAt) {
    }

    public boolean linked() {
        return site != null;
    }
}
