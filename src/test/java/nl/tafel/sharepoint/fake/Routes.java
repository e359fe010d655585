package nl.tafel.sharepoint.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tafel.sharepoint.fake.DriveModel.Blob;
import nl.tafel.sharepoint.fake.DriveModel.Drive;
import nl.tafel.sharepoint.fake.DriveModel.FsInfo;
import nl.tafel.sharepoint.fake.DriveModel.Item;
import nl.tafel.sharepoint.fake.DriveModel.Piece;
import nl.tafel.sharepoint.fake.DriveModel.Site;
import nl.tafel.sharepoint.fake.DriveModel.Stored;
import nl.tafel.sharepoint.fake.DriveModel.Ticket;
import nl.tafel.sharepoint.internal.QuickXorHash;
import org.jspecify.annotations.Nullable;

/**
 * Maps a request (decoded path, see {@link GraphFake}) to the model and builds the answer. Addressing as Graph:
 * {@code /drives/{d}/root}, {@code /drives/{d}/root:/a/b.pdf[:]}, {@code /drives/{d}/items/{id}} and
 * {@code /drives/{d}/items/{id}:/relative/path:}, each optionally followed by {@code /children}, {@code /content},
 * {@code /createUploadSession}, {@code /delta...} or {@code /versions}.
 */
final class Routes {

    /** Graph: a small upload (PUT content) takes at most 250 MB. */
    static final long MAX_SIMPLE_UPLOAD = 250L * 1024 * 1024;

    private static final Pattern DELTA =
            Pattern.compile("/(?:microsoft\\.graph\\.)?delta(?:\\(\\)|\\(token='([^']*)'\\))?");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final DriveModel model;
    private final String graphBase;
    private final String filesBase;

    Routes(DriveModel model, String graphBase, String filesBase) {
        this.model = model;
        this.graphBase = graphBase;
        this.filesBase = filesBase;
    }

    Reply dispatch(Req r) {
        try {
            return r.host() == HostKind.GRAPH ? graph(r) : files(r);
        } catch (GraphError e) {
            drain(r.body());
            return Reply.error(e);
        }
    }

    // ---------------------------------------------------------------- Graph host

    private Reply graph(Req r) {
        String p = r.path();
        if (p.startsWith("/sites/")) {
            return sites(r, p.substring("/sites/".length()));
        }
        if (p.startsWith("/drives/")) {
            return drives(r, p.substring("/drives/".length()));
        }
        throw badSegment(p);
    }

