package nl.tafel.sharepoint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.tafel.sharepoint.internal.SyncState.Item;
import nl.tafel.sharepoint.internal.SyncState.Kind;
import nl.tafel.sharepoint.internal.SyncState.Link;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceTree;
import nl.tafel.spaces.StoredDocument;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One sync pass of a linked space: first down (SharePoint's changes since the stored deltaLink, applied only after
 * the whole round was read, then the new deltaLink stored), then up (every difference between the space and the
 * state of the last sync: new folders and files, new versions, renames, moves and deletes).
 * <p>Nothing is ever lost: a file changed on both sides is kept twice (the newest under its own name, the other as
 * a conflict copy); a delete against an edit keeps the edit; remote deletes only move documents to Tafel's trash,
 * and more than {@code largeDeleteLimit} of them in one round stop the sync. Every step is idempotent: equal content
 * (by quickXorHash) links the two sides instead of copying, so a pass cut off anywhere can simply run again.
 * <p>Runs as the system, one pass per link at a time (see {@link SyncRunner}).
 * <p>Longer than the house limit: the steps of a pass share its snapshot ({@code Pass}) and its ordering rules, and
 * the defects of issue 17 came first. Issue 20 proposes the split (delta reading, applying remote changes,
 * publishing local changes, upload transfers, the pass itself).
 */
