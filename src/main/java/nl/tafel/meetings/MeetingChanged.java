package nl.tafel.meetings;

import nl.tafel.spaces.SpaceId;

/** A meeting's time, place or link changed; {@code significant} when invitations must be updated. */
public record MeetingChanged(MeetingId meetingId, SpaceId spaceId, boolean significant) {
}
