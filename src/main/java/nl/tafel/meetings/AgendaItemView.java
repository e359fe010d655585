package nl.tafel.meetings;

import java.time.Instant;
import java.util.List;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;

/**
 * An agenda item as shown: its number ("5" or "5.1"), when it starts (from the meeting's start and the minutes
 * before it), and its documents in order. {@code role} says what a standing item is for (Actielijst, Rondvraag...),
 * whatever its title; null for other items.
 */
public record AgendaItemView(AgendaItemId id, @Nullable AgendaItemId parentId, String number, int depth,
        String title, ItemPurpose purpose, @Nullable String presenter, int minutes, Instant startsAt,
        @Nullable String description, boolean standing, List<Attachment> documents, @Nullable ItemRole role) {

    /** Whether this item has that role. */
    public boolean is(ItemRole wanted) {
        return role == wanted;
    }

    /** A document attached to an item; {@code late} when it was added after publication ("nagezonden"). */
    public record Attachment(DocumentId documentId, String name, String mediaType, boolean late, Instant addedAt,
            int version, VersionId versionId) {
    }
}
