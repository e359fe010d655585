package nl.tafel.meetings;

import java.time.Instant;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** A meeting in a list or calendar; {@code archive}: recorded afterwards, from before Tafel. */
public record MeetingSummary(MeetingId id, SpaceId spaceId, String spaceName, String title, Instant startsAt,
        Instant endsAt, MeetingForm form, @Nullable String location, MeetingStatus status, boolean archive) {

    public MeetingSummary(MeetingId id, SpaceId spaceId, String spaceName, String title, Instant startsAt,
            Instant endsAt, MeetingForm form, @Nullable String location, MeetingStatus status) {
        this(id, spaceId, spaceName, title, startsAt, endsAt, form, location, status, false);
    }
}
