package nl.tafel.review;

import java.util.List;
import java.util.Map;
import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;

/** Who has read what before a meeting: the invited members against the agenda's papers. */
public record ReadingTable(MeetingId meetingId, List<Column> papers, List<Row> members) {

    /** A paper of the agenda, with its item's number. */
    public record Column(DocumentId documentId, String itemNumber, String name, int versionNumber) {
    }

    /** A member and their reading of each paper. */
    public record Row(PersonId personId, String name, Map<DocumentId, ReadingState> states) {

        public long unread() {
            return states.values().stream().filter(ReadingState::open).count();
        }
    }
}
