package nl.tafel.meetings;

import nl.tafel.spaces.SpaceId;

/** The agenda became visible to the space's members. */
public record AgendaPublished(MeetingId meetingId, SpaceId spaceId) {
}
