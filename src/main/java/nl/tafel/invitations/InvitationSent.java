package nl.tafel.invitations;

import java.time.Instant;
import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.PersonId;

/** A member got their first invitation (with its calendar part) to a meeting. Guests without an account do not count. */
public record InvitationSent(MeetingId meetingId, PersonId personId, String title, Instant startsAt) {
}
