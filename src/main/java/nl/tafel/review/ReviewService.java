package nl.tafel.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.tafel.invitations.InvitationService;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaPackService;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.review.internal.ReadingStore;
import nl.tafel.review.internal.ReviewAccess;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.VersionId;
import nl.tafel.spaces.VersionInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preparing a meeting: the agenda with its papers and the person's reading of each, marking papers read (by seeing
 * the last page, or by hand), and the reading table for the secretaries and the chair. Reading is kept per person
 * and document version: a new version after reading shows as "gewijzigd sinds gelezen".
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReviewService {

    private final ReviewAccess access;
    private final AgendaService agenda;
    private final AgendaPackService packs;
    private final DocumentService documents;
    private final InvitationService invitations;
    private final ReadingStore readings;
    private final Clock clock;

    ReviewService(ReviewAccess access, AgendaService agenda, AgendaPackService packs, DocumentService documents,
            InvitationService invitations, ReadingStore readings, Clock clock) {
        this.access = access;
        this.agenda = agenda;
        this.packs = packs;
        this.documents = documents;
        this.invitations = invitations;
        this.readings = readings;
        this.clock = clock;
    }

    /** Whether the person may open the prepare view of this meeting (invited, or a manager of its space). */
    @Transactional(readOnly = true)
    public boolean mayPrepare(MeetingId id) {
        return access.of(id).mayPrepare();
    }

    /** Whether the person sees the reading table (the meeting's secretaries and its chair). */
    @Transactional(readOnly = true)
    public boolean maySeeReadingTable(MeetingId id) {
        return access.of(id).seesReadingTable();
    }

    /** The agenda with its papers and the person's reading of each. */
    @Transactional(readOnly = true)
    public Preparation prepare(MeetingId id) {
        ReviewAccess.Context context = access.requirePrepare(id);
        List<AgendaItemView> items = agenda.agenda(id);
        Map<DocumentId, ReadingState> states = readings.states(context.me(), current(items));
        List<Preparation.Item> result = new ArrayList<>();
        for (AgendaItemView item : items) {
            List<Preparation.Paper> papers = item.documents().stream().map(a -> new Preparation.Paper(item.id(),
                    a.documentId(), a.name(), a.mediaType(), a.versionId(), a.version(),
                    documents.reading(a.mediaType()), states.getOrDefault(a.documentId(), ReadingState.UNREAD),
                    a.late())).toList();
            result.add(new Preparation.Item(item.id(), item.number(), item.depth(), item.title(), item.purpose(),
                    item.description(), papers));
        }
        var m = context.meeting();
        return new Preparation(id, m.title(), m.spaceName(), m.startsAt(), m.status(), result, pack(id),
                context.seesReadingTable(), QuestionService.open(m, clock.instant()));
    }

    private Preparation.@Nullable Paper pack(MeetingId id) {
        AgendaPackService.PackStatus status = packs.status(id);
        if (status.documentId() == null || status.version() == 0) {
            return null;
        }
        try {
            DocumentDetails pack = documents.document(status.documentId());
            return new Preparation.Paper(null, pack.id(), pack.name(),
                    pack.mediaType(), pack.currentVersionId(), pack.currentVersion(),
                    documents.reading(pack.mediaType()), ReadingState.UNREAD, false);
        } catch (SpaceNotFoundException e) {
            return null;
        }
    }

    /** Marks a paper of the meeting read in the version the person had open. */
    @Transactional
    public ReadingState markRead(MeetingId id, DocumentId document, VersionId version) {
        ReviewAccess.Context context = access.requirePrepare(id);
        VersionInfo read = versionOf(id, document, version);
        readings.record(context.me(), document, version, read.number(), clock.instant(), ReadingStore.Via.MARKED);
        return state(context.me(), document);
    }

    /**
     * The viewer shows a page of a paper. Seeing the last page counts as reading the version; other pages change
     * nothing. Returns the paper's reading state.
     */
    @Transactional
    public ReadingState pageSeen(MeetingId id, DocumentId document, VersionId version, int page, int pageCount) {
        ReviewAccess.Context context = access.requirePrepare(id);
        if (pageCount < 1 || page < 1 || page > pageCount) {
            throw new TafelException("review.error.page");
        }
        if (page == pageCount) {
            VersionInfo read = versionOf(id, document, version);
            readings.record(context.me(), document, version, read.number(), clock.instant(),
                    ReadingStore.Via.LAST_PAGE);
        }
        return state(context.me(), document);
    }

    /** The person's reading of one document now. */
    private ReadingState state(PersonId me, DocumentId document) {
        VersionId current = documents.document(document).currentVersionId();
        return readings.states(me, Map.of(document, current)).get(document);
    }

    /** A version of a document that is on the meeting's agenda (not necessarily the current version). */
    private VersionInfo versionOf(MeetingId id, DocumentId document, VersionId version) {
        boolean onAgenda = agenda.agenda(id).stream().flatMap(i -> i.documents().stream())
                .anyMatch(a -> a.documentId().equals(document));
        if (!onAgenda) {
            throw new TafelException("review.error.notOnAgenda");
        }
        return documents.versions(document).stream().filter(v -> v.id().equals(version)).findFirst()
                .orElseThrow(() -> new TafelException("review.error.notOnAgenda"));
    }

    /** Who has read what: the invited members against the agenda's papers. For the secretaries and the chair. */
    @Transactional(readOnly = true)
    public ReadingTable readingTable(MeetingId id) {
        ReviewAccess.Context context = access.of(id);
        if (!context.seesReadingTable()) {
            throw new AccessDeniedException("Not a secretary or chair of meeting " + id);
        }
        List<AgendaItemView> items = agenda.agenda(id);
        List<ReadingTable.Column> columns = new ArrayList<>();
        Map<DocumentId, Boolean> seen = new LinkedHashMap<>();
        for (AgendaItemView item : items) {
            for (AgendaItemView.Attachment a : item.documents()) {
                if (seen.putIfAbsent(a.documentId(), true) == null) {
                    columns.add(new ReadingTable.Column(a.documentId(), item.number(), a.name(), a.version()));
                }
            }
        }
        List<InvitationService.InvitedMember> members = invitations.invitedMembers(id);
        Map<PersonId, Map<DocumentId, ReadingState>> states = readings.states(
                members.stream().map(InvitationService.InvitedMember::personId).toList(), current(items));
        List<ReadingTable.Row> rows = members.stream().map(m -> new ReadingTable.Row(m.personId(), m.name(),
                states.getOrDefault(m.personId(), Map.of()))).toList();
        return new ReadingTable(id, columns, rows);
    }

    static Map<DocumentId, VersionId> current(List<AgendaItemView> items) {
        Map<DocumentId, VersionId> current = new LinkedHashMap<>();
        items.forEach(i -> i.documents().forEach(a -> current.put(a.documentId(), a.versionId())));
        return current;
    }
}
