package nl.tafel.meetings;

import java.time.Instant;
import java.util.List;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * One meeting for its page, with what the person may do and what changed after publication. {@code canEdit}: a
 * planner (space manager, secretary); {@code canWriteMinutes}: a planner or the meeting's minute taker;
 * {@code archive}: recorded afterwards, from before Tafel; {@code sendsInvitations}: whether invitations go out (not for
 * an archived meeting, nor for one published after its start unless the planner chose so).
 */
public record MeetingDetails(MeetingId id, SpaceId spaceId, String spaceName, String title, Instant startsAt,
        Instant endsAt, MeetingForm form, @Nullable String location, @Nullable String joinUrl,
        @Nullable PersonId chair, @Nullable String chairName, @Nullable PersonId minuteTaker,
        @Nullable String minuteTakerName, MeetingStatus status, @Nullable Instant publishedAt, boolean canEdit,
        long version, long agendaVersion, List<AgendaChange> changesAfterPublication, @Nullable String quorum,
        @Nullable Integer quorumPercent, PersonId organizer, boolean canWriteMinutes, boolean archive,
        boolean sendsInvitations) {

    /**
     * A change to a published agenda: what, when, by whom. Its {@code argument} holds the translation's arguments
     * (an old and a new value, a number and a title), separated by a unit separator.
     */
    public record AgendaChange(Instant at, String by, String messageKey, @Nullable String argument) {

        /** The arguments for the translation of {@code messageKey}. */
        public Object[] arguments() {
            return argument == null ? new Object[] {""} : argument.split(nl.tafel.meetings.internal.FollowUps.SEPARATOR, -1);
        }
    }

    public MeetingDraft draft() {
        var zone = java.time.ZoneId.of("Europe/Amsterdam");
        return new MeetingDraft(title, startsAt.atZone(zone).toLocalDate(), startsAt.atZone(zone).toLocalTime(),
                endsAt.atZone(zone).toLocalTime(), form, location, joinUrl, chair, minuteTaker);
    }
}
