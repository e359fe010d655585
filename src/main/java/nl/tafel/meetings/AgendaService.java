package nl.tafel.meetings;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.tafel.meetings.internal.AgendaItemEntity;
import nl.tafel.meetings.internal.AgendaItemRepository;
import nl.tafel.meetings.internal.FollowUps;
import nl.tafel.meetings.internal.MeetingAccess;
import nl.tafel.meetings.internal.MeetingEntity;
import nl.tafel.meetings.internal.MeetingRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.DocumentSummary;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.StoredDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda of a meeting: numbered items and sub-items, their documents, and their order. Every change names the
 * agenda version it was made on: a change on an older version (someone else changed the agenda meanwhile) is
 * refused, so no update is lost. Changes to a published agenda are recorded and shown.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AgendaService {

    private final MeetingRepository meetings;
    private final AgendaItemRepository items;
    private final MeetingAccess access;
    private final MeetingService meetingService;
    private final DocumentService documents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final FollowUps followUps;

    AgendaService(MeetingRepository meetings, AgendaItemRepository items, MeetingAccess access,
            MeetingService meetingService, DocumentService documents, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Clock clock, FollowUps followUps) {
        this.followUps = followUps;
        this.meetings = meetings;
        this.items = items;
        this.access = access;
        this.meetingService = meetingService;
        this.documents = documents;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Whether an agenda item belongs to a meeting the person can see (without loading the whole agenda). */
    @Transactional(readOnly = true)
    public boolean isItemOf(MeetingId meeting, AgendaItemId item) {
        access.requireVisible(meetings.findById(meeting.value()).orElseThrow(MeetingNotFoundException::new));
        return items.existsByIdAndMeetingId(item.value(), meeting.value());
    }

    /** The agenda in order, numbered, with start times from the meeting's start and the minutes before. */
    @Transactional(readOnly = true)
    public List<AgendaItemView> agenda(MeetingId id) {
        MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requireVisible(meeting);
        return view(meeting);
    }

    /** Adds an item at the end (before the closing standing items), or a sub-item at the end of its parent. */
    @Transactional
    public AgendaItemId addItem(MeetingId id, @Nullable AgendaItemId parentId, ItemDraft draft, long agendaVersion) {
        MeetingEntity meeting = lockForChange(id, agendaVersion);
        ItemDraft checked = check(draft);
        List<AgendaItemEntity> all = items.findByMeeting(meeting.getId());
        UUID parent = null;
        if (parentId != null) {
            AgendaItemEntity parentItem = find(all, parentId.value());
            if (parentItem.getParentId() != null) {
                throw new TafelException("meetings.error.depth");
            }
            parent = parentItem.getId();
        }
        List<AgendaItemEntity> siblings = children(all, parent);
        int index = siblings.size();
        if (parent == null) {
            // New items go before "Rondvraag" and "Sluiting", the standing items that close a meeting.
            while (index > 0 && siblings.get(index - 1).isClosing()) {
                index--;
            }
        }
        AgendaItemEntity item = new AgendaItemEntity(meeting.getId(), parent, index, false);
        item.set(checked.title(), checked.purpose(), checked.presenter(), checked.minutes(), checked.description());
        siblings.add(index, item);
        renumber(siblings);
        items.save(item);
        all.add(item);
        changed(meeting, "agendaChange.itemAddedAt", number(all, item), checked.title());
        return item.itemId();
    }

    @Transactional
    public void updateItem(AgendaItemId itemId, ItemDraft draft, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        ItemDraft checked = check(draft);
        item.set(checked.title(), checked.purpose(), checked.presenter(), checked.minutes(), checked.description());
        changed(meeting, "agendaChange.itemChanged", checked.title());
    }

    /** Removes an item with its sub-items; its documents stay in the space. */
    @Transactional
    public void removeItem(AgendaItemId itemId, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        List<AgendaItemEntity> all = items.findByMeeting(meeting.getId());
        String number = number(all, item);
        children(all, item.getId()).forEach(items::delete);
        items.delete(item);
        List<AgendaItemEntity> siblings = children(all, item.getParentId());
        siblings.removeIf(s -> s.getId().equals(item.getId()));
        renumber(siblings);
        changed(meeting, "agendaChange.itemRemovedAt", number, item.getTitle());
    }

    /**
     * Moves an item to a place in the agenda (drag and drop): under another item as a sub-item, or at the top level;
     * numbers follow. Items with sub-items stay at the top level: the agenda has two levels (5, 5.1).
     */
    @Transactional
    public void moveItem(AgendaItemId itemId, @Nullable AgendaItemId newParentId, int index, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        List<AgendaItemEntity> all = items.findByMeeting(meeting.getId());
        UUID newParent = null;
        if (newParentId != null) {
            AgendaItemEntity parent = find(all, newParentId.value());
            if (parent.getParentId() != null || parent.getId().equals(item.getId())
                    || !children(all, item.getId()).isEmpty()) {
                throw new TafelException("meetings.error.depth");
            }
            newParent = parent.getId();
        }
        String oldNumber = number(all, item);
        List<AgendaItemEntity> oldSiblings = children(all, item.getParentId());
        oldSiblings.removeIf(s -> s.getId().equals(item.getId()));
        renumber(oldSiblings);
        List<AgendaItemEntity> newSiblings = children(all, newParent);
        newSiblings.removeIf(s -> s.getId().equals(item.getId()));
        newSiblings.add(Math.max(0, Math.min(index, newSiblings.size())), item);
        item.place(newParent, 0);
        renumber(newSiblings);
        String newNumber = number(all, item);
        if (!newNumber.equals(oldNumber)) {
            changed(meeting, "agendaChange.itemMovedTo", item.getTitle(), oldNumber, newNumber);
        }
    }

    /**
     * Attaches a document of the meeting's space to an item. The person must be able to read it; after
     * publication it is marked "nagezonden".
     */
    @Transactional
    public void attach(AgendaItemId itemId, DocumentId documentId, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        attachChecked(meeting, item, documentId);
    }

    private void attachChecked(MeetingEntity meeting, AgendaItemEntity item, DocumentId documentId) {
        DocumentDetails document;
        try {
            document = documents.document(documentId);
        } catch (SpaceNotFoundException e) {
            throw new TafelException("meetings.error.documentNotReadable");
        }
        if (!document.space().id().equals(meeting.spaceId())) {
            throw new TafelException("meetings.error.documentOtherSpace", document.space().name());
        }
        Integer exists = jdbc.queryForObject("select count(*) from agenda_item_document where item_id = ?"
                + " and document_id = ?", Integer.class, item.getId(), documentId.value());
        if (exists != null && exists > 0) {
            return;
        }
        Integer next = jdbc.queryForObject("select coalesce(max(position) + 1, 0) from agenda_item_document"
                + " where item_id = ?", Integer.class, item.getId());
        boolean late = meeting.getStatus() == MeetingStatus.PUBLISHED;
        jdbc.update("insert into agenda_item_document (item_id, document_id, position, added_at, added_by, late)"
                + " values (?, ?, ?, ?, ?, ?)", item.getId(), documentId.value(), next,
                java.sql.Timestamp.from(clock.instant()), CurrentUser.requirePersonId().value(), late);
        if (late) {
            changed(meeting, "agendaChange.documentLateAt", document.name(),
                    number(items.findByMeeting(meeting.getId()), item));
        } else {
            changed(meeting, "agendaChange.documentAdded", document.name());
        }
    }

    @Transactional
    public void detach(AgendaItemId itemId, DocumentId documentId, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        int removed = jdbc.update("delete from agenda_item_document where item_id = ? and document_id = ?",
                item.getId(), documentId.value());
        if (removed == 0) {
            return;
        }
        String name;
        try {
            name = documents.summaries(meeting.spaceId(), List.of(documentId)).values().stream().findFirst()
                    .map(DocumentSummary::name).orElse("?");
        } catch (SpaceNotFoundException e) {
            name = "?";
        }
        changed(meeting, "agendaChange.documentDetached", name, number(items.findByMeeting(meeting.getId()), item));
    }

    /** Puts a document of an item at a place in the item's list. */
    @Transactional
    public void moveDocument(AgendaItemId itemId, DocumentId documentId, int index, long agendaVersion) {
        AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
        MeetingEntity meeting = lockForChange(new MeetingId(item.getMeetingId()), agendaVersion);
        List<UUID> order = new ArrayList<>(jdbc.queryForList("select document_id from agenda_item_document"
                + " where item_id = ? order by position", UUID.class, item.getId()));
        if (!order.remove(documentId.value())) {
            throw new MeetingNotFoundException();
        }
        order.add(Math.max(0, Math.min(index, order.size())), documentId.value());
        for (int i = 0; i < order.size(); i++) {
            jdbc.update("update agenda_item_document set position = ? where item_id = ? and document_id = ?", i,
                    item.getId(), order.get(i));
        }
        changed(meeting, "agendaChange.documentsReordered", item.getTitle());
    }

    /**
     * Uploads a paper for an item: it is stored in the meeting's folder of the space ("Vergaderingen/2026-01-13
     * Bestuursvergadering"), versioned as any document, and attached to the item.
     */
    public StoredDocument upload(AgendaItemId itemId, String fileName, InputStream content, long size) {
        UUID meetingId = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new).getMeetingId();
        MeetingStatus before = meetings.findById(meetingId).orElseThrow(MeetingNotFoundException::new).getStatus();
        if (before == MeetingStatus.CANCELLED || before == MeetingStatus.FINISHED) {
            throw new TafelException("meetings.error.closed"); // nothing is stored for a closed agenda
        }
        FolderId folder = meetingFolder(new MeetingId(meetingId));
        StoredDocument stored = documents.upload(folder, fileName, content, size);
        transactions.executeWithoutResult(status -> {
            AgendaItemEntity item = items.findById(itemId.value()).orElseThrow(MeetingNotFoundException::new);
            MeetingEntity meeting = meetings.lock(item.getMeetingId()).orElseThrow(MeetingNotFoundException::new);
            access.requirePlanner(meeting);
            if (meeting.getStatus() == MeetingStatus.CANCELLED || meeting.getStatus() == MeetingStatus.FINISHED) {
                throw new TafelException("meetings.error.closed");
            }
            attachChecked(meeting, item, stored.documentId());
        });
        return stored;
    }

    /** The meeting's folder in its space ("Vergaderingen/2026-01-13 Bestuursvergadering"), made when needed. */
    public FolderId meetingFolder(MeetingId id) {
        return transactions.execute(status -> {
            MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
            SpaceDetails space = access.requirePlanner(meeting);
            FolderId meetingsFolder = documents.folderNamed(space.rootFolder(), "Vergaderingen");
            String day = DateTimeFormatter.ISO_LOCAL_DATE.format(meeting.getStartsAt().atZone(MeetingService.ZONE));
            String name = DocumentNames.withoutForbiddenCharacters(day + " " + meeting.getTitle());
            return documents.folderNamed(meetingsFolder, name.length() > 120 ? name.substring(0, 120) : name);
        });
    }

    private MeetingEntity lockForChange(MeetingId id, long agendaVersion) {
        MeetingEntity meeting = meetings.lock(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getStatus() == MeetingStatus.CANCELLED || meeting.getStatus() == MeetingStatus.FINISHED) {
            throw new TafelException("meetings.error.closed");
        }
        if (meeting.getAgendaVersion() != agendaVersion) {
            throw new ConcurrentEditException();
        }
        return meeting;
    }

    private void changed(MeetingEntity meeting, String key, String... arguments) {
        meeting.agendaChanged();
        followUps.packAffected(meeting.getId());
        if (meeting.getStatus() == MeetingStatus.PUBLISHED) {
            meetingService.recordChange(meeting, key, arguments);
        }
    }

    /** An item's number ("5", "5.1") from the positions as they are now. */
    private static String number(List<AgendaItemEntity> all, AgendaItemEntity item) {
        if (item.getParentId() == null) {
            return String.valueOf(item.getPosition() + 1);
        }
        AgendaItemEntity parent = find(all, item.getParentId());
        return (parent.getPosition() + 1) + "." + (item.getPosition() + 1);
    }

    private List<AgendaItemView> view(MeetingEntity meeting) {
        List<AgendaItemEntity> all = items.findByMeeting(meeting.getId());
        Map<UUID, List<AgendaItemView.Attachment>> attachments = attachments(meeting);
        List<AgendaItemView> result = new ArrayList<>();
        Instant time = meeting.getStartsAt();
        int number = 0;
        for (AgendaItemEntity top : children(all, null)) {
            number++;
            result.add(itemView(top, String.valueOf(number), 0, time, attachments));
            time = time.plusSeconds(60L * top.getMinutes());
            int sub = 0;
            for (AgendaItemEntity child : children(all, top.getId())) {
                sub++;
                result.add(itemView(child, number + "." + sub, 1, time, attachments));
                time = time.plusSeconds(60L * child.getMinutes());
            }
        }
        return result;
    }

    private Map<UUID, List<AgendaItemView.Attachment>> attachments(MeetingEntity meeting) {
        Map<UUID, List<AgendaItemView.Attachment>> result = new HashMap<>();
        List<Object[]> rows = jdbc.query("""
                select d.item_id, d.document_id, d.late, d.added_at from agenda_item_document d
                join agenda_item i on i.id = d.item_id where i.meeting_id = ? order by d.position""",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getBoolean(3), rs.getTimestamp(4).toInstant()}, meeting.getId());
        if (rows.isEmpty()) {
            return result;
        }
        // One look-up for all papers; deleted (in the trash) or unreadable ones are not shown on the agenda.
        Map<DocumentId, DocumentSummary> documents;
        try {
            documents = this.documents.summaries(meeting.spaceId(),
                    rows.stream().map(r -> new DocumentId((UUID) r[1])).toList());
        } catch (SpaceNotFoundException e) {
            return result;
        }
        for (Object[] row : rows) {
            DocumentSummary document = documents.get(new DocumentId((UUID) row[1]));
            if (document != null) {
                result.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new AgendaItemView.Attachment(
                        document.id(), document.name(), document.mediaType(), (Boolean) row[2], (Instant) row[3],
                        document.currentVersion(), document.currentVersionId()));
            }
        }
        return result;
    }

    private static AgendaItemView itemView(AgendaItemEntity item, String number, int depth, Instant startsAt,
            Map<UUID, List<AgendaItemView.Attachment>> attachments) {
        return new AgendaItemView(item.itemId(), item.getParentId() == null ? null
                : new AgendaItemId(item.getParentId()), number, depth, item.getTitle(), item.getPurpose(),
                item.getPresenter(), item.getMinutes(), startsAt, item.getDescription(), item.isStanding(),
                attachments.getOrDefault(item.getId(), List.of()), item.getRole());
    }

    private static List<AgendaItemEntity> children(List<AgendaItemEntity> all, @Nullable UUID parent) {
        List<AgendaItemEntity> list = new ArrayList<>(all.stream()
                .filter(i -> Objects.equals(i.getParentId(), parent)).toList());
        list.sort(Comparator.comparingInt(AgendaItemEntity::getPosition));
        return list;
    }

    private static void renumber(List<AgendaItemEntity> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setPosition(i);
        }
    }

    private static AgendaItemEntity find(List<AgendaItemEntity> all, UUID id) {
        return all.stream().filter(i -> i.getId().equals(id)).findFirst()
                .orElseThrow(MeetingNotFoundException::new);
    }

    private static ItemDraft check(ItemDraft draft) {
        String title = Texts.name("title", draft.title(), 200);
        if (draft.minutes() < 0 || draft.minutes() > 600) {
            throw new FieldException("minutes", "meetings.error.minutes");
        }
        return new ItemDraft(title, draft.purpose(), Texts.optional("presenter", draft.presenter(), 200),
                draft.minutes(), Texts.plainText("description", draft.description(), 4000));
    }
}
