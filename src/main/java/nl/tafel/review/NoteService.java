package nl.tafel.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.review.internal.NoteEntity;
import nl.tafel.review.internal.NoteRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.DocumentSummary;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.VersionId;
import nl.tafel.spaces.VersionInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on documents, per page. A note is its author's alone: nobody else sees it, administrators neither, unless
 * the author shares it with the space (then everyone who may read the document sees it). Notes stay across new
 * versions (marked as made on an earlier version) and outlive their document ("mijn notities").
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NoteService {

    static final int MAX_LENGTH = 4000;

    private final NoteRepository notes;
    private final DocumentService documents;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final Clock clock;

    NoteService(NoteRepository notes, DocumentService documents, SpaceService spaces, PeopleDirectory people,
            Clock clock) {
        this.notes = notes;
        this.documents = documents;
        this.spaces = spaces;
        this.people = people;
        this.clock = clock;
    }

    /** The person's own notes on a document (every version) and those others shared, oldest first. */
    @Transactional(readOnly = true)
    public List<Note> notes(DocumentId id) {
        DocumentDetails document = documents.document(id);
        PersonId me = CurrentUser.requirePersonId();
        List<NoteEntity> found = notes.visibleOn(id.value(), me.value());
        Map<PersonId, PersonName> names = people.names(found.stream().map(NoteEntity::author)
                .collect(Collectors.toSet()));
        return found.stream().map(n -> view(n, me, names, document.currentVersionId())).toList();
    }

    /** Adds a note to the version the person has open, at a page (or on the document as a whole). */
    @Transactional
    public Note add(DocumentId id, VersionId version, @Nullable Integer page, @Nullable String text,
            boolean shared) {
        DocumentDetails document = documents.document(id);
        VersionInfo info = documents.versions(id).stream().filter(v -> v.id().equals(version)).findFirst()
                .orElseThrow(SpaceNotFoundException::new);
        if (page != null && page < 1) {
            throw new nl.tafel.shared.FieldException("page", "review.error.page");
        }
        String body = body(text);
        PersonId me = CurrentUser.requirePersonId();
        NoteEntity note = notes.save(new NoteEntity(me, document.space().id(), id, version, info.number(),
                document.name(), page, body, shared, clock.instant()));
        return view(note, me, people.names(Set.of(me)), document.currentVersionId());
    }

    /** Changes the text of one of the person's own notes, or whether it is shared. */
    @Transactional
    public void update(long noteId, @Nullable String text, boolean shared, long version) {
        NoteEntity note = own(noteId);
        if (note.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        note.change(body(text), shared, clock.instant());
    }

    /** Deletes one of the person's own notes. */
    @Transactional
    public void delete(long noteId, long version) {
        NoteEntity note = own(noteId);
        if (note.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        notes.delete(note);
    }

    /** Every note of the person, newest first, also on documents that were deleted since. */
    @Transactional(readOnly = true)
    public List<MyNote> mine() {
        PersonId me = CurrentUser.requirePersonId();
        List<NoteEntity> all = notes.byAuthor(me.value());
        Map<SpaceId, Map<DocumentId, DocumentSummary>> live = new HashMap<>();
        Map<SpaceId, String> spaceNames = new HashMap<>();
        for (SpaceId space : all.stream().map(NoteEntity::spaceId).collect(Collectors.toSet())) {
            try {
                spaceNames.put(space, spaces.get(space).name());
                live.put(space, documents.summaries(space, all.stream().filter(n -> n.spaceId().equals(space))
                        .map(NoteEntity::documentId).collect(Collectors.toSet())));
            } catch (SpaceNotFoundException e) {
                live.put(space, Map.of());
            }
        }
        List<MyNote> result = new ArrayList<>();
        for (NoteEntity n : all) {
            DocumentSummary summary = live.get(n.spaceId()).get(n.documentId());
            result.add(new MyNote(n.id(), n.documentId(), summary == null ? n.getDocumentName() : summary.name(),
                    spaceNames.getOrDefault(n.spaceId(), ""), n.getVersionNumber(), n.getPage(), n.getBody(),
                    n.isShared(), n.getUpdatedAt(), summary == null,
                    summary != null && !summary.currentVersionId().equals(n.versionId()), n.getVersion()));
        }
        return result;
    }

    /** One of the person's own notes; anyone else's note does not exist for them. */
    private NoteEntity own(long noteId) {
        PersonId me = CurrentUser.requirePersonId();
        return notes.findById(noteId).filter(n -> n.author().equals(me))
                .orElseThrow(() -> new TafelException("review.error.noteGone"));
    }

    private static String body(@Nullable String text) {
        String body = Texts.plainText("note", text, MAX_LENGTH);
        if (body == null) {
            throw new nl.tafel.shared.FieldException("note", "review.error.emptyNote");
        }
        return body;
    }

    private static Note view(NoteEntity n, PersonId me, Map<PersonId, PersonName> names, VersionId current) {
        PersonName author = names.get(n.author());
        return new Note(n.id(), n.documentId(), n.versionId(), n.getVersionNumber(), n.getPage(), n.getBody(),
                n.isShared(), n.author().equals(me), author == null ? "?" : author.fullName(), n.getCreatedAt(),
                n.getUpdatedAt(), !n.versionId().equals(current), n.getVersion());
    }
}
