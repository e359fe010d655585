package nl.tafel.meetings;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.tafel.meetings.internal.AgendaPackBuilder;
import nl.tafel.meetings.internal.MeetingAccess;
import nl.tafel.meetings.internal.MeetingEntity;
import nl.tafel.meetings.internal.MeetingRepository;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentContent;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.Reading;
import nl.tafel.spaces.VersionId;
import nl.tafel.spaces.StoredDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda pack ("vergaderpakket"): one PDF of the agenda and all its papers, built in the background (the person
 * may leave the page), stored as a versioned document in the meeting's folder of the space. Each rebuild is the
 * next version; from version 2 on it starts with a page of what changed.
 * <p>Just over 500 lines: gathering, building, storing and the change page of one pack belong together.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AgendaPackService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgendaPackService.class);
    private static final Locale PACK_LANGUAGE = Locale.forLanguageTag("nl");

    /** Where a pack stands. */
    public enum State {
        NONE, QUEUED, BUILDING, READY, FAILED;

        public String translationKey() {
            return "packState." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Where the pack stands. {@code staleSince}: the agenda changed after this version was built (the pack is
     * "verouderd"); {@code rebuildAt}: when the next version will be built by itself.
     */
    public record PackStatus(State state, int progress, int version, @Nullable DocumentId documentId,
            @Nullable Instant builtAt, @Nullable String message, @Nullable Instant staleSince,
            @Nullable Instant rebuildAt) {

        public boolean stale() {
            return staleSince != null;
        }
    }

    private final MeetingRepository meetings;
    private final MeetingAccess access;
    private final AgendaService agenda;
    private final DocumentService documents;
    private final JdbcTemplate jdbc;
    private final I18NProvider i18n;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final org.springframework.beans.factory.ObjectProvider<OpenActions> openActions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tafel-agenda-pack");
        thread.setDaemon(true);
        return thread;
    });

    AgendaPackService(MeetingRepository meetings, MeetingAccess access, AgendaService agenda,
            DocumentService documents, JdbcTemplate jdbc, I18NProvider i18n, Clock clock,
            PlatformTransactionManager transactionManager,
            org.springframework.beans.factory.ObjectProvider<OpenActions> openActions) {
        this.openActions = openActions;
        this.meetings = meetings;
        this.access = access;
        this.agenda = agenda;
        this.documents = documents;
        this.jdbc = jdbc;
        this.i18n = i18n;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    public PackStatus status(MeetingId id) {
        MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requireVisible(meeting);
        return row(id);
    }

    /** The pack's row as it stands, for someone whose access was checked. */
    private PackStatus row(MeetingId id) {
        List<PackStatus> rows = jdbc.query("""
                select status, progress, pack_version, document_id, built_at, message, stale_since, rebuild_after
                from agenda_pack where meeting_id = ?""", (rs, n) -> new PackStatus(State.valueOf(rs.getString(1)),
                rs.getInt(2), rs.getInt(3),
                rs.getObject(4, UUID.class) == null ? null : new DocumentId(rs.getObject(4, UUID.class)),
                instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8))), id.value());
        return rows.isEmpty() ? new PackStatus(State.NONE, 0, 0, null, null, null, null, null) : rows.getFirst();
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Starts building the pack in the background, as the person who asked (their access applies). */
    public void build(MeetingId id) {
        MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        // Claimed only when no build is queued or running (a row that is not there yet, or a finished one).
        jdbc.update("insert ignore into agenda_pack (meeting_id, status, progress) values (?, 'NONE', 0)",
                id.value());
        int claimed = jdbc.update("""
                update agenda_pack set status = 'QUEUED', progress = 0, requested_by = ?, message = null,
                rebuild_after = null where meeting_id = ? and status not in ('QUEUED', 'BUILDING')""",
                CurrentUser.requirePersonId().value(), id.value());
        if (claimed == 0) {
            throw new TafelException("pack.error.busy");
        }
        new DelegatingSecurityContextExecutorService(worker).submit(() -> {
            progress(id, State.BUILDING, 1, null);
            run(id);
        });
    }

    /** Builds the pack now, in this thread; the background job and tests use it. */
    public PackStatus buildNow(MeetingId id) {
        // checked and marked as building in one transaction
        writing.executeWithoutResult(tx -> {
            access.requirePlanner(meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new));
            jdbc.update("""
                    insert into agenda_pack (meeting_id, status, progress, requested_by) values (?, 'BUILDING', 1, ?)
                    on duplicate key update status = 'BUILDING', progress = 1, message = null, rebuild_after = null""",
                    id.value(), CurrentUser.requirePersonId().value());
        });
        run(id);
        return row(id);
    }

    /**
     * Builds the next version of a stale pack whose rebuild is due at {@code now}, in this thread, unless someone
     * rebuilt it meanwhile or it is being built. Returns whether it was built.
     */
    public boolean rebuildIfDue(MeetingId id, Instant now) {
        Boolean claimed = writing.execute(tx -> {
            access.requirePlanner(meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new));
            return jdbc.update("""
                    update agenda_pack set status = 'BUILDING', progress = 1, message = null, rebuild_after = null
                    where meeting_id = ? and rebuild_after <= ? and status not in ('QUEUED', 'BUILDING')""",
                    id.value(), Timestamp.from(now)) == 1;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return false;
        }
        run(id);
        return true;
    }

    private void run(MeetingId id) {
        List<Path> temporary = new ArrayList<>();
        long started = System.nanoTime();
        try {
            // What the pack is made of, read in one read-only transaction: the meeting, its space and the person's
            // access are looked up once, not again by every service asked.
            Gathered gathered = Objects.requireNonNull(readOnly.execute(tx -> gather(id)));
            PackMeeting meeting = gathered.meeting();
            List<AgendaPackBuilder.Section> sections = new ArrayList<>();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
            for (AgendaItemView item : gathered.items()) {
                List<AgendaPackBuilder.Paper> papers = new ArrayList<>();
                for (AgendaItemView.Attachment attachment : item.documents()) {
                    papers.add(paper(attachment, gathered, temporary));
                }
                sections.add(new AgendaPackBuilder.Section(item.number(),
                        time.format(item.startsAt().atZone(MeetingService.ZONE)), item.title(),
                        text(item.purpose().translationKey()), item.presenter(), papers, item.description()));
            }
            long papersReady = System.nanoTime();
            // the pack's version is the version its document will get: one more than the last one stored
            int version = gathered.previousVersion() + 1;
            String previousManifest = gathered.previousManifest();
            var start = meeting.startsAt().atZone(MeetingService.ZONE);
            String date = DateTimeFormatter.ofPattern("dd-MM-yyyy").format(start);
            String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", PACK_LANGUAGE).format(start) + ", "
                    + time.format(start) + "–" + time.format(meeting.endsAt().atZone(MeetingService.ZONE));
            String where = text(meeting.form().translationKey())
                    + (meeting.location() == null ? "" : " · " + meeting.location());
            AgendaPackBuilder builder = new AgendaPackBuilder((key, args) -> i18n.getTranslation(key, PACK_LANGUAGE,
                    args));
            Path target = Files.createTempFile("tafel-pack", ".pdf");
            temporary.add(target);
            List<String> changes = version > 1 ? changes(previousManifest, sections) : List.of();
            AgendaPackBuilder.Input input = new AgendaPackBuilder.Input(meeting.spaceName(),
                    shortName(meeting.spaceName()), meeting.title(), when, where, date, version,
                    DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(clock.instant().atZone(MeetingService.ZONE)),
                    sections, changes, annexes(gathered));
            AgendaPackBuilder.Output output = builder.build(input, target, everyQuarterSecond(id));
            long built = System.nanoTime();
            String name = ("Vergaderpakket " + DateTimeFormatter.ISO_LOCAL_DATE.format(start) + " " + meeting.title())
                    .transform(DocumentNames::withoutForbiddenCharacters) + ".pdf";
            StoredDocument stored = store(id, output.file(), name, gathered.previousPack());
            jdbc.update("""
                    update agenda_pack set status = 'READY', progress = 100, pack_version = ?, document_id = ?,
                    document_name = ?, built_at = ?, manifest = ?, message = null,
                    stale_since = if(rebuild_after is null, null, stale_since) where meeting_id = ?""",
                    stored.versionNumber(), stored.documentId().value(), name, Timestamp.from(clock.instant()),
                    String.join("\n", output.manifest()), id.value());
            long end = System.nanoTime();
            log.info("Agenda pack v{} of meeting {}: {} pages in {} ms (papers {} ms, PDF {} ms, storing {} ms)",
                    stored.versionNumber(), id, output.pages(), (end - started) / 1_000_000,
                    (papersReady - started) / 1_000_000, (built - papersReady) / 1_000_000,
                    (end - built) / 1_000_000);
        } catch (TafelException e) {
            progress(id, State.FAILED, 0, e.messageKey());
        } catch (IOException | RuntimeException e) {
            log.warn("Agenda pack of meeting {} failed", id, e);
            progress(id, State.FAILED, 0, "pack.error.unexpected");
        } finally {
            temporary.forEach(AgendaPackService::delete);
        }
    }

    /** The open actions under the "Actielijst" item (by its role), as an annex after the agenda. */
    private List<AgendaPackBuilder.Annex> annexes(Gathered gathered) {
        List<AgendaPackBuilder.Annex> annexes = new ArrayList<>();
        for (AgendaItemView item : gathered.items()) {
            if (!item.is(ItemRole.ACTIONS)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            DateTimeFormatter day = DateTimeFormatter.ofPattern("dd-MM-yyyy");
            for (OpenActions.OpenAction a : gathered.actions()) {
                lines.add(a.number() + "  " + a.text());
                lines.add("      " + a.owners() + " · " + (a.due() == null ? text("pack.actions.noDue")
                        : text("pack.actions.due", day.format(a.due()))) + " · " + text(a.statusKey()));
                if (a.lastNote() != null && !a.lastNote().isBlank()) {
                    lines.add("      " + text("pack.actions.lastNote", a.lastNote().strip().replaceAll("\\s+", " ")));
                }
            }
            if (lines.isEmpty()) {
                continue; // no page to say there is nothing
            }
            String title = text("pack.actions.title", item.number(), item.title());
            annexes.add(new AgendaPackBuilder.Annex(title, title, lines));
        }
        return annexes;
    }

    /** The meeting as the pack shows it. */
    private record PackMeeting(SpaceId spaceId, String spaceName, String title, Instant startsAt, Instant endsAt,
            MeetingForm form, @Nullable String location) {
    }

    /** The document the last pack was stored as, and the name it was stored under. */
    private record StoredPack(DocumentId id, String name) {
    }

    /** What a build reads from the database before it starts on the PDF. */
    private record Gathered(PackMeeting meeting, List<AgendaItemView> items, Map<String, Reading> readings,
            Map<VersionId, DocumentContent> pdfs, int previousVersion, @Nullable String previousManifest,
            @Nullable StoredPack previousPack, List<OpenActions.OpenAction> actions) {

        Reading reading(AgendaItemView.Attachment attachment) {
            return readings.get(attachment.mediaType());
        }
    }

    /**
     * Stores the pack as the next version of the previous pack's document while the pack's name is the same (the
     * meeting's date and title did not change), wherever someone may have moved that document; otherwise, or when it
     * is in the trash, as a document in the meeting's folder (a new one, or the next version of one of that name).
     */
    private StoredDocument store(MeetingId id, Path file, String name, @Nullable StoredPack previous)
            throws IOException {
        if (previous != null && previous.name().equals(name)) {
            try (InputStream in = Files.newInputStream(file)) {
                return documents.uploadVersion(previous.id(), name, in, Files.size(file));
            } catch (SpaceNotFoundException e) {
                // put in the trash meanwhile: stored in the meeting's folder below
            }
        }
        FolderId folder = agenda.meetingFolder(id);
        try (InputStream in = Files.newInputStream(file)) {
            return documents.upload(folder, name, in, Files.size(file));
        }
    }

    private Gathered gather(MeetingId id) {
        MeetingEntity entity = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        SpaceDetails space = access.requireVisible(entity);
        PackMeeting meeting = new PackMeeting(space.id(), space.name(), entity.getTitle(), entity.getStartsAt(),
                entity.getEndsAt(), entity.getForm(), entity.getLocation());
        List<AgendaItemView> items = agenda.agenda(id);
        Map<String, Reading> readings = new HashMap<>();
        items.stream().flatMap(i -> i.documents().stream()).map(AgendaItemView.Attachment::mediaType).distinct()
                .forEach(type -> readings.put(type, documents.reading(type)));
        // the PDF papers' content in one go (one access check), rather than one look-up per paper
        Map<VersionId, DocumentContent> pdfs = documents.contents(meeting.spaceId(), items.stream()
                .flatMap(i -> i.documents().stream())
                .filter(a -> readings.get(a.mediaType()) == Reading.PDF)
                .map(AgendaItemView.Attachment::versionId).toList());
        List<OpenActions.OpenAction> actions = items.stream().anyMatch(i -> i.is(ItemRole.ACTIONS))
                ? openActions.orderedStream().flatMap(o -> o.of(id).stream()).toList() : List.of();
        return jdbc.query("""
                select pack_version, manifest, document_id, document_name from agenda_pack where meeting_id = ?""",
                (rs, n) -> new Gathered(meeting, items, readings, pdfs, rs.getInt(1), rs.getString(2),
                        rs.getObject(3, UUID.class) == null || rs.getString(4) == null ? null
                                : new StoredPack(new DocumentId(rs.getObject(3, UUID.class)), rs.getString(4)),
                        actions),
                id.value())
                .stream().findFirst().orElse(new Gathered(meeting, items, readings, pdfs, 0, null, null, actions));
    }

    private AgendaPackBuilder.Paper paper(AgendaItemView.Attachment attachment, Gathered gathered,
            List<Path> temporary) throws IOException {
        String label = attachment.name() + " (v" + attachment.version() + ")";
        String id = attachment.documentId().value().toString();
        Reading reading = gathered.reading(attachment);
        Optional<DocumentContent> pdf;
        if (reading == Reading.PDF) {
            pdf = Optional.ofNullable(gathered.pdfs().get(attachment.versionId()));
            if (pdf.isEmpty()) {
                return new AgendaPackBuilder.Paper(label, null, "pack.gone", id, attachment.version());
            }
        } else if (reading == Reading.CONVERTED_PDF) {
            pdf = documents.readableCopy(attachment.versionId());
            if (pdf.isEmpty()) {
                return new AgendaPackBuilder.Paper(label, null, "pack.notConverted", id, attachment.version());
            }
        } else {
            return new AgendaPackBuilder.Paper(label, null,
                    reading == Reading.CONVERTER_MISSING ? "pack.noConverter" : "pack.notPdf", id,
                    attachment.version());
        }
        Optional<Path> onDisk = pdf.get().file();
        if (onDisk.isPresent()) {
            // read where it is stored: the builder only reads it
            return new AgendaPackBuilder.Paper(label, onDisk.get(), null, id, attachment.version());
        }
        Path file = Files.createTempFile("tafel-paper", ".pdf");
        temporary.add(file);
        try (InputStream in = pdf.get().open()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return new AgendaPackBuilder.Paper(label, file, null, id, attachment.version());
    }

    /** A paper in a pack's manifest: which document and version, under which item. */
    private record Entry(String id, String version, String number, String title, String name) {

        String line() {
            return number + " " + title + ": " + name;
        }
    }

    /**
     * What differs from the previous pack, paper by paper, by identity (the document), not by the number of its item:
     * a paper whose item was renumbered is "verplaatst", a new version is "nieuwe versie", and only papers that came
     * or went are "nieuw" or "vervallen". Manifests written before papers had an identity are compared by their lines.
     */
    private List<String> changes(@Nullable String previousManifest, List<AgendaPackBuilder.Section> sections) {
        List<String> before = previousManifest == null || previousManifest.isBlank() ? List.of()
                : List.of(previousManifest.split("\n"));
        Map<String, Entry> previous = new java.util.LinkedHashMap<>();
        Set<String> legacy = new LinkedHashSet<>();
        for (String line : before) {
            String[] f = line.split(AgendaPackBuilder.FIELD, -1);
            if (f.length >= 5) {
                put(previous, new Entry(f[0], f[1], f[2], f[3], f[4]));
            } else {
                legacy.add(line.replaceAll(" \\(\\d+ blz\\.\\)$", ""));
            }
        }
        Map<String, Entry> now = new java.util.LinkedHashMap<>();
        for (AgendaPackBuilder.Section s : sections) {
            for (AgendaPackBuilder.Paper p : s.papers()) {
                if (p.id() != null) {
                    put(now, new Entry(p.id(), String.valueOf(p.version()), s.number(), s.title(), p.name()));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Entry> e : now.entrySet()) {
            Entry was = previous.get(e.getKey());
            Entry is = e.getValue();
            if (was == null) {
                if (!legacy.contains(is.line())) {
                    lines.add(text("pack.change.added", is.line()));
                }
            } else if (!was.version().equals(is.version())) {
                lines.add(text("pack.change.newVersion", is.line()));
            } else if (!was.number().equals(is.number()) || !was.title().equals(is.title())) {
                lines.add(text("pack.change.moved", is.line(), was.number()));
            }
        }
        for (Map.Entry<String, Entry> e : previous.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                lines.add(text("pack.change.removed", e.getValue().line()));
            }
        }
        Set<String> nowLines = new LinkedHashSet<>();
        now.values().forEach(e -> nowLines.add(e.line()));
        for (String line : legacy) {
            if (!nowLines.contains(line)) {
                lines.add(text("pack.change.removed", line));
            }
        }
        return lines;
    }

    /** A document on two items of one agenda is two papers. */
    private static void put(Map<String, Entry> entries, Entry entry) {
        String key = entry.id();
        for (int n = 2; entries.containsKey(key); n++) {
            key = entry.id() + "#" + n;
        }
        entries.put(key, entry);
    }

    /** Progress for the page that shows it: written at most four times a second, not once per paper. */
    private java.util.function.IntConsumer everyQuarterSecond(MeetingId id) {
        long[] last = {System.nanoTime()};
        return percent -> {
            long now = System.nanoTime();
            if (now - last[0] >= 250_000_000L) {
                last[0] = now;
                progress(id, State.BUILDING, Math.max(1, percent), null);
            }
        };
    }

    private void progress(MeetingId id, State state, int percent, @Nullable String message) {
        jdbc.update("update agenda_pack set status = ?, progress = ?, message = ? where meeting_id = ?",
                state.name(), percent, message, id.value());
    }

    private String text(String key, Object... args) {
        return i18n.getTranslation(key, PACK_LANGUAGE, args);
    }

    /** "Bestuur Ondernemend Leiden" → "Bestuur OL": the first word and the initials of the rest. */
    static String shortName(String spaceName) {
        String[] words = spaceName.trim().split("\\s+");
        if (words.length <= 2) {
            return spaceName;
        }
        StringBuilder result = new StringBuilder(words[0]).append(' ');
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))) {
                result.append(words[i].charAt(0));
            }
        }
        return result.toString().trim();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not remove {}", file, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
