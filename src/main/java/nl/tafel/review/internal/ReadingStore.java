package nl.tafel.review.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.tafel.review.ReadingState;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.VersionId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions each person has read. A document is read when its current version is; read before a newer version
 * came, it is "changed since read"; otherwise unread. Services check access before they call this.
 */
@Component
public class ReadingStore {

    /** How a version came to be read. */
    public enum Via {
        LAST_PAGE, MARKED
    }

    private final JdbcTemplate jdbc;

    ReadingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a read; reading the same version again changes nothing. */
    public void record(PersonId person, DocumentId document, VersionId version, int versionNumber, Instant at,
            Via via) {
        jdbc.update("""
                insert ignore into review_reading (person_id, version_id, document_id, version_number, read_at,
                    read_via) values (?, ?, ?, ?, ?, ?)""", person.value(), version.value(), document.value(),
                versionNumber, Timestamp.from(at), via.name());
    }

    /** The person's reading of these documents, given each one's current version. */
    public Map<DocumentId, ReadingState> states(PersonId person, Map<DocumentId, VersionId> current) {
        return states(List.of(person), current).getOrDefault(person, unread(current.keySet()));
    }

    /** Several people's reading of these documents, given each one's current version. */
    public Map<PersonId, Map<DocumentId, ReadingState>> states(Collection<PersonId> people,
            Map<DocumentId, VersionId> current) {
        Map<PersonId, Map<DocumentId, ReadingState>> result = new HashMap<>();
        people.forEach(p -> result.put(p, unread(current.keySet())));
        if (people.isEmpty() || current.isEmpty()) {
            return result;
        }
        Set<UUID> currentVersions = new HashSet<>();
        current.values().forEach(v -> currentVersions.add(v.value()));
        String personMarks = String.join(",", java.util.Collections.nCopies(people.size(), "?"));
        String documentMarks = String.join(",", java.util.Collections.nCopies(current.size(), "?"));
        List<Object> args = new java.util.ArrayList<>();
        people.forEach(p -> args.add(p.value()));
        current.keySet().forEach(d -> args.add(d.value()));
        jdbc.query("select person_id, document_id, version_id from review_reading where person_id in ("
                + personMarks + ") and document_id in (" + documentMarks + ")", rs -> {
                    PersonId person = new PersonId(rs.getLong(1));
                    DocumentId document = new DocumentId(rs.getObject(2, UUID.class));
                    boolean isCurrent = currentVersions.contains(rs.getObject(3, UUID.class))
                            && current.get(document).value().equals(rs.getObject(3, UUID.class));
                    Map<DocumentId, ReadingState> states = result.get(person);
                    if (states == null) {
                        return;
                    }
                    if (isCurrent) {
                        states.put(document, ReadingState.READ);
                    } else if (states.get(document) != ReadingState.READ) {
                        states.put(document, ReadingState.CHANGED_SINCE_READ);
                    }
                }, args.toArray());
        return result;
    }

    private static Map<DocumentId, ReadingState> unread(Collection<DocumentId> documents) {
        Map<DocumentId, ReadingState> states = new HashMap<>();
        documents.forEach(d -> states.put(d, ReadingState.UNREAD));
        return states;
    }
}
