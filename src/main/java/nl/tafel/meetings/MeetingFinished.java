package nl.tafel.meetings;

import nl.tafel.spaces.SpaceId;

/** The meeting was held and is closed ("afgerond"): its agenda and papers are fixed, answers and reminders stop. */
public record MeetingFinished(MeetingId meetingId, SpaceId spaceId) {
}
