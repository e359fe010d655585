package nl.tafel.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * The invitees of a published meeting are to be told what changed since they were last told: one notice for changes
 * that came close together. {@code number} counts the meeting's notices (1, 2...), for a stable mail key; {@code pack}
 * is the agenda pack's document (its newest version is the rebuilt pack), or null when there is no pack.
 */
public record AgendaChangeNotice(MeetingId meetingId, SpaceId spaceId, String title, Instant startsAt, int number,
        List<Change> changes, Set<PersonId> changedBy, @Nullable DocumentId pack) {

    /** One change: a translation key and its arguments (old and new values, numbers, names). */
    public record Change(String messageKey, List<String> arguments) {

        public Object[] args() {
            return arguments.toArray();
        }
    }
}
