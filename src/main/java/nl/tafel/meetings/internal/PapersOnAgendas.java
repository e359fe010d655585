package nl.tafel.meetings.internal;

import java.util.List;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentUses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tells the spaces module which published agendas carry a document as a paper (asked before it is deleted). */
@Component
class PapersOnAgendas implements DocumentUses {

    private final JdbcTemplate jdbc;

    PapersOnAgendas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Use> usesOf(DocumentId document) {
        return jdbc.query("""
                select distinct m.title, m.starts_at from agenda_item_document d
                join agenda_item i on i.id = d.item_id join meeting m on m.id = i.meeting_id
                where d.document_id = ? and m.status = 'PUBLISHED' order by m.starts_at""",
                (rs, n) -> new Use(rs.getString(1), rs.getTimestamp(2).toInstant()), document.value());
    }

}
