package nl.tafel.operations;

import nl.tafel.operations.internal.Backups;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Backups for administrators: the last one (and whether it verified), and one now. */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class BackupService {

    private final Backups backups;

    BackupService(Backups backups) {
        this.backups = backups;
    }

    public BackupStatus status() {
        return backups.status();
    }

    /** Writes and verifies a backup now, in the backup directory. */
    public BackupStatus backupNow() throws Exception {
        return backups.backupNow();
    }
}
