package nl.tafel.minutes;

import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;

/** The concept minutes of a meeting were sent round to the space's members for comments. */
public record MinutesCirculated(MeetingId meetingId, SpaceId spaceId, String title, PersonId by) {
}
