package nl.tafel.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** One action as lists and the minutes show it. {@code overdue}: open and past its due date. */
public record ActionView(ActionId id, String number, SpaceId spaceId, @Nullable MeetingId meetingId,
        @Nullable AgendaItemId itemId, String description, List<ActionOwner> owners, @Nullable LocalDate due,
        ActionStatus status, boolean overdue, @Nullable MeetingId closedIn, Instant createdAt, long version,
        List<Note> notes) {

    /** A dated progress note. */
    public record Note(Instant at, String by, String text) {
    }

    public String ownerNames() {
        return String.join(", ", owners.stream().map(ActionOwner::name).toList());
    }
}
