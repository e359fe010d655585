package nl.tafel.minutes;

import java.time.Instant;
import java.util.List;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * The minutes of one meeting, item by item, with what the person may do; {@code quorum} is the series' quorum rule
 * checked against the attendance list (null when the meeting has no series rule).
 */
public record MinutesDetails(MeetingId meetingId, SpaceId spaceId, String title, Instant startsAt,
        MinutesStatus status, boolean canWrite, @Nullable Instant approvedAt, List<Item> items,
        List<Attendee> attendance, boolean canComment, boolean canRevise, @Nullable Quorum quorum) {

    /** One agenda item: its text (Markdown and sanitized HTML), the version to save against, its decisions. */
    public record Item(AgendaItemId itemId, String number, String title, int depth, String text, String html,
            long version, @Nullable Instant updatedAt, @Nullable String updatedBy, List<Decision> decisions,
            boolean actionList, boolean previousMinutes, List<Comment> comments) {
    }
}