    /** {@code /sites/{hostname}:/{path}[:][/drive|/drives]} and {@code /sites/{id}[/drive|/drives]}. */
    private Reply sites(Req r, String rest) {
        Site site;
        String tail;
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            String hostname = rest.substring(0, colon);
            String after = rest.substring(colon + 1);
            int end = after.indexOf(':');
            String sitePath = end < 0 ? after : after.substring(0, end);
            tail = end < 0 ? "" : after.substring(end + 1);
            site = model.siteByPath(hostname, sitePath);
        } else {
            site = model.site(slash < 0 ? rest : rest.substring(0, slash));
            tail = slash < 0 ? "" : rest.substring(slash);
        }
        if (tail.equals("/drive") || tail.startsWith("/drive/")) {
            String driveId = model.defaultDriveId(site);
            return drives(r, driveId + tail.substring("/drive".length()));
        }
        requireMethod(r, "GET");
        return switch (tail) {
            case "" -> Reply.json(200, model.siteJson(site));
            case "/drives" -> Reply.json(200, model.drivesJson(site));
            default -> throw badSegment(tail);
        };
    }

    private Reply drives(Req r, String rest) {
        int slash = rest.indexOf('/');
        Drive drive = model.drive(slash < 0 ? rest : rest.substring(0, slash));
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        if (tail.isEmpty()) {
            requireMethod(r, "GET");
            return Reply.json(200, model.driveJson(drive));
        }
        String baseId;
        String after;
        if (tail.equals("root") || tail.startsWith("root/") || tail.startsWith("root:")) {
            baseId = "root";
            after = tail.substring(4);
        } else if (tail.startsWith("items/")) {
            String t = tail.substring("items/".length());
            int end = indexOfAny(t, '/', ':');
            baseId = end < 0 ? t : t.substring(0, end);
            after = end < 0 ? "" : t.substring(end);
        } else {
            throw badSegment(tail);
        }
        String relativePath = null;
        if (after.startsWith(":")) {
            // Graph: {item}:/relative/path: addressing; names cannot hold ':' so the next ':' ends the path.
            String t = after.substring(1);
            int end = t.indexOf(':');
            relativePath = end < 0 ? t : t.substring(0, end);
            after = end < 0 ? "" : t.substring(end + 1);
        }
        Item base = model.item(drive, baseId);
        boolean byPath = relativePath != null && !DriveModel.segments(relativePath).isEmpty();

        Matcher delta = DELTA.matcher(after);
        if (delta.matches()) {
            requireMethod(r, "GET");
            if (byPath || !base.isRoot()) {
                // Graph (OneDrive for Business, SharePoint): delta only on the root folder.
                throw GraphError.invalid("Delta is only supported on the root folder of a drive");
            }
            String token = delta.group(1) != null ? delta.group(1) : r.query().get("token");
            Integer top = intParam(r, "$top");
            boolean excludeParents = r.header("deltaExcludeParent") != null;
            return Reply.json(200, model.delta(drive, token, excludeParents, top,
                    graphBase + "/drives/" + drive.id + "/root/delta"));
        }
        return switch (after) {
            case "" -> item(r, drive, base, byPath ? relativePath : null);
            case "/children" -> children(r, drive, target(base, byPath ? relativePath : null));
            case "/content" -> content(r, base, byPath ? relativePath : null);
            case "/createUploadSession" -> createUploadSession(r, base, byPath ? relativePath : null);
            case "/versions" -> {
                requireMethod(r, "GET");
                yield Reply.json(200, model.versionsJson(target(base, byPath ? relativePath : null)));
            }
            default -> throw badSegment(after);
        };
    }

    private Item target(Item base, @Nullable String relativePath) {
        if (relativePath == null) {
            return base;
        }
        Item item = model.resolve(base, relativePath);
        if (item == null) {
            throw GraphError.notFound(relativePath);
        }
        return item;
    }

    private Reply item(Req r, Drive drive, Item base, @Nullable String relativePath) {
        Item item = target(base, relativePath);
        switch (r.method()) {
            case "GET" -> {
                return Reply.json(200, model.itemJson(item, false));
            }
            case "PATCH" -> {
                JsonObject body = readJson(r);
                String parentId = null;
                if (body.has("parentReference") && body.get("parentReference").isJsonObject()) {
                    parentId = string(body.getAsJsonObject("parentReference"), "id");
                }
                String conflict = string(body, "@microsoft.graph.conflictBehavior");
                Item patched = model.patch(item, string(body, "name"), parentId, fsInfo(body),
                        conflict == null ? null : DriveModel.conflictBehavior(conflict, "fail"),
                        r.header("If-Match"));
                return Reply.json(200, model.itemJson(patched, false));
            }
            case "DELETE" -> {
                model.delete(item, r.header("If-Match"));
                return Reply.empty(204);
            }
            default -> throw methodNotAllowed(r);
        }
    }

    private Reply children(Req r, Drive drive, Item folder) {
        switch (r.method()) {
            case "GET" -> {
                Integer top = intParam(r, "$top");
                Integer skip = intParam(r, "$skiptoken");
                return Reply.json(200, model.childrenJson(folder, top == null ? 200 : top, skip == null ? 0 : skip,
                        graphBase + "/drives/" + drive.id + "/items/" + folder.id + "/children"));
            }
            case "POST" -> {
                JsonObject body = readJson(r);
                String name = string(body, "name");
                if (name == null) {
                    throw GraphError.invalid("A name is required");
                }
                // Graph: creating a folder fails on a name clash unless told otherwise.
                String conflict = DriveModel.conflictBehavior(string(body, "@microsoft.graph.conflictBehavior"),
                        "fail");
                if (body.has("file") && !body.has("folder")) {
                    Blob empty = receive(InputStream.nullInputStream());
                    Stored stored = storeOrDiscard(empty, () -> model.store(folder, name, null, conflict, empty,
                            null, null));
                    return Reply.json(201, model.itemJson(stored.item(), false));
                }
                if (!body.has("folder")) {
                    throw GraphError.invalid("Either folder or file is required");
                }
                return Reply.json(201, model.itemJson(model.createFolder(folder, name, conflict), false));
            }
            default -> throw methodNotAllowed(r);
        }
    }

    private Reply content(Req r, Item base, @Nullable String relativePath) {
        switch (r.method()) {
            case "GET" -> {
                // Graph: 302 to a short-lived pre-authenticated URL on another host.
                return Reply.empty(302).header("Location", model.downloadUrl(target(base, relativePath), filesBase));
            }
            case "PUT" -> {
                // Graph: a small upload replaces by default.
                String conflict = DriveModel.conflictBehavior(r.query().get("@microsoft.graph.conflictBehavior"),
                        "replace");
                String ifMatch = r.header("If-Match");
                Item existing = relativePath == null ? base : null;
                if (existing != null && existing.folder) {
                    throw GraphError.invalid("Content can only be put to a file");
                }
                Blob blob = receive(r.body());
                Stored stored = storeOrDiscard(blob, () -> relativePath != null
                        ? model.putByPath(base, relativePath, conflict, blob, ifMatch)
                        : model.store(base, base.name, base, conflict, blob, null, ifMatch));
                return Reply.json(stored.created() ? 201 : 200, model.itemJson(stored.item(), false));
            }
            default -> throw methodNotAllowed(r);
        }
    }

    private Reply createUploadSession(Req r, Item base, @Nullable String relativePath) {
        requireMethod(r, "POST");
        JsonObject body = readJson(r);
        JsonObject item = body.has("item") && body.get("item").isJsonObject() ? body.getAsJsonObject("item")
                : new JsonObject();
        // Taken as replace, like PUT; send @microsoft.graph.conflictBehavior explicitly.
        String conflict = DriveModel.conflictBehavior(string(item, "@microsoft.graph.conflictBehavior"), "replace");
        FsInfo fs = fsInfo(item);
        String ifMatch = r.header("If-Match");
        if (relativePath != null) {
            List<String> names = DriveModel.segments(relativePath);
            String parentPath = String.join("/", names.subList(0, names.size() - 1));
            Item parent = target(base, parentPath.isEmpty() ? null : parentPath);
            return Reply.json(200, model.createSession(parent, names.getLast(), null, conflict, fs, ifMatch,
                    filesBase));
        }
        if (base.isRoot() || base.parent == null) {
            throw GraphError.invalid("An upload session needs a file name");
        }
        return Reply.json(200, model.createSession(base.parent, base.name, base, conflict, fs, ifMatch, filesBase));
    }

    // ---------------------------------------------------------------- files host

    private Reply files(Req r) {
        String p = r.path();
        if (p.startsWith("/upload/")) {
            String id = p.substring("/upload/".length());
            return switch (r.method()) {
                case "PUT" -> piece(r, id);
                case "GET" -> Reply.json(200, model.sessionStatus(id));
                case "DELETE" -> {
                    model.cancelSession(id);
                    yield Reply.empty(204);
                }
                default -> throw methodNotAllowed(r);
            };
        }
        if (p.startsWith("/download/")) {
            requireMethod(r, "GET");
            return download(r, model.ticket(p.substring("/download/".length())));
        }
        throw new GraphError(404, "itemNotFound", "Not found: " + p);
    }

    private Reply piece(Req r, String sessionId) {
        String lengthHeader = r.header("Content-Length");
        long contentLength = lengthHeader == null ? -1 : Long.parseLong(lengthHeader.trim());
        Piece piece = model.beginPiece(sessionId, r.header("Content-Range"), contentLength);
        boolean stored = false;
        Path file = piece.session().file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(piece.offset());
            channel.position(piece.offset());
            long copied = copy(r.body(), channel, piece.length());
            if (copied != piece.length()) {
                throw new IOException("The piece ended after " + copied + " of " + piece.length() + " bytes");
            }
            stored = true;
        } catch (IOException e) {
            // Graph: a piece that does not arrive whole is ignored; the client has gone, nothing to answer.
            throw new UncheckedIOException(e);
        } finally {
            if (!stored) {
                model.endPiece(piece, false);
            }
        }
        Optional<JsonObject> progress = model.endPiece(piece, true);
        if (progress.isPresent()) {
            return Reply.json(202, progress.get());
        }
        String hash;
        try (InputStream in = Files.newInputStream(file)) {
            hash = QuickXorHash.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stored result = model.commitSession(piece.session(), hash);
        return Reply.json(result.created() ? 201 : 200, model.itemJson(result.item(), false));
    }

    private static Reply download(Req r, Ticket ticket) {
        long size = ticket.size();
        String range = r.header("Range");
        if (range == null) {
            return Reply.file(200, ticket.file(), 0, size).header("Accept-Ranges", "bytes");
        }
        Matcher m = RANGE.matcher(range.trim());
        long from;
        long to;
        if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                from = Math.max(0, size - suffix);
                to = size - 1;
            } else {
                from = Long.parseLong(m.group(1));
                to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (from < size && from <= to) {
                return Reply.file(206, ticket.file(), from, to - from + 1)
                        .header("Content-Range", "bytes " + from + "-" + to + "/" + size)
                        .header("Accept-Ranges", "bytes");
            }
        }
        return Reply.error(new GraphError(416, "invalidRange", "The range cannot be served: " + range))
                .header("Content-Range", "bytes */" + size);
    }

    // ---------------------------------------------------------------- helpers

    private interface StoreAction {
        Stored store();
    }

    private static Stored storeOrDiscard(Blob blob, StoreAction action) {
        try {
            return action.store();
        } catch (RuntimeException e) {
            DriveModel.deleteQuietly(blob.file());
            throw e;
        }
    }

    /** Streams a request body to a new blob file, hashing on the way. */
    private Blob receive(InputStream body) {
        Path file = model.newBlobPath();
        QuickXorHash hash = new QuickXorHash();
        long size = 0;
        byte[] buffer = new byte[256 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                size += n;
                if (size > MAX_SIMPLE_UPLOAD) {
                    throw new GraphError(413, "requestEntityTooLarge", "A simple upload takes at most 250 MB; "
                            + "use an upload session");
                }
                hash.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            DriveModel.deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (GraphError e) {
            DriveModel.deleteQuietly(file);
            throw e;
        }
        return new Blob(file, size, hash.digestBase64());
    }

    private static long copy(InputStream in, FileChannel channel, long length) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long copied = 0;
        while (copied < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - copied));
            if (n < 0) {
                break;
            }
            ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
            while (bb.hasRemaining()) {
                channel.write(bb);
            }
            copied += n;
        }
        return copied;
    }

    static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client has gone
        }
    }

    static JsonObject readJson(Req r) {
        String text;
        try {
            text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement json = JsonParser.parseString(text);
            if (!json.isJsonObject()) {
                throw GraphError.invalid("The body must be a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new GraphError(400, "BadRequest", "Unable to read JSON request payload: " + e.getMessage());
        }
    }

    static @Nullable String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static @Nullable FsInfo fsInfo(JsonObject json) {
        JsonElement value = json.get("fileSystemInfo");
        if (value == null || !value.isJsonObject()) {
            return null;
        }
        JsonObject fs = value.getAsJsonObject();
        return new FsInfo(instant(string(fs, "createdDateTime")), instant(string(fs, "lastModifiedDateTime")));
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            // SharePoint keeps whole seconds.
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw GraphError.invalid("Invalid date: " + text);
        }
    }

    private static @Nullable Integer intParam(Req r, String name) {
        String value = r.query().get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw GraphError.invalid("Invalid " + name + ": " + value);
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static void requireMethod(Req r, String method) {
        if (!r.method().equals(method)) {
            throw methodNotAllowed(r);
        }
    }

    private static GraphError methodNotAllowed(Req r) {
        return new GraphError(405, "BadRequest", "The method " + r.method() + " is not allowed on " + r.path());
    }

    private static GraphError badSegment(String segment) {
        return new GraphError(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }
}
