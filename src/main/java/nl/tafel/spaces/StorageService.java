package nl.tafel.spaces;

import nl.tafel.spaces.internal.BlobCheck;
import nl.tafel.spaces.internal.TrashPurge;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The blob store's health for administrators: the check on demand, and emptying expired trash now. */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class StorageService {

    private final BlobCheck check;
    private final TrashPurge purge;

    StorageService(BlobCheck check, TrashPurge purge) {
        this.check = check;
        this.purge = purge;
    }

    public BlobReport check() {
        return check.check();
    }

    /** The report of the last check (the one after start, or the last on demand), if any ran. */
    public @Nullable BlobReport lastReport() {
        return check.last();
    }

    /** Removes for good what has been in the trash longer than the trash keeps it; returns how many documents. */
    public int purgeExpiredTrash() {
        return purge.purge();
    }
}
