package nl.tafel.sharepoint.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.sharepoint.internal.QuickXorHash;
import org.jspecify.annotations.Nullable;

/**
 * The fake's state: sites, drives (document libraries), items with their versions, recycle bins, change logs for
 * delta, upload sessions and download tickets. Every method is synchronized on the model; content is streamed to
 * disk by the caller outside the lock and handed in as a {@link Blob}.
 *
 * <p>Graph rules mirrored here are marked "Graph:" in the comments.
 */
final class DriveModel {

    /** Graph: each upload piece except the last must be a multiple of 320 KiB. */
    static final long PIECE_MULTIPLE = 327_680;
    /** Graph: a piece must be less than 60 MiB. */
    static final long MAX_PIECE = 60L * 1024 * 1024;
    /** Graph: the decoded path may be at most 400 characters. */
    static final int MAX_PATH = 400;

    private static final String FORBIDDEN = "\"*:<>?/\\|";
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] URL_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    final Clock clock;
    private final Path dir;
    private final Random random = new SecureRandom();
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, Drive> drives = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<String, Cursor> cursors = new HashMap<>();
    private long blobCounter;
    private int generation;

    int deltaPageSize = 200;
    boolean deltaDuplicates;
    boolean childrenBeforeParents;
    int lateHashReads;
    Duration sessionLifetime = Duration.ofHours(1);
    Duration downloadLifetime = Duration.ofMinutes(5);
    Duration deltaTokenLifetime = Duration.ofDays(30);

    DriveModel(Clock clock, Path dir) {
        this.clock = clock;
        this.dir = dir;
    }

    // ---------------------------------------------------------------- types

    static final class Site {
        final String id;
        final String hostname;
        final String path;
        final Instant created;
        final List<Drive> drives = new ArrayList<>();

        Site(String id, String hostname, String path, Instant created) {
            this.id = id;
            this.hostname = hostname;
            this.path = path;
            this.created = created;
        }

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    static final class Drive {
        final String id;
        final Site site;
        final String name;
        final Instant created;
        final Item root;
        final Map<String, Item> items = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        final List<Item> bin = new ArrayList<>();
        long seq;

        Drive(String id, Site site, String name, Instant created, String rootId) {
            this.id = id;
            this.site = site;
            this.name = name;
            this.created = created;
            this.root = new Item(rootId, UUID.randomUUID().toString().toUpperCase(Locale.ROOT), this, "root", null,
                    true, created);
            items.put(rootId, root);
        }
    }

    record Change(long seq, String itemId, Instant at) {
    }

    /** One file or folder. A deleted item keeps its last parent (for parentReference) but leaves its children list. */
    static final class Item {
        final String id;
        final String guid;
        final Drive drive;
        String name;
        @Nullable Item parent;
        final boolean folder;
        final List<Item> children = new ArrayList<>();
        final List<Version> versions = new ArrayList<>();
        boolean deleted;
        @Nullable String pathBeforeDelete;
        int eTagVersion = 1;
        int cTagVersion = 1;
        final Instant created;
        Instant modified;
        Instant fsCreated;
        Instant fsModified;
        int hashlessReads;

        Item(String id, String guid, Drive drive, String name, @Nullable Item parent, boolean folder, Instant now) {
            this.id = id;
            this.guid = guid;
            this.drive = drive;
            this.name = name;
            this.parent = parent;
            this.folder = folder;
            this.created = now;
            this.modified = now;
            this.fsCreated = now;
            this.fsModified = now;
        }

        boolean isRoot() {
            return this == drive.root;
        }

        String eTag() {
            return "\"{" + guid + "}," + eTagVersion + "\"";
        }

        String cTag() {
            return "\"c:{" + guid + "}," + cTagVersion + "\"";
        }

        @Nullable Version latest() {
            return versions.isEmpty() ? null : versions.getLast();
        }

        long size() {
            if (!folder) {
                Version v = latest();
                return v == null ? 0 : v.size();
            }
            long total = 0;
            for (Item child : children) {
                total += child.size();
            }
            return total;
        }
    }

    record Version(Path file, long size, String hash, Instant at) {
    }

    /** Content written to disk by the caller, with its size and quickXorHash. */
    record Blob(Path file, long size, String hash) {
    }

    record FsInfo(@Nullable Instant created, @Nullable Instant modified) {
    }

    record Stored(Item item, boolean created) {
    }

    static final class Session {
        final String id;
        final Drive drive;
        final String parentId;
        final String name;
        @Nullable final String targetId;
        final String conflict;
        @Nullable final FsInfo fsInfo;
        final Instant expires;
        final Path file;
        long total = -1;
        long received;
        boolean busy;

        Session(String id, Drive drive, String parentId, String name, @Nullable String targetId, String conflict,
                @Nullable FsInfo fsInfo, Instant expires, Path file) {
            this.id = id;
            this.drive = drive;
            this.parentId = parentId;
            this.name = name;
            this.targetId = targetId;
            this.conflict = conflict;
            this.fsInfo = fsInfo;
            this.expires = expires;
            this.file = file;
        }
    }

    /** Where the bytes of one upload piece go. */
    record Piece(Session session, long offset, long length, boolean last) {
    }

    record Ticket(Path file, long size, Instant expires) {
    }

    /** A delta position: a deltaLink token ({@code pending == null}) or a nextLink token within a round. */
    record Cursor(String driveId, long seq, Instant issued, int generation, @Nullable List<String> pending) {
    }

    // ---------------------------------------------------------------- ids and blobs

    private String itemId() {
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 32; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    String token(int length) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(URL_SAFE[random.nextInt(URL_SAFE.length)]);
        }
        return token.toString();
    }

    synchronized Path newBlobPath() {
        return dir.resolve("blob-" + (++blobCounter));
    }

    Instant now() {
        // Graph: server times have whole seconds.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- setup

    synchronized String addSite(String hostname, String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath : "/" + sitePath;
        String id = hostname + "," + UUID.randomUUID() + "," + UUID.randomUUID();
        Site site = new Site(id, hostname, path, now());
        sites.put(id, site);
        addDrive(id, "Documenten");
        return id;
    }

    synchronized String addDrive(String siteId, String name) {
        Site site = site(siteId);
        String id = "b!" + token(64);
        Drive drive = new Drive(id, site, name, now(), itemId());
        site.drives.add(drive);
        drives.put(id, drive);
        return id;
    }

    synchronized String driveId(String siteId, String libraryName) {
        return site(siteId).drives.stream().filter(d -> d.name.equalsIgnoreCase(libraryName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No library " + libraryName)).id;
    }

    // ---------------------------------------------------------------- lookups

    synchronized Site site(String id) {
        Site site = sites.get(id);
        if (site == null) {
            throw new GraphError(404, "itemNotFound", "Requested site could not be found");
        }
        return site;
    }

    synchronized Site siteByPath(String hostname, String path) {
        String wanted = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return sites.values().stream()
                .filter(s -> s.hostname.equalsIgnoreCase(hostname) && s.path.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new GraphError(404, "itemNotFound", "Requested site could not be found"));
    }

    synchronized String defaultDriveId(Site site) {
        return site.drives.getFirst().id;
    }

    synchronized Drive drive(String id) {
        Drive drive = drives.get(id);
        if (drive == null) {
            throw new GraphError(404, "itemNotFound", "The drive could not be found: " + id);
        }
        return drive;
    }

    /** A live item by id ({@code "root"} for the root). */
    synchronized Item item(Drive drive, String id) {
        Item item = id.equalsIgnoreCase("root") ? drive.root : drive.items.get(id);
        if (item == null || item.deleted) {
            throw GraphError.notFound(id);
        }
        return item;
    }

    /** The live item at a path below {@code base} ('/'-separated, names ignoring case), or null. */
    synchronized @Nullable Item resolve(Item base, String relativePath) {
        Item current = base;
        for (String name : segments(relativePath)) {
            if (!current.folder) {
                return null;
            }
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static List<String> segments(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
        return names;
    }

    /** Graph: names are unique in a folder ignoring case. */
    private static @Nullable Item child(Item folder, String name) {
        for (Item child : folder.children) {
            if (!child.deleted && child.name.equalsIgnoreCase(name)) {
                return child;
            }
        }
        return null;
    }

    static String path(Item item) {
        if (item.isRoot() || item.parent == null) {
            return "";
        }
        String parentPath = path(item.parent);
        return parentPath.isEmpty() ? item.name : parentPath + "/" + item.name;
    }

    // ---------------------------------------------------------------- rules

    /** Graph (SharePoint): forbidden characters and names. Answers 400 invalidRequest. */
    static void checkName(String name) {
        if (name.isEmpty()) {
            throw GraphError.invalid("The name must not be empty.");
        }
        for (int i = 0; i < name.length(); i++) {
            if (FORBIDDEN.indexOf(name.charAt(i)) >= 0) {
                throw GraphError.invalid("The provided name cannot contain any illegal characters: " + name);
            }
        }
        if (!name.equals(name.strip())) {
            throw GraphError.invalid("The provided name cannot begin or end with a space: " + name);
        }
        if (name.chars().allMatch(c -> c == '.')) {
            throw GraphError.invalid("The provided name is not valid: " + name);
        }
        if (name.endsWith(".")) {
            throw GraphError.invalid("The provided name cannot end with a period: " + name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (lower.equals(".lock") || lower.equals("desktop.ini") || RESERVED.matcher(base).matches()) {
            throw GraphError.invalid("The provided name is reserved: " + name);
        }
        if (lower.contains("_vti_")) {
            throw GraphError.invalid("The provided name cannot contain _vti_: " + name);
        }
        if (name.startsWith("~$")) {
            throw GraphError.invalid("The provided name cannot begin with ~$: " + name);
        }
    }

    /**
     * Graph: the decoded path may be at most 400 characters. SharePoint counts the site's path, the library and the
     * path in it: {@code sites/bestuur/Documenten/folder/file.pdf}.
     */
    private static void checkPathLength(Item parent, String name, int deepestBelow) {
        Drive drive = parent.drive;
        String parentPath = path(parent);
        int length = drive.site.path.length() - 1 + 1 + drive.name.length() + 1
                + (parentPath.isEmpty() ? 0 : parentPath.length() + 1) + name.length() + deepestBelow;
        if (length > MAX_PATH) {
            throw new GraphError(400, "pathIsTooLong", "The path is " + length + " characters, at most " + MAX_PATH
                    + " are allowed");
        }
    }

    /** The longest "/child/grandchild..." suffix below a folder, for a move or rename of the folder. */
    private static int deepestBelow(Item item) {
        int deepest = 0;
        for (Item child : item.children) {
            if (!child.deleted) {
                deepest = Math.max(deepest, 1 + child.name.length() + deepestBelow(child));
            }
        }
        return deepest;
    }

    /** Graph: If-Match with a stale eTag (or cTag) gives 412. */
    private static void checkIfMatch(Item item, @Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return;
        }
        String tag = ifMatch.startsWith("W/") ? ifMatch.substring(2) : ifMatch;
        if (!tag.equals(item.eTag()) && !(tag.equals(item.cTag()) && !item.folder)) {
            throw GraphError.preconditionFailed();
        }
    }

    /** Graph: conflictBehavior rename makes "name 1.ext", "name 2.ext", ... */
    private static String freeName(Item folder, String name) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            String candidate = base + " " + i + ext;
            if (child(folder, candidate) == null) {
                return candidate;
            }
        }
    }

    static String conflictBehavior(@Nullable String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String behavior = value.toLowerCase(Locale.ROOT);
        if (!behavior.equals("fail") && !behavior.equals("replace") && !behavior.equals("rename")) {
            throw GraphError.invalid("Invalid conflict behavior: " + value);
        }
        return behavior;
    }

    // ---------------------------------------------------------------- changes

    private void logChange(Item item) {
        Drive drive = item.drive;
        drive.changes.add(new Change(++drive.seq, item.id, clock.instant()));
    }

    /** Graph: the eTag changes on every change, the cTag only on a content change. */
    private void changed(Item item, boolean content) {
        item.eTagVersion++;
        if (content) {
            item.cTagVersion++;
        }
        item.modified = now();
        logChange(item);
    }

    private Item create(Item parent, String name, boolean folder) {
        checkName(name);
        checkPathLength(parent, name, 0);
        Instant now = now();
        Item item = new Item(itemId(), UUID.randomUUID().toString().toUpperCase(Locale.ROOT), parent.drive, name,
                parent, folder, now);
        parent.children.add(item);
        parent.drive.items.put(item.id, item);
        logChange(item);
        return item;
    }

    /** Moves an item and everything below it to the drive's recycle bin; each of them is a delta entry. */
    private void recycle(Item item) {
        if (item.isRoot()) {
            throw new GraphError(403, "accessDenied", "The root of a drive cannot be deleted");
        }
        item.pathBeforeDelete = path(item);
        if (item.parent != null) {
            item.parent.children.remove(item);
        }
        markDeleted(item);
        item.drive.bin.add(item);
    }

    private void markDeleted(Item item) {
        item.deleted = true;
        changed(item, false);
        for (Item child : item.children) {
            if (!child.deleted) {
                markDeleted(child);
            }
        }
    }

    private void putVersion(Item item, Blob blob, @Nullable FsInfo fs) {
        Instant now = now();
        item.versions.add(new Version(blob.file(), blob.size(), blob.hash(), now));
        // Graph: without fileSystemInfo from the client, its times follow the server's.
        item.fsModified = fs != null && fs.modified() != null ? fs.modified() : now;
        if (fs != null && fs.created() != null) {
            item.fsCreated = fs.created();
        }
        item.hashlessReads = lateHashReads;
    }

    private void addVersion(Item item, Blob blob, @Nullable FsInfo fs) {
        putVersion(item, blob, fs);
        changed(item, true);
    }

    // ---------------------------------------------------------------- operations (Graph routes)

    synchronized Item createFolder(Item parent, String name, String conflict) {
        requireFolder(parent);
        Item existing = child(parent, name);
        String finalName = name;
        if (existing != null) {
            switch (conflict) {
                case "fail" -> throw GraphError.nameExists(name);
                // Taken as Graph's harshest reading: the existing item goes to the recycle bin.
                case "replace" -> recycle(existing);
                default -> finalName = freeName(parent, name);
            }
        }
        return create(parent, finalName, true);
    }

    synchronized Item patch(Item item, @Nullable String newName, @Nullable String newParentId,
            @Nullable FsInfo fs, @Nullable String conflict, @Nullable String ifMatch) {
        if (item.isRoot()) {
            throw GraphError.invalid("The root cannot be renamed or moved");
        }
        checkIfMatch(item, ifMatch);
        Item target = newParentId == null ? item.parent : item(item.drive, newParentId);
        if (target == null) {
            throw GraphError.notFound("parent");
        }
        requireFolder(target);
        for (Item up = target; up != null; up = up.parent) {
            if (up == item) {
                throw GraphError.invalid("An item cannot be moved into itself");
            }
        }
        String name = newName == null ? item.name : newName;
        boolean moves = target != item.parent || !name.equals(item.name);
        if (moves) {
            checkName(name);
            checkPathLength(target, name, item.folder ? deepestBelow(item) : 0);
            Item clash = child(target, name);
            if (clash != null && clash != item) {
                switch (conflict == null ? "fail" : conflict) {
                    case "replace" -> recycle(clash);
                    case "rename" -> name = freeName(target, name);
                    default -> throw GraphError.nameExists(name);
                }
            }
            if (target != item.parent) {
                if (item.parent != null) {
                    item.parent.children.remove(item);
                }
                target.children.add(item);
                item.parent = target;
            }
            item.name = name;
            changed(item, false);
        }
        if (fs != null) {
            if (fs.created() != null) {
                item.fsCreated = fs.created();
            }
            if (fs.modified() != null) {
                item.fsModified = fs.modified();
            }
            Version latest = item.latest();
            if (latest != null) {
                // SharePoint: changing the times of a file after its upload makes another version.
                item.versions.add(new Version(latest.file(), latest.size(), latest.hash(), now()));
            }
            if (!moves) {
                changed(item, false);
            }
        }
        return item;
    }

    synchronized void delete(Item item, @Nullable String ifMatch) {
        checkIfMatch(item, ifMatch);
        recycle(item);
    }

    /** PUT content by path: creates missing folders on the way, then stores the file (default replace). */
    synchronized Stored putByPath(Item base, String relativePath, String conflict, Blob blob,
            @Nullable String ifMatch) {
        List<String> names = segments(relativePath);
        if (names.isEmpty()) {
            throw GraphError.invalid("A file name is required");
        }
        Item parent = base;
        for (String name : names.subList(0, names.size() - 1)) {
            requireFolder(parent);
            Item next = child(parent, name);
            parent = next != null ? next : create(parent, name, true);
        }
        return store(parent, names.getLast(), null, conflict, blob, null, ifMatch);
    }

    /** Stores content as a new file in {@code parent}, or as a new version of {@code target} or the same name. */
    synchronized Stored store(Item parent, String name, @Nullable Item target, String conflict, Blob blob,
            @Nullable FsInfo fs, @Nullable String ifMatch) {
        if (target != null) {
            if (target.deleted) {
                throw GraphError.notFound(target.id);
            }
            checkIfMatch(target, ifMatch);
            addVersion(target, blob, fs);
            return new Stored(target, false);
        }
        if (parent.deleted) {
            throw GraphError.notFound(parent.id);
        }
        requireFolder(parent);
        Item existing = child(parent, name);
        String finalName = name;
        if (existing != null) {
            switch (conflict) {
                case "fail" -> throw GraphError.nameExists(name);
                case "rename" -> finalName = freeName(parent, name);
                default -> {
                    if (existing.folder) {
                        throw GraphError.nameExists(name);
                    }
                    checkIfMatch(existing, ifMatch);
                    addVersion(existing, blob, fs);
                    return new Stored(existing, false);
                }
            }
        }
        Item item = create(parent, finalName, false);
        putVersion(item, blob, fs);
        return new Stored(item, true);
    }

    private static void requireFolder(Item item) {
        if (!item.folder) {
            throw GraphError.invalid("The parent is not a folder: " + item.name);
        }
    }

    // ---------------------------------------------------------------- upload sessions

    synchronized JsonObject createSession(Item parent, String name, @Nullable Item target, String conflict,
            @Nullable FsInfo fs, @Nullable String ifMatch, String filesBase) {
        if (target != null) {
            if (target.folder) {
                throw GraphError.invalid("An upload session needs a file, not a folder");
            }
            checkIfMatch(target, ifMatch);
        } else {
            requireFolder(parent);
            checkName(name);
            checkPathLength(parent, name, 0);
            Item existing = child(parent, name);
            if (existing != null && existing.folder) {
                throw GraphError.nameExists(name);
            }
            if (existing != null && conflict.equals("fail")) {
                throw GraphError.nameExists(name);
            }
            if (existing != null) {
                checkIfMatch(existing, ifMatch);
            }
        }
        String id = token(40);
        Instant expires = now().plus(sessionLifetime);
        Session session = new Session(id, parent.drive, parent.id, name, target == null ? null : target.id,
                conflict, fs, expires, dir.resolve("session-" + id));
        try {
            Files.createFile(session.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.put(id, session);
        JsonObject json = new JsonObject();
        json.addProperty("@odata.context", "#microsoft.graph.uploadSession");
        json.addProperty("uploadUrl", filesBase + "/upload/" + id + "?tempauth=" + token(48));
        json.addProperty("expirationDateTime", session.expires.toString());
        JsonArray ranges = new JsonArray();
        ranges.add("0-");
        json.add("nextExpectedRanges", ranges);
        return json;
    }

    private Session liveSession(String id) {
        Session session = sessions.get(id);
        if (session != null && !clock.instant().isBefore(session.expires)) {
            // Graph: an expired session is gone.
            sessions.remove(id);
            deleteQuietly(session.file);
            session = null;
        }
        if (session == null) {
            throw new GraphError(404, "itemNotFound", "The upload session was not found or has expired");
        }
        return session;
    }

    synchronized JsonObject sessionStatus(String id) {
        return sessionJson(liveSession(id));
    }

    private static JsonObject sessionJson(Session session) {
        JsonObject json = new JsonObject();
        json.addProperty("expirationDateTime", session.expires.toString());
        JsonArray ranges = new JsonArray();
        if (session.total < 0 || session.received < session.total) {
            ranges.add(session.received + "-");
        }
        json.add("nextExpectedRanges", ranges);
        return json;
    }

    synchronized void cancelSession(String id) {
        Session session = liveSession(id);
        sessions.remove(id);
        deleteQuietly(session.file);
    }

    /**
     * Checks a piece against the session (Graph's rules) and reserves the session for it. The caller streams the
     * bytes to {@code session.file} at the offset, then calls {@link #endPiece}.
     */
    synchronized Piece beginPiece(String id, @Nullable String contentRange, long contentLength) {
        Session session = liveSession(id);
        if (session.busy) {
            throw new GraphError(409, "uploadSessionBusy", "Another piece is being received for this session");
        }
        long[] range = parseContentRange(contentRange);
        long from = range[0];
        long to = range[1];
        long total = range[2];
        long length = to - from + 1;
        if (session.total >= 0 && total != session.total) {
            throw new GraphError(400, "invalidRange", "The total size " + total + " differs from the session's "
                    + session.total);
        }
        if (to >= total || length <= 0) {
            throw new GraphError(400, "invalidRange", "The range " + contentRange + " is not within the file");
        }
        if (contentLength >= 0 && contentLength != length) {
            throw new GraphError(400, "invalidRange", "Content-Length " + contentLength
                    + " does not match Content-Range " + contentRange);
        }
        if (from < session.received || (session.total >= 0 && session.received >= session.total)) {
            // Graph: bytes already received give 416; GET on the upload URL tells what is missing.
            throw new GraphError(416, "invalidRange", "The uploaded fragment overlaps with data that has already "
                    + "been received; next expected: " + session.received);
        }
        if (from > session.received) {
            throw new GraphError(400, "invalidRange", "Fragments must be uploaded in order; next expected: "
                    + session.received);
        }
        if (length >= MAX_PIECE) {
            throw new GraphError(400, "invalidRange", "A fragment must be smaller than 60 MiB");
        }
        boolean last = to + 1 == total;
        if (!last && length % PIECE_MULTIPLE != 0) {
            throw new GraphError(400, "invalidRange", "The fragment size must be a multiple of 320 KiB");
        }
        session.total = total;
        session.busy = true;
        return new Piece(session, from, length, last);
    }

    private static long[] parseContentRange(@Nullable String header) {
        if (header == null) {
            throw new GraphError(400, "invalidRange", "The Content-Range header is missing");
        }
        java.util.regex.Matcher m = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(header.trim());
        if (!m.matches()) {
            throw new GraphError(400, "invalidRange", "The Content-Range header is malformed: " + header);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /**
     * Ends a piece. When it was stored whole, the session moves on; the answer is 202 with the next expected range,
     * or empty when the session is complete and must be committed with {@link #commitSession}.
     */
    synchronized Optional<JsonObject> endPiece(Piece piece, boolean stored) {
        Session session = piece.session();
        session.busy = false;
        if (!stored) {
            return Optional.of(sessionJson(session));
        }
        session.received = piece.offset() + piece.length();
        if (session.received < session.total) {
            return Optional.of(sessionJson(session));
        }
        return Optional.empty();
    }

    /**
     * Commits a complete session. Graph: a name clash with conflictBehavior fail gives 409 and leaves the clashing
     * file alone; the session is kept until it expires.
     */
    synchronized Stored commitSession(Session session, String hash) {
        if (!sessions.containsKey(session.id)) {
            throw new GraphError(404, "itemNotFound", "The upload session was not found or has expired");
        }
        Drive drive = session.drive;
        Item target = session.targetId == null ? null : drive.items.get(session.targetId);
        if (session.targetId != null && (target == null || target.deleted)) {
            throw GraphError.notFound(session.targetId);
        }
        Item parent = drive.items.get(session.parentId);
        if (parent == null || parent.deleted) {
            throw GraphError.notFound(session.parentId);
        }
        Path blobFile = newBlobPath();
        Stored stored = store(parent, session.name, target, session.conflict,
                new Blob(blobFile, session.total, hash), session.fsInfo, null);
        try {
            Files.move(session.file, blobFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sessions.remove(session.id);
        return stored;
    }

    // ---------------------------------------------------------------- downloads

    synchronized String downloadUrl(Item item, String filesBase) {
        Version latest = item.latest();
        if (item.folder || latest == null) {
            throw GraphError.invalid("Only files have content");
        }
        String id = token(40);
        tickets.put(id, new Ticket(latest.file(), latest.size(), clock.instant().plus(downloadLifetime)));
        return filesBase + "/download/" + id + "?tempauth=" + token(48);
    }

    synchronized Ticket ticket(String id) {
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
            throw new GraphError(404, "itemNotFound", "The download URL is not known");
        }
        if (!clock.instant().isBefore(ticket.expires())) {
            // SharePoint: an expired pre-authenticated (tempauth) URL answers 401.
            throw new GraphError(401, "unauthenticated", "The download URL has expired");
        }
        return ticket;
    }

    // ---------------------------------------------------------------- delta

    synchronized void expireDeltaTokens() {
        generation++;
    }

    /**
     * One page of delta. Graph: the first call without token enumerates everything; following links until a
     * deltaLink; later calls with that deltaLink give each changed item's latest state (and its parents unless
     * deltaExcludeParent); {@code token=latest} gives an empty page with a deltaLink at now; an expired or unknown
     * token gives 410 with a Location to enumerate again.
     */
    synchronized JsonObject delta(Drive drive, @Nullable String token, boolean excludeParents, @Nullable Integer top,
            String linkBase) {
        Instant now = clock.instant();
        List<String> ids;
        long endSeq = drive.seq;
        boolean continuation = false;
        if (token == null) {
            ids = new ArrayList<>();
            enumerate(drive.root, ids);
            ids = ordered(ids);
        } else if (token.equals("latest")) {
            ids = List.of();
        } else {
            Cursor cursor = cursors.get(token);
            if (cursor == null) {
                Instant since = parseTimestamp(token);
                if (since == null) {
                    throw resync(linkBase, "The delta token is not valid");
                }
                ids = changedSince(drive, Long.MIN_VALUE, since, excludeParents);
            } else {
                if (cursor.generation() != generation || !cursor.driveId().equals(drive.id)
                        || cursor.issued().plus(deltaTokenLifetime).isBefore(now)) {
                    throw resync(linkBase, "The delta token has expired");
                }
                if (cursor.pending() != null) {
                    ids = cursor.pending();
                    endSeq = cursor.seq();
                    continuation = true;
                } else {
                    ids = changedSince(drive, cursor.seq(), null, excludeParents);
                }
            }
        }
        if (!continuation && deltaDuplicates && !ids.isEmpty()) {
            // Graph: the same item may come more than once in a round; the last one counts.
            List<String> twice = new ArrayList<>(ids);
            twice.addAll(ids);
            ids = twice;
        }
        int pageSize = top != null && top > 0 ? Math.min(top, deltaPageSize) : deltaPageSize;
        List<String> page = ids.subList(0, Math.min(pageSize, ids.size()));
        List<String> rest = new ArrayList<>(ids.subList(page.size(), ids.size()));
        JsonObject json = new JsonObject();
        json.addProperty("@odata.context", "#Collection(driveItem)");
        JsonArray value = new JsonArray();
        for (String id : page) {
            Item item = drive.items.get(id);
            if (item != null) {
                value.add(itemJson(item, true));
            }
        }
        json.add("value", value);
        String next = token(48);
        if (rest.isEmpty()) {
            cursors.put(next, new Cursor(drive.id, endSeq, now, generation, null));
            json.addProperty("@odata.deltaLink", linkBase + "?token=" + next);
        } else {
            cursors.put(next, new Cursor(drive.id, endSeq, now, generation, rest));
            json.addProperty("@odata.nextLink", linkBase + "?token=" + next);
        }
        return json;
    }

    private static @Nullable Instant parseTimestamp(String token) {
        try {
            return OffsetDateTime.parse(token).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static GraphError resync(String linkBase, String why) {
        return new GraphError(410, "resyncRequired", why + ". Resync required: replace any local items with the "
                + "server's version (including deletes) if you're sure that the service was up to date with your "
                + "local changes when you last sync'd. Upload any local changes that the server doesn't know about.")
                .inner("resyncChangesApplyDifferences")
                .header("Location", linkBase);
    }

    private void enumerate(Item item, List<String> ids) {
        ids.add(item.id);
        for (Item child : item.children) {
            if (!child.deleted) {
                enumerate(child, ids);
            }
        }
    }

    /** Parents before children, or (switch) children before parents. */
    private List<String> ordered(List<String> parentsFirst) {
        if (!childrenBeforeParents) {
            return parentsFirst;
        }
        return new ArrayList<>(parentsFirst.reversed());
    }

    private List<String> changedSince(Drive drive, long seq, @Nullable Instant since, boolean excludeParents) {
        LinkedHashMap<String, Long> changed = new LinkedHashMap<>();
        for (Change change : drive.changes) {
            if (change.seq() > seq && (since == null || change.at().isAfter(since))) {
                changed.remove(change.itemId());
                changed.put(change.itemId(), change.seq());
            }
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : changed.keySet()) {
            Item item = drive.items.get(id);
            if (item != null && !excludeParents) {
                // Graph: without deltaExcludeParent the parents in the hierarchy come too.
                List<Item> up = new ArrayList<>();
                for (Item p = item.parent; p != null && !p.deleted; p = p.parent) {
                    up.add(p);
                }
                for (Item p : up.reversed()) {
                    ids.add(p.id);
                }
            }
            ids.remove(id);
            ids.add(id);
        }
        return ordered(new ArrayList<>(ids));
    }

    // ---------------------------------------------------------------- JSON

    synchronized JsonObject siteJson(Site site) {
        JsonObject json = new JsonObject();
        json.addProperty("id", site.id);
        json.addProperty("name", site.name());
        json.addProperty("displayName", site.name());
        json.addProperty("webUrl", "https://" + site.hostname + site.path);
        json.addProperty("createdDateTime", site.created.toString());
        json.addProperty("lastModifiedDateTime", site.created.toString());
        JsonObject collection = new JsonObject();
        collection.addProperty("hostname", site.hostname);
        json.add("siteCollection", collection);
        return json;
    }

    synchronized JsonObject driveJson(Drive drive) {
        JsonObject json = new JsonObject();
        json.addProperty("id", drive.id);
        json.addProperty("name", drive.name);
        json.addProperty("description", "");
        json.addProperty("driveType", "documentLibrary");
        json.addProperty("createdDateTime", drive.created.toString());
        json.addProperty("lastModifiedDateTime", drive.created.toString());
        json.addProperty("webUrl", "https://" + drive.site.hostname + drive.site.path + "/" + drive.name);
        return json;
    }

    synchronized JsonObject drivesJson(Site site) {
        JsonObject json = new JsonObject();
        JsonArray value = new JsonArray();
        for (Drive drive : site.drives) {
            value.add(driveJson(drive));
        }
        json.add("value", value);
        return json;
    }

    /**
     * A driveItem as Graph shows it. In delta (Graph, OneDrive for Business): no cTag, no parentReference.path;
     * deleted items with the deleted facet and without name.
     */
    synchronized JsonObject itemJson(Item item, boolean forDelta) {
        JsonObject json = new JsonObject();
        json.addProperty("@odata.type", "#microsoft.graph.driveItem");
        json.addProperty("id", item.id);
        if (!(forDelta && item.deleted)) {
            json.addProperty("name", item.name);
        }
        json.addProperty("eTag", item.eTag());
        if (!item.folder && !forDelta) {
            json.addProperty("cTag", item.cTag());
        }
        json.addProperty("size", item.size());
        json.addProperty("createdDateTime", item.created.toString());
        json.addProperty("lastModifiedDateTime", item.modified.toString());
        if (!item.deleted) {
            String path = path(item);
            json.addProperty("webUrl", "https://" + item.drive.site.hostname + item.drive.site.path + "/"
                    + item.drive.name + (path.isEmpty() ? "" : "/" + path));
        }
        JsonObject parent = new JsonObject();
        parent.addProperty("driveType", "documentLibrary");
        parent.addProperty("driveId", item.drive.id);
        if (item.parent != null) {
            parent.addProperty("id", item.parent.id);
            if (!forDelta && !item.deleted) {
                String parentPath = path(item.parent);
                parent.addProperty("path", "/drives/" + item.drive.id + "/root:"
                        + (parentPath.isEmpty() ? "" : "/" + parentPath));
            }
        }
        json.add("parentReference", parent);
        if (item.isRoot()) {
            json.add("root", new JsonObject());
        }
        if (item.folder) {
            JsonObject folder = new JsonObject();
            folder.addProperty("childCount", item.children.stream().filter(c -> !c.deleted).count());
            json.add("folder", folder);
        } else {
            JsonObject file = new JsonObject();
            file.addProperty("mimeType", mimeType(item.name));
            Version latest = item.latest();
            if (item.hashlessReads > 0) {
                // SharePoint sometimes gives the hash late: the first reads after a change come without it.
                item.hashlessReads--;
            } else if (latest != null && !item.deleted) {
                JsonObject hashes = new JsonObject();
                hashes.addProperty("quickXorHash", latest.hash());
                file.add("hashes", hashes);
            }
            json.add("file", file);
        }
        JsonObject fsInfo = new JsonObject();
        fsInfo.addProperty("createdDateTime", item.fsCreated.toString());
        fsInfo.addProperty("lastModifiedDateTime", item.fsModified.toString());
        json.add("fileSystemInfo", fsInfo);
        if (item.deleted) {
            JsonObject deleted = new JsonObject();
            deleted.addProperty("state", "deleted");
            json.add("deleted", deleted);
        }
        return json;
    }

    synchronized JsonObject childrenJson(Item folder, int top, int skip, String linkBase) {
        requireFolder(folder);
        List<Item> live = folder.children.stream().filter(c -> !c.deleted)
                .sorted(Comparator.comparing((Item c) -> c.name.toLowerCase(Locale.ROOT))).toList();
        JsonObject json = new JsonObject();
        JsonArray value = new JsonArray();
        int end = Math.min(live.size(), skip + top);
        for (int i = Math.min(skip, live.size()); i < end; i++) {
            value.add(itemJson(live.get(i), false));
        }
        json.add("value", value);
        if (end < live.size()) {
            json.addProperty("@odata.nextLink", linkBase + "?$top=" + top + "&$skiptoken=" + end);
        }
        return json;
    }

    synchronized JsonObject versionsJson(Item item) {
        JsonObject json = new JsonObject();
        JsonArray value = new JsonArray();
        List<Version> versions = item.versions;
        for (int i = versions.size() - 1; i >= 0; i--) {
            JsonObject v = new JsonObject();
            v.addProperty("id", (i + 1) + ".0");
            v.addProperty("lastModifiedDateTime", versions.get(i).at().toString());
            v.addProperty("size", versions.get(i).size());
            value.add(v);
        }
        json.add("value", value);
        return json;
    }

    static String mimeType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".pptx")) {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed != null ? guessed : "application/octet-stream";
    }

    // ---------------------------------------------------------------- another user (actor)

    private Item itemAt(String driveId, String path) {
        Drive drive = drive(driveId);
        Item item = resolve(drive.root, path);
        if (item == null) {
            throw new IllegalArgumentException("Nothing at " + path + " in " + drive.name);
        }
        return item;
    }

    synchronized Item mkdirs(String driveId, String path) {
        Item current = drive(driveId).root;
        for (String name : segments(path)) {
            Item next = child(current, name);
            if (next == null) {
                next = create(current, name, true);
            } else if (!next.folder) {
                throw new IllegalArgumentException(path + ": " + name + " is a file");
            }
            current = next;
        }
        return current;
    }

    synchronized Item actorPut(String driveId, String path, Blob blob) {
        List<String> names = segments(path);
        Item parent = mkdirs(driveId, String.join("/", names.subList(0, names.size() - 1)));
        return store(parent, names.getLast(), null, "replace", blob, null, null).item();
    }

    synchronized void actorRename(String driveId, String path, String newName) {
        patch(itemAt(driveId, path), newName, null, null, null, null);
    }

    synchronized void actorMove(String driveId, String path, String newParentPath) {
        Item target = itemAt(driveId, newParentPath);
        patch(itemAt(driveId, path), null, target.id, null, null, null);
    }

    synchronized void actorDelete(String driveId, String path) {
        recycle(itemAt(driveId, path));
    }

    /** SharePoint rewrites an uploaded Office file (property promotion): same item and version, new bytes. */
    synchronized void actorRewrite(String driveId, String path, Blob blob) {
        Item item = itemAt(driveId, path);
        if (item.folder || item.versions.isEmpty()) {
            throw new IllegalArgumentException(path + " is not a file");
        }
        Version last = item.versions.removeLast();
        item.versions.add(new Version(blob.file(), blob.size(), blob.hash(), last.at()));
        item.hashlessReads = lateHashReads;
        changed(item, true);
    }

    synchronized void emptyLibrary(String driveId) {
        Drive drive = drive(driveId);
        for (Item child : new ArrayList<>(drive.root.children)) {
            if (!child.deleted) {
                recycle(child);
            }
        }
    }

    // ---------------------------------------------------------------- inspection

    synchronized @Nullable Item find(String driveId, String path) {
        return resolve(drive(driveId).root, path);
    }

    synchronized Optional<Path> contentFile(String driveId, String path) {
        Item item = find(driveId, path);
        if (item == null || item.folder || item.latest() == null) {
            return Optional.empty();
        }
        return Optional.of(item.latest().file());
    }

    synchronized List<Path> versionFiles(String driveId, String path) {
        Item item = itemAt(driveId, path);
        return item.versions.stream().map(Version::file).toList();
    }

    synchronized List<String> list(String driveId, String folderPath) {
        Item folder = itemAt(driveId, folderPath);
        return folder.children.stream().filter(c -> !c.deleted).map(c -> c.name)
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    synchronized List<String> allPaths(String driveId) {
        List<String> paths = new ArrayList<>();
        collect(drive(driveId).root, paths);
        paths.sort(String.CASE_INSENSITIVE_ORDER);
        return paths;
    }

    private static void collect(Item folder, List<String> paths) {
        for (Item child : folder.children) {
            if (!child.deleted) {
                paths.add(path(child));
                if (child.folder) {
                    collect(child, paths);
                }
            }
        }
    }

    synchronized List<String> recycleBin(String driveId) {
        return drive(driveId).bin.stream().map(i -> i.pathBeforeDelete).toList();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file; the whole directory goes at close
        }
    }

    static Blob blobOf(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new Blob(file, Files.size(file), QuickXorHash.of(in));
        }
    }
}
