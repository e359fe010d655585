package nl.tafel.meetings;

import nl.tafel.spaces.SpaceId;

/** A meeting was created (still a concept). */
public record MeetingScheduled(MeetingId meetingId, SpaceId spaceId) {
}
