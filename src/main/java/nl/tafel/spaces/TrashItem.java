package nl.tafel.spaces;

import java.time.Instant;
import java.util.UUID;

/** Something in a space's trash, restorable until {@code purgeAfter}. */
public record TrashItem(FolderItem.Kind kind, UUID id, String name, String originalPlace, Instant deletedAt,
        String deletedBy, Instant purgeAfter) {
}
