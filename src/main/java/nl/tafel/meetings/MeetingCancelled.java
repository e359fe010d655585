package nl.tafel.meetings;

import nl.tafel.spaces.SpaceId;

public record MeetingCancelled(MeetingId meetingId, SpaceId spaceId) {
}
