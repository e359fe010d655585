package nl.tafel.meetings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an agenda change leaves to do, written in the change's own transaction: the agenda pack is marked "verouderd"
 * at once and a rebuild is asked for {@code tafel.meetings.pack-rebuild-delay} after the last change; a change the
 * invitees are told about moves their change notice to {@code tafel.meetings.notice-delay} after the last change, so
 * that a burst of changes makes one mail. {@link FollowUpJob} does the work when it is due.
 */
@Component
public class FollowUps {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration rebuildDelay;
    private final Duration noticeDelay;

    FollowUps(JdbcTemplate jdbc, Clock clock,
            @Value("${tafel.meetings.pack-rebuild-delay:1m}") Duration rebuildDelay,
            @Value("${tafel.meetings.notice-delay:10m}") Duration noticeDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rebuildDelay = rebuildDelay;
        this.noticeDelay = noticeDelay;
    }

    /** The changes to a published meeting that its invitees are told about in a change notice. */
    public static final Set<String> NOTICED = Set.of("agendaChange.startChanged", "agendaChange.endChanged",
            "agendaChange.placeChanged", "agendaChange.linkChanged", "agendaChange.itemAddedAt",
            "agendaChange.itemRemovedAt", "agendaChange.itemMovedTo", "agendaChange.documentLateAt",
            "agendaChange.documentReplaced", "agendaChange.documentWithdrawn", "agendaChange.documentDetached");

    /** Separates a change's arguments in its one column (see {@code MeetingDetails.AgendaChange}). */
    public static final String SEPARATOR = "\u001F";

    /**
     * Records a change to a published meeting ("gewijzigd na publicatie") with the arguments of its words; a change
     * the invitees are told about ({@link #NOTICED}) brings their change notice.
     */
    public void record(UUID meetingId, PersonId by, String key, String... arguments) {
        String argument = arguments.length == 0 ? null : String.join(SEPARATOR,
                Arrays.stream(arguments).map(a -> a == null ? "" : a).toList());
        jdbc.update("insert into agenda_change (meeting_id, changed_at, changed_by, message_key, argument)"
                + " values (?, ?, ?, ?, ?)", meetingId, Timestamp.from(clock.instant()), by.value(), key,
                argument == null ? null : argument.substring(0, Math.min(600, argument.length())));
        if (NOTICED.contains(key)) {
            noticeDue(meetingId);
        }
    }

    /** The number of an agenda item ("5", "5.1") as the agenda stands. */
    public String number(UUID itemId) {
        List<Object[]> rows = jdbc.query("""
                select i.position, p.position from agenda_item i left join agenda_item p on p.id = i.parent_id
                where i.id = ?""", (rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, Integer.class)}, itemId);
        if (rows.isEmpty()) {
            return "?";
        }
        Object[] r = rows.getFirst();
        return r[1] == null ? String.valueOf((Integer) r[0] + 1) : ((Integer) r[1] + 1) + "." + ((Integer) r[0] + 1);
    }

    /** The meeting's pack, if there is one, no longer shows the agenda: stale now, rebuilt a little later. */
    public void packAffected(UUID meetingId) {
        Instant now = clock.instant();
        jdbc.update("""
                update agenda_pack set stale_since = coalesce(stale_since, ?), rebuild_after = ?
                where meeting_id = ? and pack_version > 0""", Timestamp.from(now),
                Timestamp.from(now.plus(rebuildDelay)), meetingId);
    }

    /** The invitees will be told; the notice waits until the changes have settled. */
    public void noticeDue(UUID meetingId) {
        Timestamp due = Timestamp.from(clock.instant().plus(noticeDelay));
        jdbc.update("""
                insert into agenda_notice (meeting_id, last_change_id, due_at) values (?, 0, ?)
                on duplicate key update due_at = ?""", meetingId, due, due);
    }
}