@Component
public class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm", Locale.ROOT);

    private final GraphGateway graph;
    private final SyncState state;
    private final DocumentService documents;
    private final SharePointSettings settings;
    private final SyncAlerts alerts;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final nl.tafel.spaces.SpaceService spaces;

    SyncEngine(GraphGateway graph, SyncState state, DocumentService documents, SharePointSettings settings,
            SyncAlerts alerts, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            nl.tafel.spaces.SpaceService spaces) {
        this.events = events;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.spaces = spaces;
        this.graph = graph;
        this.state = state;
        this.documents = documents;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Named steps of a pass, for tests that "kill" the process there (an Error that unwinds without any cleanup of
     * sync state, as kill -9 would). Does nothing in production.
     */
    static volatile java.util.function.Consumer<String> step = name -> {
    };

    /** Thrown when the large-delete guard stopped the link. */
    public static class Stopped extends RuntimeException {
        Stopped(String reason) {
            super(reason);
        }
    }

    /** One pass; returns how many local changes are still waiting to go up. */
    public int run(Link given) {
        Link link = resolve(given);
        try {
            down(link);
            Link fresh = state.linkById(link.id()).orElse(null);
            return fresh == null ? 0 : up(fresh); // unlinked meanwhile: nothing more to send
        } catch (GraphFailure e) {
            // the library or the folder answers "not found" or "forbidden": when the linked folder itself is gone,
            // the link stops instead of failing (and uploading into nothing) on every pass
            if ((e.status() == 404 || e.status() == 403) && !rootReachable(link)) {
                throw rootGone(link);
            }
            throw e;
        }
    }

    /** Whether the linked folder is still there and readable. */
    boolean rootReachable(Link link) {
        try {
            return graph.item(link.driveId(), link.rootItemId()).filter(RemoteItem::folder).isPresent();
        } catch (GraphFailure e) {
            if (e.status() == 403 || e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The linked folder was deleted, moved out of the library or can no longer be read: the link stops, the
     * administrators and the space's managers hear it, and nothing is deleted in Tafel.
     */
    private Stopped rootGone(Link link) {
        log.warn("The linked SharePoint folder of space {} is gone or unreadable: the link stops", link.space());
        state.stop(link.id(), ROOT_GONE);
        alerts.stoppedBecause(state.linkById(link.id()).orElse(link), "sharepoint.alert.rootGone");
        return new Stopped(ROOT_GONE);
    }

    /** The stop reason when the linked folder is gone. */
    public static final String ROOT_GONE = "root-gone";

    // ================================================================== linking

    /** Finds the site, the library and the folder (creating the folder path when missing) once per link. */
    Link resolve(Link link) {
        if (link.driveId() != null && link.rootItemId() != null) {
            return link;
        }
        Target target = locate(link.site(), link.library(), link.folderPath(), true);
        state.resolved(link.id(), target.driveId(), target.rootItemId());
        return state.linkById(link.id()).orElseThrow();
    }

    public record Target(String driveId, String rootItemId) {
    }

    /**
     * Where a link's folder is: the drive (document library) and the ids of the folders on the way from the
     * library's top down to the linked folder, as far as they exist.
     *
     * @param chain the item ids from the library's top down; the last one is the linked folder when {@code complete}
     */
    public record Placement(String driveId, List<String> chain, boolean complete) {
    }

    /**
     * Resolves a site (as {@code host:/sites/x}), library and folder path through Graph, without creating anything.
     *
     * @throws GraphFailure with code {@code libraryNotFound}, or Graph's own when the site is not found
     */
    public Placement place(String site, String library, String folderPath) {
        int colon = site.indexOf(":/");
        if (colon <= 0) {
            throw new GraphFailure(400, "siteInvalid", site, null, null);
        }
        String siteId = graph.siteId(site.substring(0, colon), site.substring(colon + 1));
        String driveId = graph.drives(siteId).stream()
                .filter(d -> d.getName() != null && d.getName().equalsIgnoreCase(library.strip()))
                .map(d -> d.getId()).findFirst()
                .orElseThrow(() -> new GraphFailure(404, "libraryNotFound", library, null, null));
        List<String> chain = new ArrayList<>();
        chain.add(graph.itemAt(driveId, "").orElseThrow().id());
        String path = "";
        for (String part : folderPath.split("/")) {
            if (part.isBlank()) {
                continue;
            }
            path = path.isEmpty() ? part.strip() : path + "/" + part.strip();
            Optional<RemoteItem> next = graph.itemAt(driveId, path);
            if (next.isEmpty()) {
                return new Placement(driveId, chain, false);
            }
            chain.add(next.get().id());
        }
        return new Placement(driveId, chain, true);
    }

    /** The ids of a folder and every folder above it, from the library's top down (found by walking up by id). */
    public List<String> ancestry(String driveId, String itemId) {
        List<String> up = new ArrayList<>();
        String id = itemId;
        for (int i = 0; id != null && i < 64; i++) {
            Optional<RemoteItem> item = graph.item(driveId, id);
            if (item.isEmpty()) {
                break; // the folder itself gone: an empty ancestry
            }
            up.addFirst(id);
            id = item.get().parentId();
        }
        return up;
    }

    /**
     * Finds the library and folder of a link; with {@code create}, missing folders on the way are made.
     *
     * @throws GraphFailure with code {@code libraryNotFound} or {@code folderNotFound}
     */
    public Target locate(String site, String library, String folderPath, boolean create) {
        Placement placement = place(site, library, folderPath);
        String driveId = placement.driveId();
        if (placement.complete()) {
            return new Target(driveId, placement.chain().getLast());
        }
        List<String> parts = new ArrayList<>();
        for (String part : folderPath.split("/")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        String here = placement.chain().getLast();
        for (int i = placement.chain().size() - 1; i < parts.size(); i++) {
            if (!create) {
                throw new GraphFailure(404, "folderNotFound", String.join("/", parts.subList(0, i + 1)), null, null);
            }
            here = graph.createFolder(driveId, here, parts.get(i)).id();
        }
        return new Target(driveId, here);
    }

    // ================================================================== down

    void down(Link link) {
        Map<String, RemoteItem> changes = new LinkedHashMap<>();
        String next = link.deltaLink();
        boolean full = next == null;
        boolean resynced = false;
        String deltaLink;
        while (true) {
            GraphGateway.DeltaPage page;
            try {
                page = graph.delta(link.driveId(), next);
            } catch (GraphFailure e) {
                if (e.status() == 410 && !resynced) {
                    // the token expired: enumerate everything again; nothing local is changed before the round ends
                    log.info("Delta token of link {} expired: resync", link.id());
                    resynced = true;
                    full = true;
                    changes.clear();
                    next = null;
                    continue;
                }
                throw e;
            }
            for (RemoteItem item : page.items()) {
                changes.remove(item.id());
                changes.put(item.id(), item);
            }
            if (page.nextLink() != null) {
                next = page.nextLink();
            } else {
                deltaLink = page.deltaLink();
                break;
            }
        }
        // items that failed in an earlier round are fetched again by id: their change is not in this delta
        for (SyncState.Problem problem : state.problems(link.id())) {
            if (problem.itemKey().startsWith("restored:")
                    && problem.seenAt().isBefore(clock.instant().minus(java.time.Duration.ofDays(7)))) {
                state.clearProblem(link.id(), problem.itemKey()); // told for a week: enough
            }
            if (problem.itemKey().startsWith("remote:")) {
                String id = problem.itemKey().substring("remote:".length());
                if (!changes.containsKey(id)) {
                    graph.item(link.driveId(), id).ifPresentOrElse(r -> changes.put(id, r),
                            () -> state.clearProblem(link.id(), problem.itemKey()));
                }
            }
        }
        int arrived = apply(link, new ArrayList<>(changes.values()), full);
        step.accept("applied");
        if (arrived > 0) {
            // one summary for the round (the per-file events carry the sync as author and tell no one)
            String spaceName = spaces.get(link.space()).name();
            transactions.executeWithoutResult(status -> events.publishEvent(new nl.tafel.sharepoint.DocumentsSynced(
                    link.space(), spaceName, arrived, UUID.randomUUID().toString())));
        }
        state.deltaLink(link.id(), deltaLink);
    }

    private final class Pass {
        final Link link;
        final SpaceTree tree;
        final Map<UUID, SpaceTree.Folder> folders = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<UUID, SpaceTree.Document> docs = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, Item> byRemote = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<UUID, Item> byLocal = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, SyncState.Problem> problems = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();

        Pass(Link link) {
            this.link = link;
            this.tree = documents.tree(link.space());
            tree.folders().forEach(f -> folders.put(f.id().value(), f));
            tree.documents().forEach(d -> docs.put(d.id().value(), d));
            for (Item item : state.items(link.id())) {
                byRemote.put(item.remoteId, item);
                byLocal.put(item.localId, item);
            }
            state.problems(link.id()).forEach(p -> problems.put(p.itemKey(), p));
        }

        synchronized void save(Item item) {
            state.save(item);
            byRemote.values().removeIf(i -> i.id.equals(item.id));
            byLocal.values().removeIf(i -> i.id.equals(item.id));
            byRemote.put(item.remoteId, item);
            byLocal.put(item.localId, item);
        }

        synchronized void forget(Item item) {
            state.deleteItem(item.id);
            byRemote.remove(item.remoteId);
            byLocal.remove(item.localId);
        }

        /**
         * The local folder for a remote folder id: the space's root, or a synced folder. A synced folder deleted here
         * while something in it changed there comes back from the trash: the remote change wins over the delete.
         */
        @Nullable FolderId localFolder(@Nullable String remoteId) {
            if (remoteId == null) {
                return null;
            }
            if (remoteId.equals(link.rootItemId())) {
                return tree.root();
            }
            Item item = byRemote.get(remoteId);
            if (item == null || item.kind != Kind.FOLDER) {
                return null;
            }
            if (!folders.containsKey(item.localId)) {
                try {
                    documents.restore(nl.tafel.spaces.FolderItem.Kind.FOLDER, item.localId);
                } catch (TafelException e) {
                    return null; // purged, or not in the trash: the parent is missing
                }
                SpaceTree now = documents.tree(link.space());
                now.folders().forEach(f -> folders.putIfAbsent(f.id().value(), f));
                now.documents().forEach(d -> docs.putIfAbsent(d.id().value(), d));
                var restored = documents.folder(new FolderId(item.localId));
                FolderId parent = restored.path().isEmpty() ? tree.root()
                        : restored.path().getLast().id();
                folders.put(item.localId, new SpaceTree.Folder(restored.id(), parent, restored.name(),
                        restored.version()));
                item.localName = restored.name();
                item.localParentId = parent.value();
                save(item);
                // not without a word: the managers see that a delete here was undone by an edit there
                state.problem(link.id(), "restored:" + item.localId, restored.name(),
                        "sharepoint.problem.folderRestored", List.of(restored.name()), null, clock.instant());
            }
            return new FolderId(item.localId);
        }

        /** The remote folder for a local folder: the link's folder, or a synced folder. */
        @Nullable String remoteFolder(@Nullable FolderId local) {
            if (local == null) {
                return null;
            }
            if (local.equals(tree.root())) {
                return link.rootItemId();
            }
            Item item = byLocal.get(local.value());
            return item == null ? null : item.remoteId;
        }

        boolean localChanged(SpaceTree.Document doc, Item item) {
            return !doc.currentVersion().value().equals(item.syncedVersionId)
                    && !doc.sha256().equals(item.syncedSha256);
        }
    }

    /** Applies a round's remote changes; returns how many documents came down (new, new versions, copies). */
    private int apply(Link link, List<RemoteItem> changes, boolean full) {
        Pass pass = new Pass(link);
        Map<String, RemoteItem> live = new HashMap<>();
        for (RemoteItem item : changes) {
            if (!item.deleted()) {
                live.put(item.id(), item);
            }
        }
        // which remote items lie under the linked folder (tracked by id: delta gives no paths)
        Map<String, Boolean> scope = new HashMap<>();
        List<RemoteItem> inScope = new ArrayList<>();
        for (RemoteItem item : live.values()) {
            if (!item.id().equals(link.rootItemId()) && under(item.id(), live, pass, scope, 0)) {
                inScope.add(item);
            }
        }
        List<Item> deletes = new ArrayList<>();
        for (RemoteItem item : changes) {
            Item known = pass.byRemote.get(item.id());
            if (known != null && (item.deleted() || !live.containsKey(item.id())
                    || !scope.getOrDefault(item.id(), false))) {
                deletes.add(known);
            }
        }
        if (full) {
            // a whole enumeration has no delete entries: what it does not list is gone
            for (Item known : pass.byRemote.values()) {
                if (!live.containsKey(known.remoteId) && !deletes.contains(known)) {
                    deletes.add(known);
                }
            }
        }
        // the linked folder itself deleted or moved out of the library: stop before anything is applied
        boolean rootListed = changes.stream().anyMatch(i -> i.id().equals(link.rootItemId()) && !i.deleted());
        boolean rootDeleted = changes.stream().anyMatch(i -> i.id().equals(link.rootItemId()) && i.deleted());
        if ((rootDeleted || full && !rootListed) && !rootReachable(link)) {
            throw rootGone(link);
        }
        int limit = guardLimit(pass.byRemote.size());
        if (deletes.size() > limit && deletes.size() > link.allowDeletes()) {
            String reason = "large-delete guard: " + deletes.size() + " remote deletes in one round (limit "
                    + limit + ")";
            state.stop(link.id(), reason);
            alerts.stopped(link, deletes.size(), limit);
            throw new Stopped(reason);
        }
        // file deletes first (a name deleted and used again in one round must not land in the old document),
        // then folders top-down, then files, and folder deletes last (after files moved out of them)
        for (Item item : deletes) {
            if (item.kind == Kind.FILE) {
                applyDelete(pass, item);
            }
        }
        inScope.sort(Comparator.comparingInt((RemoteItem i) -> depth(i.id(), live, pass, 0)));
        for (RemoteItem item : inScope) {
            if (item.folder()) {
                guarded(pass, item, () -> applyFolder(pass, item));
            }
        }
        for (RemoteItem item : inScope) {
            if (!item.folder()) {
                guarded(pass, item, () -> applyFile(pass, item));
            }
        }
        for (Item item : deletes) {
            if (item.kind == Kind.FOLDER) {
                applyDelete(pass, item);
            }
        }
        if (link.allowDeletes() > 0) {
            state.allowDeletes(link.id(), 0);
        }
        return pass.arrived.get();
    }

    /**
     * How many remote deletes one round may bring: the configured limit, or half of what the space has synced when
     * that is smaller (but always a few, so that a small space can delete a file or two).
     */
    int guardLimit(int synced) {
        return Math.min(settings.largeDeleteLimit(), Math.max(MIN_GUARD, synced / 2));
    }

    private static final int MIN_GUARD = 2;

    private boolean under(String id, Map<String, RemoteItem> live, Pass pass, Map<String, Boolean> scope, int depth) {
        Boolean known = scope.get(id);
        if (known != null) {
            return known;
        }
        boolean result;
        if (id.equals(pass.link.rootItemId())) {
            result = true;
        } else if (depth > 64) {
            result = false;
        } else {
            RemoteItem item = live.get(id);
            String parent = item != null ? item.parentId()
                    : pass.byRemote.containsKey(id) ? pass.byRemote.get(id).remoteParentId : null;
            result = parent != null && under(parent, live, pass, scope, depth + 1);
        }
        scope.put(id, result);
        return result;
    }

    private int depth(String id, Map<String, RemoteItem> live, Pass pass, int depth) {
        if (id.equals(pass.link.rootItemId()) || depth > 64) {
            return depth;
        }
        RemoteItem item = live.get(id);
        String parent = item != null ? item.parentId()
                : pass.byRemote.containsKey(id) ? pass.byRemote.get(id).remoteParentId : null;
        return parent == null ? depth : depth(parent, live, pass, depth + 1);
    }

    /**
     * Runs one item's work; a problem with that item is recorded and the round goes on. An item refused in a way
     * that cannot succeed as it is (a type or name Tafel refuses) is not fetched or tried again until its eTag
     * changes.
     */
    private void guarded(Pass pass, RemoteItem item, Runnable work) {
        Link link = pass.link;
        String key = "remote:" + item.id();
        SyncState.Problem known = pass.problems.get(key);
        if (known != null && known.fingerprint() != null && known.fingerprint().equals(item.eTag())) {
            return; // refused before, unchanged since
        }
        try {
            work.run();
            if (known != null) {
                state.clearProblem(link.id(), key);
            }
        } catch (Throttled | Stopped e) {
            throw e;
        } catch (GraphFailure e) {
            if (e.status() == 0 || e.status() >= 500 || e.status() == 401) {
                throw e; // the connection or the sign-in: the whole pass tries again later
            }
            // this one item (403, 404, 423...): recorded, fetched again by id on the next pass
            record(pass, key, String.valueOf(item.name()), e, item.eTag());
        } catch (RuntimeException e) {
            record(pass, key, String.valueOf(item.name()), e, item.eTag());
        }
    }

    /** Why an item was not synced, as a translation key with arguments; raw texts go to the log only. */
    record Reason(String key, List<Object> arguments, boolean lasting) {
    }

    /** Records an item's problem; returns whether it lasts until the item changes (it is then not "waiting"). */
    private boolean record(Pass pass, String key, String name, RuntimeException e, @Nullable String fingerprint) {
        Reason reason = reason(e, name);
        state.problem(pass.link.id(), key, name, reason.key(), reason.arguments(),
                reason.lasting() ? fingerprint : null, clock.instant());
        return reason.lasting() && fingerprint != null;
    }

    static Reason reason(RuntimeException e, String name) {
        if (e instanceof TafelException t) {
            String key = t.messageKey();
            boolean lasting = key.startsWith("names.") || key.startsWith("upload.error.")
                    || key.equals("sharepoint.problem.remoteNameTooLong");
            return new Reason(key, List.of(t.arguments()), lasting);
        }
        if (e instanceof HashMismatch) {
            return new Reason("sharepoint.problem.hashMismatch", List.of(), false);
        }
        String reference = Long.toString(System.nanoTime() & 0xFFFFFFL, 36).toUpperCase(Locale.ROOT);
        if (e instanceof GraphFailure g) {
            log.info("SharePoint refused {} [{}]: {}", name, reference, g.getMessage());
            return switch (g.status()) {
                case 400 -> g.code().equals("pathIsTooLong")
                        ? new Reason("sharepoint.problem.remotePathTooLong", List.of(), true)
                        : new Reason("sharepoint.problem.remoteRefused", List.of(reference), true);
                case 403 -> new Reason("sharepoint.problem.forbidden", List.of(reference), false);
                case 404 -> new Reason("sharepoint.problem.notFound", List.of(reference), false);
                case 423 -> new Reason("sharepoint.problem.locked", List.of(reference), false);
                default -> new Reason("sharepoint.problem.refused", List.of(g.status(), reference), false);
            };
        }
        log.warn("SharePoint sync could not take {} [{}]", name, reference, e);
        return new Reason("sharepoint.problem.unexpected", List.of(reference), false);
    }

    private void applyFolder(Pass pass, RemoteItem remote) {
        Item item = pass.byRemote.get(remote.id());
        FolderId parent = pass.localFolder(remote.parentId());
        if (parent == null) {
            throw new TafelException("sharepoint.problem.parentMissing");
        }
        String name = RemoteNames.toLocal(Objects.requireNonNull(remote.name()));
        if (item == null) {
            Optional<FolderId> existing = pass.tree.folders().stream()
                    .filter(f -> parent.equals(f.parent()) && f.name().equalsIgnoreCase(name)
                            && !pass.byLocal.containsKey(f.id().value()))
                    .map(SpaceTree.Folder::id).findFirst();
            FolderId local = existing.orElseGet(() -> documents.createFolder(parent, name));
            Item created = new Item(pass.link.id(), Kind.FOLDER, local.value(), name, remote.id(), remote.name());
            created.localParentId = parent.value();
            created.seen(remote);
            try {
                pass.save(created);
            } catch (RuntimeException e) {
                if (existing.isEmpty()) {
                    documents.deleteFolder(local); // not recorded, so not to be left behind
                }
                throw e;
            }
            pass.folders.putIfAbsent(local.value(), new SpaceTree.Folder(local, parent, name, 0));
            return;
        }
        SpaceTree.Folder local = pass.folders.get(item.localId);
        if (local == null) {
            return; // deleted here: the up pass deletes it there
        }
        if (!Objects.equals(remote.name(), item.remoteName) && local.name().equals(item.localName)) {
            documents.renameFolder(local.id(), name, local.version());
            item.localName = name;
            local = reloadFolder(pass, local.id());
        }
        if (!Objects.equals(remote.parentId(), item.remoteParentId)
                && Objects.equals(local.parent() == null ? null : local.parent().value(), item.localParentId)) {
            documents.moveFolder(local.id(), parent, local.version());
            item.localParentId = parent.value();
        }
        item.seen(remote);
        pass.save(item);
    }

    private SpaceTree.Folder reloadFolder(Pass pass, FolderId id) {
        var details = documents.folder(id);
        SpaceTree.Folder f = new SpaceTree.Folder(id, pass.folders.get(id.value()).parent(), details.name(),
                details.version());
        pass.folders.put(id.value(), f);
        return f;
    }

    private void applyFile(Pass pass, RemoteItem remote) {
        Item item = pass.byRemote.get(remote.id());
        FolderId parent = pass.localFolder(remote.parentId());
        if (parent == null) {
            throw new TafelException("sharepoint.problem.parentMissing");
        }
        String name = RemoteNames.toLocal(Objects.requireNonNull(remote.name()));
        if (item == null) {
            Optional<SpaceTree.Document> same = pass.docs.values().stream()
                    .filter(d -> d.folder().equals(parent) && d.name().equalsIgnoreCase(name)
                            && !pass.byLocal.containsKey(d.id().value()))
                    .findFirst();
            if (same.isPresent()) {
                SpaceTree.Document doc = same.get();
                Item linked = new Item(pass.link.id(), Kind.FILE, doc.id().value(), doc.name(), remote.id(),
                        remote.name());
                linked.localParentId = parent.value();
                linked.seen(remote);
                if (remote.quickXorHash() != null && remote.quickXorHash().equals(localQuickXor(doc))) {
                    linked.syncedVersionId = doc.currentVersion().value();
                    linked.syncedSha256 = doc.sha256();
                    pass.save(linked);
                } else {
                    pass.save(linked);
                    conflict(pass, linked, doc, remote);
                }
                return;
            }
            // the name may still belong to another synced document here: then this one gets a free name
            String free = freeName(pass, parent, name);
            try (Downloaded file = download(pass.link, remote); InputStream in = file.open()) {
                StoredDocument stored = documents.upload(parent, free, in, file.size);
                step.accept("downloaded");
                pass.arrived.incrementAndGet();
                try {
                    Item created = new Item(pass.link.id(), Kind.FILE, stored.documentId().value(), stored.name(),
                            remote.id(), remote.name());
                    created.localParentId = parent.value();
                    created.seen(remote);
                    created.syncedVersionId = stored.versionId().value();
                    created.syncedSha256 = file.sha256;
                    pass.save(created);
                } catch (RuntimeException e) {
                    // not recorded, so not to be left: a later round would bring the file a second time
                    documents.deleteDocument(stored.documentId());
                    throw e;
                }
                pass.docs.put(stored.documentId().value(), new SpaceTree.Document(stored.documentId(), parent,
                        stored.name(), stored.versionId(), stored.versionNumber(), file.sha256, file.size,
                        clock.instant(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        SpaceTree.Document doc = pass.docs.get(item.localId);
        if (doc == null) {
            if (contentChanged(remote, item)) {
                // deleted here but edited there: the edit wins, the file comes back as a new document
                pass.forget(item);
                applyFile(pass, remote);
            }
            return;
        }
        boolean remoteChanged = contentChanged(remote, item);
        if (remoteChanged) {
            if (pass.localChanged(doc, item)) {
                conflict(pass, item, doc, remote);
            } else {
                try (Downloaded file = download(pass.link, remote); InputStream in = file.open()) {
                    if (!file.sha256.equals(doc.sha256())) {
                        step.accept("storing");
                        StoredDocument stored = documents.uploadVersion(doc.id(), doc.name(), in, file.size,
                                doc.versionNumber());
                        step.accept("downloaded");
                        pass.arrived.incrementAndGet();
                        item.syncedVersionId = stored.versionId().value();
                        item.syncedSha256 = file.sha256;
                    }
                } catch (nl.tafel.shared.ConcurrentEditException e) {
                    // edited here while this pass ran: both sides changed
                    conflict(pass, item, current(pass, doc), remote);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (!Objects.equals(remote.name(), item.remoteName) && doc.name().equals(item.localName)
                && !name.equals(doc.name())) {
            documents.renameDocument(doc.id(), name, currentVersion(doc));
            item.localName = name;
        }
        if (!Objects.equals(remote.parentId(), item.remoteParentId)
                && Objects.equals(doc.folder().value(), item.localParentId) && !parent.equals(doc.folder())) {
            documents.moveDocument(doc.id(), parent, currentVersion(doc));
            item.localParentId = parent.value();
        }
        item.seen(remote);
        pass.save(item);
    }

    /**
     * Whether a remote file's content differs from what was last synced: by quickXorHash when both are known, else
     * by cTag (SharePoint's delta gives none), else by eTag (which also changes on a rename: a download then finds
     * equal content and only records it).
     */
    static boolean contentChanged(RemoteItem remote, Item item) {
        if (remote.quickXorHash() != null && item.quickXor != null) {
            return !remote.quickXorHash().equals(item.quickXor);
        }
        if (remote.cTag() != null && item.cTag != null) {
            return !remote.cTag().equals(item.cTag);
        }
        return remote.eTag() != null && !remote.eTag().equals(item.eTag);
    }

    /** A document as it is now (a pass works from a snapshot taken at its start). */
    private SpaceTree.Document current(Pass pass, SpaceTree.Document doc) {
        var details = documents.document(doc.id());
        var newest = documents.versions(doc.id()).getFirst();
        SpaceTree.Document now = new SpaceTree.Document(doc.id(), doc.folder(), details.name(),
                details.currentVersionId(), details.currentVersion(), newest.sha256(), newest.size(),
                details.updatedAt(), details.version());
        pass.docs.put(doc.id().value(), now);
        return now;
    }

    private long currentVersion(SpaceTree.Document doc) {
        return documents.document(doc.id()).version();
    }

    /**
     * Both sides changed a file. Both are kept: the newest as the document's current version, the other as a copy
     * named "name (conflict Tafel|SharePoint date time).ext" beside it, which then syncs like any file.
     */
    private void conflict(Pass pass, Item item, SpaceTree.Document doc, RemoteItem remote) {
        try (Downloaded file = download(pass.link, remote)) {
            if (file.quickXor.equals(localQuickXor(doc))) {
                item.syncedVersionId = doc.currentVersion().value();
                item.syncedSha256 = doc.sha256();
                item.seen(remote);
                pass.save(item);
                return;
            }
            String stamp = STAMP.format(clock.instant().atZone(ZONE));
            boolean remoteNewer = remote.modifiedAt() != null && remote.modifiedAt().isAfter(doc.updatedAt());
            String kept = remoteNewer ? "SHAREPOINT" : "TAFEL";
            // the copy holds the side that is not kept; a pass cut off after making it finds it again by content
            String copySha = remoteNewer ? doc.sha256() : file.sha256;
            Optional<SpaceTree.Document> earlier = pass.docs.values().stream()
                    .filter(d -> d.folder().equals(doc.folder()) && !d.id().equals(doc.id())
                            && d.name().contains("(conflict ") && d.sha256().equals(copySha))
                    .findFirst();
            DocumentId copyId;
            String copyName;
            if (earlier.isPresent()) {
                copyId = earlier.get().id();
                copyName = earlier.get().name();
            } else {
                copyName = freeName(pass, doc.folder(),
                        conflictName(doc.name(), remoteNewer ? "Tafel" : "SharePoint", stamp));
                StoredDocument copy;
                try (InputStream in = remoteNewer ? documents.content(doc.currentVersion()).open() : file.open()) {
                    copy = documents.upload(doc.folder(), copyName, in, remoteNewer ? doc.size() : file.size);
                }
                copyId = copy.documentId();
                pass.arrived.incrementAndGet();
                pass.docs.put(copyId.value(), new SpaceTree.Document(copyId, doc.folder(), copyName,
                        copy.versionId(), copy.versionNumber(), copySha, 0, clock.instant(), 0));
            }
            step.accept("conflict-copy");
            if (remoteNewer) {
                try (InputStream in = file.open()) {
                    StoredDocument stored = documents.uploadVersion(doc.id(), doc.name(), in, file.size,
                            doc.versionNumber());
                    item.syncedVersionId = stored.versionId().value();
                    item.syncedSha256 = file.sha256;
                }
            }
            item.seen(remote);
            pass.save(item);
            if (!state.conflictExists(doc.id().value(), copyId.value())) {
                state.conflict(pass.link.id(), pass.link.space(), doc.id().value(), doc.name(), copyId.value(),
                        copyName, kept, clock.instant());
            }
            log.info("Conflict in space {}: {} changed on both sides; kept {} as current, copy {}",
                    pass.link.space(), doc.name(), kept, copyName);
        } catch (nl.tafel.shared.ConcurrentEditException e) {
            // yet another version here meanwhile: the next pass sees it and decides again; nothing is lost
            log.info("{} changed again while its conflict was being kept; the next pass looks again", doc.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String conflictName(String name, String side, String stamp) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String suffix = " (conflict " + side + " " + stamp + ")";
        int room = 255 - suffix.length() - extension.length();
        return (base.length() > room ? base.substring(0, Math.max(1, room)) : base) + suffix + extension;
    }

    private static String freeName(Pass pass, FolderId folder, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; taken(pass, folder, candidate); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + " " + n + name.substring(dot) : name + " " + n;
        }
        return candidate;
    }

    private static boolean taken(Pass pass, FolderId folder, String name) {
        return pass.docs.values().stream().anyMatch(d -> d.folder().equals(folder) && d.name().equalsIgnoreCase(name));
    }

    private void applyDelete(Pass pass, Item item) {
        if (item.kind == Kind.FILE) {
            SpaceTree.Document doc = pass.docs.get(item.localId);
            if (doc != null && !pass.localChanged(doc, item)) {
                try {
                    documents.deleteDocument(doc.id(), doc.versionNumber());
                    pass.docs.remove(item.localId);
                } catch (nl.tafel.shared.ConcurrentEditException e) {
                    // edited here while this pass ran: the edit stays and goes up as a new file
                }
            }
            // an edit here against a delete there: the document stays and goes up again as a new file
            pass.forget(item);
            return;
        }
        SpaceTree.Folder folder = pass.folders.get(item.localId);
        if (folder != null && !hasLocalEdits(pass, folder.id())) {
            documents.deleteFolder(folder.id());
        }
        forgetBeneath(pass, item);
    }

    private boolean hasLocalEdits(Pass pass, FolderId folder) {
        for (SpaceTree.Document doc : pass.docs.values()) {
            if (within(pass, doc.folder(), folder)) {
                Item item = pass.byLocal.get(doc.id().value());
                if (item == null || pass.localChanged(doc, item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean within(Pass pass, @Nullable FolderId folder, FolderId ancestor) {
        for (int i = 0; folder != null && i < 64; i++) {
            if (folder.equals(ancestor)) {
                return true;
            }
            SpaceTree.Folder f = pass.folders.get(folder.value());
            folder = f == null ? null : f.parent();
        }
        return false;
    }

    private void forgetBeneath(Pass pass, Item folderItem) {
        FolderId root = new FolderId(folderItem.localId);
        for (Item item : new ArrayList<>(pass.byLocal.values())) {
            if (item.kind == Kind.FILE) {
                SpaceTree.Document doc = pass.docs.get(item.localId);
                if (doc != null && within(pass, doc.folder(), root)) {
                    pass.forget(item);
                }
            } else if (!item.id.equals(folderItem.id) && within(pass, new FolderId(item.localId), root)) {
                pass.forget(item);
            }
        }
        pass.forget(folderItem);
    }

    // ================================================================== up

    /** How many local changes wait to go up (new, changed, renamed, moved or deleted here), without sending any. */
    int waiting(Link link) {
        Pass pass = new Pass(link);
        int count = 0;
        for (SpaceTree.Folder folder : pass.tree.folders()) {
            Item item = pass.byLocal.get(folder.id().value());
            if (folder.parent() != null && (item == null || !folder.name().equals(item.localName)
                    || !Objects.equals(folder.parent().value(), item.localParentId))) {
                count++;
            }
        }
        for (SpaceTree.Document doc : pass.tree.documents()) {
            Item item = pass.byLocal.get(doc.id().value());
            if (item == null || pass.localChanged(doc, item) || !doc.name().equals(item.localName)
                    || !Objects.equals(doc.folder().value(), item.localParentId)) {
                count++;
            }
        }
        for (Item item : pass.byLocal.values()) {
            if (item.kind == Kind.FILE ? !pass.docs.containsKey(item.localId) : !pass.folders.containsKey(item.localId)) {
                count++;
            }
        }
        return count;
    }

    int up(Link link) {
        Pass pass = new Pass(link);
        int pending = 0;
        List<SpaceTree.Folder> folders = new ArrayList<>(pass.tree.folders());
        folders.removeIf(f -> f.parent() == null);
        folders.sort(Comparator.comparingInt(f -> localDepth(pass, f.id())));
        for (SpaceTree.Folder folder : folders) {
            if (!upFolder(pass, folder)) {
                pending++;
            }
        }
        List<Transfer> transfers = new ArrayList<>();
        for (SpaceTree.Document doc : pass.tree.documents()) {
            Item item = pass.byLocal.get(doc.id().value());
            if (item == null || pass.localChanged(doc, item)) {
                transfers.add(new Transfer(doc.size(), () -> upFile(pass, doc)));
            } else if (!upFile(pass, doc)) {
                pending++;
            }
        }
        pending += inParallel(transfers);
        // sessions of an earlier pass that are no longer needed (the version got there another way, or is gone)
        for (SyncState.Upload open : state.uploads(link.id())) {
            SpaceTree.Document doc = pass.docs.get(open.documentId());
            Item item = pass.byLocal.get(open.documentId());
            if (doc == null || item != null && !pass.localChanged(doc, item)) {
                graph.cancelSession(open.uploadUrl());
                state.endUpload(link.id(), open.documentId());
            }
        }
        List<Item> gone = pass.byLocal.values().stream()
                .filter(i -> i.kind == Kind.FILE ? !pass.docs.containsKey(i.localId)
                        : !pass.folders.containsKey(i.localId))
                .sorted(Comparator.comparing((Item i) -> i.kind == Kind.FOLDER)).toList();
        // deletes go in $batch requests of up to 20; a 429 inside ends the pass after the batch, the rest waits
        List<Item> files = gone.stream().filter(i -> i.kind == Kind.FILE).toList();
        for (int from = 0; from < files.size(); from += 20) {
            upDeleteBatch(pass, files.subList(from, Math.min(files.size(), from + 20)));
        }
        for (Item item : gone) {
            if (item.kind == Kind.FOLDER && pass.byLocal.containsKey(item.localId)) {
                upDelete(pass, item);
            }
        }
        return pending;
    }

    /**
     * Runs uploads a few at a time (each as the system, on its own virtual thread). When one is throttled or fails,
     * the others finish what they are sending and the first problem ends the pass.
     *
     * @return how many did not get through
     */
    private record Transfer(long size, java.util.concurrent.Callable<Boolean> work) {
    }

    private int inParallel(List<Transfer> given) {
        if (given.isEmpty()) {
            return 0;
        }
        // large files first, but never more than half the slots for them: small files keep the budget busy while
        // the large ones are limited by bandwidth
        List<Transfer> transfers = new ArrayList<>(given);
        transfers.sort(Comparator.comparingLong(Transfer::size).reversed());
        int slotCount = settings.parallelUploads();
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(slotCount);
        java.util.concurrent.Semaphore largeSlots = new java.util.concurrent.Semaphore(Math.max(1, slotCount / 2));
        long large = settings.pieceBytes();
        java.util.concurrent.atomic.AtomicReference<Throttled> throttled =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> problem =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (Transfer transfer : transfers) {
                boolean isLarge = transfer.size() > large;
                if (isLarge) {
                    largeSlots.acquireUninterruptibly();
                }
                slots.acquireUninterruptibly();
                if (problem.get() != null) {
                    slots.release();
                    if (isLarge) {
                        largeSlots.release();
                    }
                    failed.incrementAndGet();
                    continue;
                }
                executor.submit(() -> {
                    try {
                        if (!nl.tafel.shared.CurrentUser.callAsSharePoint(() -> call(transfer.work()))) {
                            failed.incrementAndGet();
                        }
                    } catch (Throttled t) {
                        throttled.accumulateAndGet(t, (a, b) -> a == null || b.until().isAfter(a.until()) ? b : a);
                        problem.compareAndSet(null, t);
                        failed.incrementAndGet();
                    } catch (RuntimeException | Error e) {
                        problem.compareAndSet(null, e);
                        failed.incrementAndGet();
                    } finally {
                        slots.release();
                        if (isLarge) {
                            largeSlots.release();
                        }
                    }
                });
            }
        }
        if (problem.get() instanceof Error e) {
            throw e;
        }
        if (throttled.get() != null) {
            throw throttled.get(); // a wait SharePoint asked for outranks any other failure of this round
        }
        if (problem.get() instanceof RuntimeException e) {
            throw e;
        }
        return failed.get();
    }

    private static boolean call(java.util.concurrent.Callable<Boolean> transfer) {
        try {
            return transfer.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int localDepth(Pass pass, FolderId id) {
        int depth = 0;
        for (SpaceTree.Folder f = pass.folders.get(id.value()); f != null && f.parent() != null && depth < 64;
                f = pass.folders.get(f.parent().value())) {
            depth++;
        }
        return depth;
    }

    private boolean upFolder(Pass pass, SpaceTree.Folder folder) {
        String parent = pass.remoteFolder(folder.parent());
        if (parent == null) {
            return false;
        }
        Item item = pass.byLocal.get(folder.id().value());
        UUID localParent = folder.parent() == null ? null : folder.parent().value();
        return itemWork(pass, "local:" + folder.id(), folder.name(), "folder|" + folder.name() + "|" + parent, () -> {
            if (item == null) {
                RemoteItem remote;
                try {
                    remote = graph.createFolder(pass.link.driveId(), parent, folder.name());
                    step.accept("folder-created");
                } catch (GraphFailure e) {
                    if (!e.nameClash()) {
                        throw e;
                    }
                    remote = graph.item(pass.link.driveId(), parent + ":/" + folder.name() + ":")
                            .filter(RemoteItem::folder).orElseThrow(() -> e);
                }
                Item created = new Item(pass.link.id(), Kind.FOLDER, folder.id().value(), folder.name(), remote.id(),
                        Objects.requireNonNull(remote.name()));
                created.localParentId = localParent;
                created.seen(remote);
                created.remoteParentId = parent;
                pass.save(created);
            } else {
                // folders change their eTag with their content, so no If-Match here
                renameOrMove(pass, item, folder.name(), localParent, parent, null);
            }
        });
    }

    private boolean upFile(Pass pass, SpaceTree.Document doc) {
        String parent = pass.remoteFolder(doc.folder());
        if (parent == null) {
            return false;
        }
        Item item = pass.byLocal.get(doc.id().value());
        return itemWork(pass, "local:" + doc.id(), doc.name(),
                "file|" + doc.name() + "|" + parent + "|" + doc.currentVersion().value(), () -> {
            if (item == null) {
                uploadNew(pass, doc, parent);
                return;
            }
            if (pass.localChanged(doc, item)) {
                uploadVersion(pass, doc, item);
            }
            renameOrMove(pass, item, doc.name(), doc.folder().value(), parent, item.eTag);
        });
    }

    /** Sends a local rename or move of a synced item, when there is one. */
    private void renameOrMove(Pass pass, Item item, String name, @Nullable UUID localParent, String remoteParent,
            @Nullable String eTag) {
        if (name.equals(item.localName) && Objects.equals(localParent, item.localParentId)
                || pass.byLocal.get(item.localId) != item) {
            return; // nothing to send, or the item was let go of on the way (deleted there meanwhile)
        }
        boolean moved = !Objects.equals(remoteParent, item.remoteParentId);
        RemoteItem remote = graph.patch(pass.link.driveId(), item.remoteId,
                name.equals(item.localName) ? null : RemoteNames.toRemote(name, item.remoteName),
                moved ? remoteParent : null, eTag);
        item.localName = name;
        item.localParentId = localParent;
        item.seen(remote);
        item.remoteParentId = remoteParent;
        pass.save(item);
    }

    /**
     * One item's work on the way up. A refusal for this item alone (a 4xx such as 409, 412 or 423) is recorded as
     * its problem and the pass goes on; the connection, the sign-in or a wait end the pass.
     *
     * @return whether the item is in sync now
     */
    private boolean itemWork(Pass pass, String key, String name, String fingerprint, Runnable work) {
        SyncState.Problem known = pass.problems.get(key);
        if (known != null && fingerprint.equals(known.fingerprint())) {
            return true; // refused for good as it is: shown as a problem, tried again once it changes here
        }
        try {
            work.run();
            if (known != null) {
                state.clearProblem(pass.link.id(), key);
            }
            return true;
        } catch (GraphFailure e) {
            if (e.status() == 0 || e.status() >= 500 || e.status() == 401) {
                throw e;
            }
            // a refusal that lasts is a problem shown as such, not a change "waiting" for ever
            return record(pass, key, name, e, fingerprint);
        }
    }

    private void uploadNew(Pass pass, SpaceTree.Document doc, String parent) {
        RemoteItem done;
        try {
            done = upload(pass, doc, () -> graph.newFileSession(pass.link.driveId(), parent, doc.name(),
                    doc.updatedAt()), true);
        } catch (GraphFailure e) {
            if (!e.nameClash()) {
                throw e;
            }
            // a file of that name is there: ours from a pass cut off before it was recorded, or someone else's
            state.endUpload(pass.link.id(), doc.id().value());
            RemoteItem existing = graph.item(pass.link.driveId(), parent + ":/" + doc.name() + ":")
                    .filter(r -> !r.folder()).orElseThrow(() -> e);
            Item linked = new Item(pass.link.id(), Kind.FILE, doc.id().value(), doc.name(), existing.id(),
                    Objects.requireNonNull(existing.name()));
            linked.localParentId = doc.folder().value();
            linked.remoteParentId = parent;
            linked.seen(existing);
            if (existing.quickXorHash() != null && existing.quickXorHash().equals(localQuickXor(doc))) {
                linked.syncedVersionId = doc.currentVersion().value();
                linked.syncedSha256 = doc.sha256();
                pass.save(linked);
            } else {
                pass.save(linked);
                conflict(pass, linked, doc, existing);
            }
            return;
        }
        Item created = new Item(pass.link.id(), Kind.FILE, doc.id().value(), doc.name(), done.id(),
                Objects.requireNonNull(done.name()));
        created.localParentId = doc.folder().value();
        created.seen(done);
        created.remoteParentId = parent;
        created.syncedVersionId = doc.currentVersion().value();
        created.syncedSha256 = doc.sha256();
        pass.save(created);
        state.endUpload(pass.link.id(), doc.id().value());
    }

    private void uploadVersion(Pass pass, SpaceTree.Document doc, Item item) {
        RemoteItem done;
        try {
            done = upload(pass, doc, () -> graph.newVersionSession(pass.link.driveId(), item.remoteId,
                    item.eTag, doc.updatedAt()), false);
        } catch (GraphFailure e) {
            if (!e.stale()) {
                throw e;
            }
            // 412: the remote item changed since it was last seen (a rename, or new content): look at it now
            Optional<RemoteItem> now = graph.item(pass.link.driveId(), item.remoteId);
            if (now.isEmpty()) {
                pass.forget(item); // deleted there meanwhile: the next pass sends the document as a new file
                return;
            }
            if (contentChanged(now.get(), item)) {
                conflict(pass, item, doc, now.get());
                return;
            }
            item.seen(now.get());
            pass.save(item);
            done = upload(pass, doc, () -> graph.newVersionSession(pass.link.driveId(), item.remoteId,
                    item.eTag, doc.updatedAt()), false);
        }
        item.seen(done);
        item.syncedVersionId = doc.currentVersion().value();
        item.syncedSha256 = doc.sha256();
        pass.save(item);
        state.endUpload(pass.link.id(), doc.id().value());
    }

    /**
     * Sends a version through an upload session, resuming a session of an earlier pass when it is for the same
     * version and still valid. After a lost answer or a 416 it asks the session which byte it expects and goes on
     * from there; an expired session (404) starts once more from the beginning.
     */
    private RemoteItem upload(Pass pass, SpaceTree.Document doc, java.util.function.Supplier<GraphGateway.Session> open,
            boolean newFile) {
        Optional<SyncState.Upload> journal = state.upload(pass.link.id(), doc.id().value());
        String url = null;
        if (journal.isPresent() && journal.get().versionId().equals(doc.currentVersion().value())
                && journal.get().newFile() == newFile && journal.get().expiresAt().isAfter(clock.instant())) {
            url = journal.get().uploadUrl();
        } else if (journal.isPresent()) {
            graph.cancelSession(journal.get().uploadUrl());
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean fresh = url == null;
            if (fresh) {
                GraphGateway.Session session = open.get();
                url = session.uploadUrl();
                state.startUpload(pass.link.id(), doc.id().value(), doc.currentVersion().value(), url,
                        session.expiresAt(), newFile);
                step.accept("session-created");
            }
            try {
                return send(url, doc, fresh);
            } catch (GraphFailure e) {
                if (!e.notFound()) {
                    throw e;
                }
                url = null; // the session expired or is unknown: a new one
            }
        }
        throw new GraphFailure(404, "uploadSessionLost", doc.name(), null, null);
    }

    private RemoteItem send(String url, SpaceTree.Document doc, boolean fresh) {
        long total = doc.size();
        int pieceSize = settings.pieceBytes();
        byte[] buffer = new byte[(int) Math.min(pieceSize, Math.max(total, 1))];
        long offset = 0;
        if (!fresh) {
            // a session from an earlier pass: ask where it stands
            GraphGateway.PieceAnswer status = graph.sessionStatus(url);
            if (status.item() != null) {
                return status.item();
            }
            offset = status.nextExpected();
            if (offset < 0 || offset >= total) {
                throw new GraphFailure(404, "sessionIncomplete", doc.name(), null, null);
            }
        }
        int troubles = 0;
        try {
            InputStream in = open(doc, offset);
            try {
                while (true) {
                    int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, total - offset));
                    if (length <= 0) {
                        throw new GraphFailure(0, "shortContent", doc.name(), null, null);
                    }
                    GraphGateway.PieceAnswer answer;
                    try {
                        answer = graph.putPiece(url, buffer, length, offset, total);
                    } catch (GraphFailure e) {
                        if (e.notFound() || e.nameClash() || ++troubles > 5
                                || !(e.status() == 0 || e.status() == 416 || e.status() >= 500)) {
                            throw e;
                        }
                        // the piece may have arrived anyway: ask the session where it stands
                        answer = graph.sessionStatus(url);
                    }
                    step.accept("piece-sent");
                    if (answer.item() != null) {
                        return answer.item();
                    }
                    long expected = answer.nextExpected();
                    if (expected < 0 || expected >= total) {
                        // every byte is there but no item came: this session is done for; a new one starts
                        throw new GraphFailure(404, "sessionIncomplete", doc.name(), null, null);
                    }
                    if (expected != offset + length) {
                        in.close();
                        in = open(doc, expected);
                    }
                    offset = expected;
                }
            } finally {
                in.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(SpaceTree.Document doc, long offset) throws IOException {
        InputStream in = documents.content(doc.currentVersion()).open();
        in.skipNBytes(offset);
        return in;
    }

    private void upDelete(Pass pass, Item item) {
        try {
            graph.delete(pass.link.driveId(), item.remoteId, item.kind == Kind.FILE ? item.eTag : null);
            if (item.kind == Kind.FOLDER) {
                forgetRemoteBeneath(pass, item);
            }
            pass.forget(item);
        } catch (GraphFailure e) {
            if (e.notFound()) {
                pass.forget(item);
            } else if (e.stale()) {
                // deleted here, edited there: the edit wins and comes back as a document
                pass.forget(item);
                graph.item(pass.link.driveId(), item.remoteId).ifPresent(remote -> guarded(pass, remote,
                        () -> applyFile(pass, remote)));
            } else {
                throw e;
            }
        }
    }

    private void upDeleteBatch(Pass pass, List<Item> items) {
        List<GraphGateway.BatchAnswer> answers = graph.deleteAll(pass.link.driveId(),
                items.stream().map(i -> i.remoteId).toList(), items.stream().map(i -> i.eTag).toList());
        step.accept("deleted-remotely");
        Throttled throttled = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int status = answers.get(i).status();
            if (status == 204 || status == 200 || status == 404) {
                pass.forget(item);
            } else if (status == 412) {
                // deleted here, edited there: the edit wins and comes back as a document
                pass.forget(item);
                graph.item(pass.link.driveId(), item.remoteId).ifPresent(remote -> guarded(pass, remote,
                        () -> applyFile(pass, remote)));
            } else if (status == 429 || status == 503) {
                Throttled t = graph.throttledInBatch(answers.get(i).retryAfter());
                throttled = throttled == null || t.until().isAfter(throttled.until()) ? t : throttled;
            } else if (status == 0 || status >= 500 || status == 401) {
                throw new GraphFailure(status, "batchItemFailed", "delete of " + item.localName, null, null);
            } else {
                state.problem(pass.link.id(), "local:" + item.localId, item.localName,
                        "sharepoint.problem.deleteRefused", List.of(status), null, clock.instant());
            }
        }
        if (throttled != null) {
            throw throttled;
        }
    }

    private void forgetRemoteBeneath(Pass pass, Item folder) {
        List<Item> all = new ArrayList<>(pass.byRemote.values());
        java.util.Set<String> gone = new java.util.HashSet<>(List.of(folder.remoteId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Item i : all) {
                if (i.remoteParentId != null && gone.contains(i.remoteParentId) && gone.add(i.remoteId)) {
                    grew = true;
                }
            }
        }
        for (Item i : all) {
            if (!i.id.equals(folder.id) && gone.contains(i.remoteId)) {
                pass.forget(i);
            }
        }
    }

    // ================================================================== content

    private String localQuickXor(SpaceTree.Document doc) {
        try (InputStream in = documents.content(doc.currentVersion()).open()) {
            return QuickXorHash.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class HashMismatch extends RuntimeException {
        HashMismatch(String message) {
            super(message);
        }
    }

    /** A downloaded file in a temporary file, whole and checked against SharePoint's hash. */
    static final class Downloaded implements AutoCloseable {
        final Path path;
        final long size;
        final String sha256;
        final String quickXor;

        Downloaded(Path path, long size, String sha256, String quickXor) {
            this.path = path;
            this.size = size;
            this.sha256 = sha256;
            this.quickXor = quickXor;
        }

        InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }

    /**
     * Downloads a file to a temporary file; the local document is only touched after the whole content arrived and
     * its quickXorHash (when SharePoint gives one) and size match.
     */
    private Downloaded download(Link link, RemoteItem remote) {
        Path temp;
        try {
            temp = Files.createTempFile("tafel-sharepoint-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            QuickXorHash xor = new QuickXorHash();
            long size = 0;
            try (InputStream in = graph.download(link.driveId(), remote.id());
                    OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                    xor.update(buffer, 0, n);
                    size += n;
                }
            } catch (IOException e) {
                throw new GraphFailure(0, "network", "download of " + remote.name() + " broke off: " + e, null, e);
            }
            String hash = xor.digestBase64();
            if (remote.quickXorHash() != null && !remote.quickXorHash().equals(hash)
                    || remote.size() > 0 && remote.size() != size) {
                throw new HashMismatch("download of " + remote.name() + " does not match its hash or size");
            }
            if (size == 0) {
                throw new HashMismatch("empty file " + remote.name() + " is not taken over");
            }
            return new Downloaded(temp, size, HexFormat.of().formatHex(sha.digest()), hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a temporary file
            }
            throw e;
        }
    }

    static VersionId version(UUID id) {
        return new VersionId(id);
    }

    static DocumentId document(UUID id) {
        return new DocumentId(id);
    }
}
