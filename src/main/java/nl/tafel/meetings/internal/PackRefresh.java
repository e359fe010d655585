package nl.tafel.meetings.internal;

import java.util.List;
import java.util.UUID;
import nl.tafel.meetings.AgendaPackService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds an agenda pack when one of its papers gets a new version: the pack gets its next version, with the
 * change page. It runs as the person who last built the pack (their access applies), after the upload's commit,
 * from the durable event publication.
 */
@Component
class PackRefresh {

    private static final Logger log = LoggerFactory.getLogger(PackRefresh.class);

    private final JdbcTemplate jdbc;
    private final AccountDirectory accounts;
    private final AgendaPackService packs;

    PackRefresh(JdbcTemplate jdbc, AccountDirectory accounts, AgendaPackService packs) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.packs = packs;
    }

    private record Stale(UUID meetingId, long requestedBy) {
    }

    @ApplicationModuleListener
    void on(DocumentStored event) {
        if (event.versionNumber() <= 1) {
            // A new document is an agenda change (attaching it), not a changed paper.
            return;
        }
        List<Stale> stale = jdbc.query("""
                select distinct m.id, p.requested_by from agenda_item_document d
                join agenda_item i on i.id = d.item_id
                join meeting m on m.id = i.meeting_id
                join agenda_pack p on p.meeting_id = m.id
                where d.document_id = ? and m.status in ('CONCEPT', 'PUBLISHED') and p.status = 'READY'
                  and p.requested_by is not null""",
                (rs, n) -> new Stale(rs.getObject(1, UUID.class), rs.getLong(2)), event.documentId().value());
        for (Stale s : stale) {
            accounts.findById(new PersonId(s.requestedBy())).filter(a -> a.canSignIn()).ifPresent(account ->
                    CurrentUser.runAs(account.id(), account.email(), account.displayName(), account.role().name(),
                            () -> {
                                try {
                                    packs.buildNow(new MeetingId(s.meetingId()));
                                } catch (RuntimeException e) {
                                    log.warn("Agenda pack of meeting {} not rebuilt after a new paper version",
                                            s.meetingId(), e);
                                }
                            }));
        }
    }
}
