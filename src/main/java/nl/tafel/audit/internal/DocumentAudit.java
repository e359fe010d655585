package nl.tafel.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import nl.tafel.spaces.DocumentChanged;
import nl.tafel.spaces.DocumentDeleted;
import nl.tafel.spaces.DocumentStored;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes one append-only line per document event. */
@Component
class DocumentAudit {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DocumentAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DocumentStored event) {
        write(event.spaceId().toString(), event.documentId().toString(), "DOCUMENT_STORED",
                event.by().value(), event.name() + " v" + event.versionNumber() + " sha256=" + event.sha256());
    }

    @ApplicationModuleListener
    void on(DocumentChanged event) {
        write(event.spaceId().toString(), event.documentId().toString(), "DOCUMENT_" + event.change().name(),
                event.by().value(), event.name());
    }

    @ApplicationModuleListener
    void on(DocumentDeleted event) {
        write(event.spaceId().toString(), event.documentId().toString(),
                event.permanently() ? "DOCUMENT_PURGED" : "DOCUMENT_TRASHED",
                event.by() == null ? null : event.by().value(), event.name());
    }

    private void write(String space, String subject, String action, @Nullable Long person, String detail) {
        jdbc.update("insert into audit_log (occurred_at, space_id, subject_id, action, person_id, detail)"
                + " values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), space, subject, action, person,
                detail.length() > 500 ? detail.substring(0, 500) : detail);
    }
}
