package nl.tafel.minutes;

import java.time.Instant;
import java.util.UUID;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.spaces.SpaceId;

/** A decision (besluit) as the minutes and the decision register show it. */
public record Decision(UUID id, String number, SpaceId spaceId, MeetingId meetingId, AgendaItemId itemId,
        String meetingTitle, Instant meetingStartsAt, String text) {
}
