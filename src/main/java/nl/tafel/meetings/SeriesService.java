package nl.tafel.meetings;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tafel.meetings.internal.MeetingAccess;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Meeting series per space: planners keep their defaults and agenda template; new meetings start from them. */
@Service
@PreAuthorize("isAuthenticated()")
public class SeriesService {

    private final JdbcTemplate jdbc;
    private final MeetingAccess access;

    SeriesService(JdbcTemplate jdbc, MeetingAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The series of a space, for everyone in it. */
    @Transactional(readOnly = true)
    public List<SeriesDetails> seriesOf(SpaceId space) {
        access.space(space);
        List<UUID> ids = jdbc.queryForList("select id from meeting_series where space_id = ? order by name",
                UUID.class, space.value());
        List<SeriesDetails> result = new ArrayList<>();
        for (UUID id : ids) {
            result.add(load(new SeriesId(id)));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public SeriesDetails get(SeriesId id) {
        SeriesDetails series = load(id);
        access.space(series.spaceId());
        return series;
    }

    /** A new series, starting with the usual standing items as its template. */
    @Transactional
    public SeriesId create(SpaceId space, String name, MeetingForm form, @Nullable String location, LocalTime start,
            int durationMinutes, @Nullable String quorum) {
        requirePlanner(space);
        SeriesId id = new SeriesId(UUID.randomUUID());
        jdbc.update("""
                insert into meeting_series (id, space_id, name, form, location, start_time, duration_minutes, quorum,
                    version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", id.value(), space.value(),
                Texts.name("name", name, 200), form.name(), Texts.optional("location", location, 300),
                java.sql.Time.valueOf(start), duration(durationMinutes), Texts.optional("quorum", quorum, 300));
        writeTemplate(id, defaultTemplate());
        return id;
    }

    /** The usual standing items, with which a new series starts. */
    public List<TemplateItem> defaultTemplate() {
        return new ArrayList<>(MeetingService.STANDING);
    }

    /** Changes a series and its template; a stale {@code version} is refused. */
    @Transactional
    public void update(SeriesDetails changed) {
        SeriesDetails current = load(changed.id());
        requirePlanner(current.spaceId());
        List<TemplateItem> template = new ArrayList<>();
        for (TemplateItem item : changed.template()) {
            if (item.minutes() < 0 || item.minutes() > 600) {
                throw new FieldException("template", "meetings.error.minutes");
            }
            template.add(new TemplateItem(Texts.name("template", item.title(), 200), item.purpose(),
                    item.minutes(), item.atEnd(), item.role()));
        }
        Integer percent = changed.quorumPercent();
        if (percent != null && (percent < 1 || percent > 100)) {
            throw new FieldException("quorumPercent", "series.error.quorumPercent");
        }
        int updated = jdbc.update("""
                update meeting_series set name = ?, form = ?, location = ?, start_time = ?, duration_minutes = ?,
                    quorum = ?, quorum_percent = ?, version = version + 1 where id = ? and version = ?""",
                Texts.name("name", changed.name(), 200), changed.form().name(),
                Texts.optional("location", changed.location(), 300), java.sql.Time.valueOf(changed.start()),
                duration(changed.durationMinutes()), Texts.optional("quorum", changed.quorum(), 300), percent,
                changed.id().value(), changed.version());
        if (updated == 0) {
            throw new ConcurrentEditException();
        }
        jdbc.update("delete from series_item where series_id = ?", changed.id().value());
        writeTemplate(changed.id(), template);
    }

    private void writeTemplate(SeriesId id, List<TemplateItem> template) {
        for (int i = 0; i < template.size(); i++) {
            TemplateItem item = template.get(i);
            jdbc.update("insert into series_item (series_id, position, title, purpose, minutes, at_end, role)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", id.value(), i, item.title(), item.purpose().name(),
                    item.minutes(), item.atEnd(), item.role() == null ? null : item.role().name());
        }
    }

    private SeriesDetails load(SeriesId id) {
        List<SeriesDetails> rows = jdbc.query("""
                select space_id, name, form, location, start_time, duration_minutes, quorum, version, quorum_percent
                from meeting_series where id = ?""", (rs, n) -> new SeriesDetails(id,
                new SpaceId(rs.getObject(1, UUID.class)), rs.getString(2), MeetingForm.valueOf(rs.getString(3)),
                rs.getString(4), rs.getTime(5).toLocalTime(), rs.getInt(6), rs.getString(7),
                template(id), rs.getLong(8), rs.getObject(9, Integer.class)), id.value());
        if (rows.isEmpty()) {
            throw new MeetingNotFoundException();
        }
        return rows.getFirst();
    }

    /** The quorum rule of a series, for the meetings of that series (whose space the caller already may see). */
    @Nullable String quorum(SeriesId id) {
        return jdbc.queryForList("select quorum from meeting_series where id = ?", String.class, id.value()).stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The quorum share (percent of required invitees) of a series, or null when it has no such rule. */
    @Nullable Integer quorumPercent(SeriesId id) {
        return jdbc.queryForList("select quorum_percent from meeting_series where id = ?", Integer.class, id.value())
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    List<TemplateItem> template(SeriesId id) {
        return jdbc.query("select title, purpose, minutes, at_end, role from series_item where series_id = ?"
                + " order by position", (rs, n) -> new TemplateItem(rs.getString(1),
                ItemPurpose.valueOf(rs.getString(2)), rs.getInt(3), rs.getBoolean(4),
                rs.getString(5) == null ? null : ItemRole.valueOf(rs.getString(5))), id.value());
    }

    private void requirePlanner(SpaceId space) {
        SpaceDetails details = access.space(space);
        if (!access.canPlan(details)) {
            throw new TafelException("meetings.error.notPlanner");
        }
    }

    private static int duration(int minutes) {
        if (minutes < 15 || minutes > 24 * 60) {
            throw new FieldException("duration", "series.error.duration");
        }
        return minutes;
    }
}
