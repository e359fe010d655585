package nl.tafel.meetings;

import java.time.LocalTime;
import java.util.List;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * A meeting series: the defaults a new meeting starts from (form, place, start time, duration), the quorum rule, and
 * the agenda template.
 */
public record SeriesDetails(SeriesId id, SpaceId spaceId, String name, MeetingForm form, @Nullable String location,
        LocalTime start, int durationMinutes, @Nullable String quorum, List<TemplateItem> template, long version,
        @Nullable Integer quorumPercent) {

    /**
     * @param quorumPercent the share of required invitees that must be present, for the attendance forecast
     */
    public SeriesDetails(SeriesId id, SpaceId spaceId, String name, MeetingForm form, @Nullable String location,
            LocalTime start, int durationMinutes, @Nullable String quorum, List<TemplateItem> template, long version) {
        this(id, spaceId, name, form, location, start, durationMinutes, quorum, template, version, null);
    }
}
