package nl.tafel.invitations;

import java.time.Instant;
import java.util.List;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingStatus;
import org.jspecify.annotations.Nullable;

/**
 * The attendance page: every invitee with their answer, the counts, and the quorum forecast when the meeting's
 * series has a quorum share ({@code quorumNeeded} present of the required invitees). {@code answersBeforeChange}
 * counts the answers given before the meeting's time changed (kept, but asked again).
 */
public record Attendance(MeetingId meetingId, String title, Instant startsAt, MeetingStatus status, boolean sent,
        int sequence, List<InviteeRow> invitees, int accepted, int tentative, int declined, int open,
        @Nullable String quorumRule, @Nullable Integer quorumNeeded, @Nullable QuorumForecast forecast,
        int answersBeforeChange) {
}
