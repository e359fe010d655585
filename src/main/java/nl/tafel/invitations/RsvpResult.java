package nl.tafel.invitations;

import java.time.Instant;
import java.util.Locale;
import nl.tafel.meetings.MeetingId;
import org.jspecify.annotations.Nullable;

/** What the answer page shows after an RSVP link: the meeting, the invitee, and the answer now on record. */
public record RsvpResult(MeetingId meetingId, String title, Instant startsAt, Instant endsAt,
        @Nullable String location, String inviteeName, Locale locale, Answer answer,
        nl.tafel.meetings.MeetingStatus status, boolean answerBeforeChange) {
}
