package nl.tafel.review;

import java.time.Instant;
import java.util.List;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.Reading;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as a member prepares it: the agenda with each item's papers and the person's reading of each.
 *
 * @param pack the agenda pack as one PDF, when it has been built
 * @param canSeeReadingTable the secretaries (planners) and the chair see who has read what
 * @param canAsk whether questions can still be asked (a published meeting that has not started)
 */
public record Preparation(MeetingId meetingId, String title, String spaceName, Instant startsAt,
        MeetingStatus status, List<Item> items, @Nullable Paper pack, boolean canSeeReadingTable, boolean canAsk) {

    /** An agenda item and its papers. */
    public record Item(AgendaItemId id, String number, int depth, String title, ItemPurpose purpose,
            @Nullable String description, List<Paper> papers) {
    }

    /** One paper (the current version of a document) and how the person has read it; the pack has no item. */
    public record Paper(@Nullable AgendaItemId itemId, DocumentId documentId, String name, String mediaType,
            VersionId versionId, int versionNumber, Reading reading, ReadingState state, boolean late) {
    }

    /** Every paper of the agenda in order, for "next" and "previous" across items. */
    public List<Paper> papers() {
        return items.stream().flatMap(i -> i.papers().stream()).toList();
    }

    public long unread() {
        return papers().stream().filter(p -> p.state().open()).count();
    }
}
