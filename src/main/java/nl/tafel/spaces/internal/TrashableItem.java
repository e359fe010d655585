package nl.tafel.spaces.internal;

import java.time.Instant;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A folder or document that can go to the trash and come back. */
interface TrashableItem {

    String getName();

    @Nullable Instant getDeletedAt();

    void trash(PersonId by, Instant now);

    void untrash();
}
