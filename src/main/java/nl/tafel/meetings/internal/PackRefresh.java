package nl.tafel.meetings.internal;

import java.util.List;
import java.util.UUID;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentDeleted;
import nl.tafel.spaces.DocumentStored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A paper on an agenda changed in its space: a new version replaces it, the trash withdraws it. The meeting's pack is
 * marked "verouderd" and rebuilt a little later ({@link FollowUpJob}); on a published agenda the change is recorded
 * ("gewijzigd na publicatie") and the invitees get a change notice. A paper put in the trash is recorded in the
 * deletion's own transaction, so that it cannot vanish from an agenda silently.
 */
@Component
class PackRefresh {

    private final JdbcTemplate jdbc;
    private final FollowUps followUps;

    PackRefresh(JdbcTemplate jdbc, FollowUps followUps) {
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    private record Use(UUID meetingId, UUID itemId, MeetingStatus status) {
    }

    private List<Use> uses(UUID documentId) {
        return jdbc.query("""
                select m.id, i.id, m.status from agenda_item_document d
                join agenda_item i on i.id = d.item_id
                join meeting m on m.id = i.meeting_id
                where d.document_id = ? and m.status in ('CONCEPT', 'PUBLISHED')""",
                (rs, n) -> new Use(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        MeetingStatus.valueOf(rs.getString(3))), documentId);
    }

    @ApplicationModuleListener
    void on(DocumentStored event) {
        if (event.versionNumber() <= 1) {
            // A new document is an agenda change (attaching it), not a changed paper.
            return;
        }
        for (Use use : uses(event.documentId().value())) {
            followUps.packAffected(use.meetingId());
            if (use.status() == MeetingStatus.PUBLISHED) {
                followUps.record(use.meetingId(), event.by(), "agendaChange.documentReplaced", event.name(),
                        String.valueOf(event.versionNumber()), followUps.number(use.itemId()));
            }
        }
    }

    /** In the deletion's transaction: the paper is withdrawn from every agenda it is on. */
    @EventListener
    void on(DocumentDeleted event) {
        if (event.permanently()) {
            return;
        }
        PersonId by = event.by() == null ? CurrentUser.SYSTEM : event.by();
        for (Use use : uses(event.documentId().value())) {
            followUps.packAffected(use.meetingId());
            if (use.status() == MeetingStatus.PUBLISHED) {
                jdbc.update("update meeting set agenda_version = agenda_version + 1 where id = ?", use.meetingId());
                followUps.record(use.meetingId(), by, "agendaChange.documentWithdrawn", event.name(),
                        followUps.number(use.itemId()));
            }
        }
    }
}
