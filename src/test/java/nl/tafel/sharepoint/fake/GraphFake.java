package nl.tafel.sharepoint.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import nl.tafel.sharepoint.fake.DriveModel.Blob;
import nl.tafel.sharepoint.fake.DriveModel.Item;
import nl.tafel.sharepoint.internal.QuickXorHash;
import org.jspecify.annotations.Nullable;

/**
 * A local fake of the Microsoft Graph drive API (SharePoint document libraries) that behaves as Graph does,
 * failures included (see {@code design/graph-fake.md}). Graph routes are served on
 * {@code http://127.0.0.1:<port>/v1.0} and need {@code Authorization: Bearer <token>}; upload-session and download
 * URLs are served from another host, {@code http://127.0.0.2:<port>/}, and refuse an Authorization header (401),
 * as Graph's pre-authenticated URLs do. Content is kept in files in a temporary directory, removed at close.
 *
 * <h2>Calling each route through the Graph SDK v6 (what {@code GraphFakeTest} proves)</h2>
 * Build the client with {@link FakeGraphClient#create} (or see there how): a {@code GraphServiceClient} on an
 * OkHttp client from {@code GraphClientFactory.create(RequestOption[])} with a {@code RetryHandlerOption} (maxRetries
 * 0 in tests), and {@code client.getRequestAdapter().setBaseUrl(fake.baseUrl())}. Ids go through Kiota's
 * {@code by...Id(...)} untouched: Kiota percent-encodes them (":" as %3A, "/" as %2F, "," as %2C, "!" as %21) and
 * the fake (like Graph) decodes each path segment before reading {@code :/path:} addressing.
 * <ul>
 * <li>Site by path: {@code client.sites().bySiteId("contoso.sharepoint.com:/sites/bestuur:").get()}; its default
 * library {@code ...bySiteId("contoso.sharepoint.com:/sites/bestuur:").drive().get()}.</li>
 * <li>Site by id, its libraries: {@code client.sites().bySiteId(siteId).get()}, {@code .drive().get()},
 * {@code .drives().get().getValue()}.</li>
 * <li>A library: {@code client.drives().byDriveId(d).get()}; its root: {@code client.drives().byDriveId(d).root().get()}
 * or {@code .items().byDriveItemId("root").get()}.</li>
 * <li>An item by id: {@code client.drives().byDriveId(d).items().byDriveItemId(id).get()}; by path below an item:
 * {@code .items().byDriveItemId(parentId + ":/" + relativePath + ":").get()} ({@code "root:/a/b.pdf:"} works too).</li>
 * <li>Children (paged): {@code .items().byDriveItemId(id).children().get(rc -> rc.queryParameters.top = 100)}, then
 * {@code .children().withUrl(page.getOdataNextLink()).get()} until the nextLink is null.</li>
 * <li>Create a folder: {@code .items().byDriveItemId(parentId).children().post(folder)} with a fresh
 * {@code DriveItem} holding name, {@code new Folder()} and additionalData
 * {@code "@microsoft.graph.conflictBehavior" -> "fail"} (409 nameAlreadyExists on a clash).</li>
 * <li>Rename/move: {@code .items().byDriveItemId(id).patch(item, rc -> rc.headers.add("If-Match", eTag))} with a
 * fresh DriveItem (name and/or {@code parentReference.id}); 412 on a stale eTag, 409 on a name clash.</li>
 * <li>Delete: {@code .items().byDriveItemId(id).delete(rc -> rc.headers.add("If-Match", eTag))} (204, to the
 * recycle bin).</li>
 * <li>Small upload: {@code .items().byDriveItemId(parentId + ":/" + name + ":").content().put(inputStream)} (new or
 * replace), or {@code .items().byDriveItemId(id).content().put(inputStream)} for a new version.</li>
 * <li>Upload session: {@code .items().byDriveItemId(parentId + ":/" + name + ":").createUploadSession().post(body)}
 * with a {@code CreateUploadSessionPostRequestBody} whose {@code DriveItemUploadableProperties} has
 * additionalData {@code "@microsoft.graph.conflictBehavior"} and a {@code FileSystemInfo}; then PUT the pieces to
 * {@code session.getUploadUrl()} with a plain HTTP client and no Authorization header.</li>
 * <li>Download: {@code .items().byDriveItemId(id).content().get()} returns the InputStream; the SDK follows the
 * 302 to 127.0.0.2 and drops the Authorization header there because the host differs.</li>
 * <li>Delta: {@code .items().byDriveItemId("root").delta().get()} (URL {@code .../items/root/delta()}), then
 * {@code .items().byDriveItemId("root").delta().withUrl(nextOrDeltaLink).get()} for each nextLink and, next time,
 * for the stored deltaLink; {@code token=latest} by {@code .deltaWithToken("latest").get()} (URL
 * {@code delta(token='latest')}). 410 comes as an {@code ApiException} with status 410; the Location is in
 * {@code getResponseHeaders()}.</li>
 * <li>Batch: {@code new BatchRequestContent(client)}, {@code addBatchRequestStep(builder.toGetRequestInformation())},
 * {@code client.getBatchRequestBuilder().post(content, null)}; read each answer with
 * {@code getResponseById(id)} (an OkHttp Response with its own status and Retry-After).</li>
 * </ul>
 *
 * <h2>Throttling</h2>
 * Resource units per minute (sliding minute by the clock), as SharePoint counts them for Graph: 1 for a single-item
 * GET, a download or a delta with a token; 2 for listing children, a delta without token, and for
 * POST/PUT/PATCH/DELETE. Requests on the files host (upload pieces, session status, downloads) count 1 each: they
 * are SharePoint requests too, though Microsoft publishes no cost for them. Each request of a {@code $batch} counts
 * on its own, the envelope nothing. Throttled requests count too, as in SharePoint. Over budget: 429 with
 * {@code Retry-After} in seconds.
 */
public final class GraphFake implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "test-token";
    /** Graph: a batch takes at most 20 requests. */
    static final int MAX_BATCH = 20;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Path dir;
    private final DriveModel model;
    private final Routes routes;
    private final Throttle throttle = new Throttle();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private final HttpServer graphServer;
    private final HttpServer filesServer;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String filesUrl;
    private volatile String token = DEFAULT_TOKEN;
    private volatile Duration latency = Duration.ZERO;

    private GraphFake(Clock clock) throws IOException {
        this.clock = clock;
        this.dir = Files.createTempDirectory("graph-fake-");
        this.model = new DriveModel(clock, dir);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.graphServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 100);
        this.filesServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 100);
        this.baseUrl = "http://127.0.0.1:" + graphServer.getAddress().getPort() + "/v1.0";
        this.filesUrl = "http://127.0.0.2:" + filesServer.getAddress().getPort();
        this.routes = new Routes(model, baseUrl, filesUrl);
        graphServer.createContext("/", exchange -> handle(exchange, HostKind.GRAPH));
        filesServer.createContext("/", exchange -> handle(exchange, HostKind.FILES));
        graphServer.setExecutor(executor);
        filesServer.setExecutor(executor);
        graphServer.start();
        filesServer.start();
    }

    /** Starts both servers on random ports; times (server dates, expiry, throttling) follow {@code clock}. */
    public static GraphFake start(Clock clock) {
        try {
            return new GraphFake(clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/v1.0}, for {@code RequestAdapter.setBaseUrl}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.2:<port>}, where upload and download URLs point. */
    public String filesBaseUrl() {
        return filesUrl;
    }

    /** The bearer token Graph routes accept now. */
    public String token() {
        return token;
    }

    /** Accept only this token from now on: clients still sending the old one get 401 InvalidAuthenticationToken. */
    public void setToken(String token) {
        this.token = token;
    }

    @Override
    public void close() {
        graphServer.stop(0);
        filesServer.stop(0);
        executor.shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(DriveModel::deleteQuietly);
        } catch (IOException e) {
            // temp files only
        }
    }

    // ---------------------------------------------------------------- setup

    /** A site ({@code "contoso.sharepoint.com", "/sites/bestuur"}) with its default library "Documenten"; its id. */
    public String addSite(String hostname, String sitePath) {
        return model.addSite(hostname, sitePath);
    }

    /** Another document library in the site; its drive id. */
    public String addDrive(String siteId, String name) {
        return model.addDrive(siteId, name);
    }

    /** The drive id of a site's library by name ("Documenten" for the default one). */
    public String driveId(String siteId, String libraryName) {
        return model.driveId(siteId, libraryName);
    }

    // ---------------------------------------------------------------- behaviour switches

    /** Adds a scripted fault; returns it (to ask {@link Fault#fired()} later). */
    public Fault fault(Fault fault) {
        faults.add(fault);
        return fault;
    }

    public void resetFaults() {
        faults.clear();
    }

    /** Resource units per minute; 0 or less for unlimited (the default). */
    public void setBudgetPerMinute(int units) {
        throttle.setBudget(units);
    }

    /** Resource units charged so far (throttled requests included). */
    public long resourceUnitsUsed() {
        return throttle.unitsUsed();
    }

    /** Requests that came (by the clock) before a Retry-After given on the same route had passed. */
    public int earlyRetries() {
        return throttle.earlyRetries();
    }

    /** Makes every delta token and nextLink so far invalid: the next use gives 410 resyncRequired. */
    public void expireDeltaTokens() {
        model.expireDeltaTokens();
    }

    public void setDeltaPageSize(int items) {
        synchronized (model) {
            model.deltaPageSize = items;
        }
    }

    /** Each item of a delta round comes twice (the second time on a later page when paging). */
    public void setDeltaDuplicates(boolean duplicates) {
        synchronized (model) {
            model.deltaDuplicates = duplicates;
        }
    }

    /** Delta lists children before their parents. */
    public void setChildrenBeforeParents(boolean childrenFirst) {
        synchronized (model) {
            model.childrenBeforeParents = childrenFirst;
        }
    }

    /** After each content change, this many reads of the item come without {@code file.hashes} (0: off). */
    public void setLateHashReads(int reads) {
        synchronized (model) {
            model.lateHashReads = reads;
        }
    }

    /** A real-time pause before each request (for benchmarks). */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** How long an upload session lives, by the clock (default 1 hour). */
    public void setUploadSessionLifetime(Duration lifetime) {
        synchronized (model) {
            model.sessionLifetime = lifetime;
        }
    }

    /** How long a download URL lives, by the clock (default 5 minutes). */
    public void setDownloadUrlLifetime(Duration lifetime) {
        synchronized (model) {
            model.downloadLifetime = lifetime;
        }
    }

    /** How long a delta token lives, by the clock (default 30 days). */
    public void setDeltaTokenLifetime(Duration lifetime) {
        synchronized (model) {
            model.deltaTokenLifetime = lifetime;
        }
    }

    // ---------------------------------------------------------------- another user (paths relative to the library)

    /** Another user stores a file ("folder/sub/name.docx"): new, or a new version; folders are made as needed. */
    public String putFile(String driveId, String path, byte[] content) {
        return model.actorPut(driveId, path, blob(content)).id;
    }

    /** Another user makes the folders of a path; returns the last folder's id. */
    public String mkdirs(String driveId, String path) {
        return model.mkdirs(driveId, path).id;
    }

    public void rename(String driveId, String path, String newName) {
        model.actorRename(driveId, path, newName);
    }

    public void move(String driveId, String path, String newParentPath) {
        model.actorMove(driveId, path, newParentPath);
    }

    /** Another user deletes an item: it goes to the recycle bin with everything below it. */
    public void delete(String driveId, String path) {
        model.actorDelete(driveId, path);
    }

    /**
     * SharePoint rewrites an uploaded Office file (it writes document properties into it): same item, same version
     * number, new bytes with another size and hash, new eTag and cTag.
     */
    public void rewriteOffice(String driveId, String path) {
        byte[] old = content(driveId, path).orElseThrow(() -> new IllegalArgumentException("No file " + path));
        byte[] rewritten = new byte[old.length + 64];
        System.arraycopy(old, 0, rewritten, 0, old.length);
        byte[] tail = ("<!-- promoted by SharePoint " + clock.instant() + " -->").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tail, 0, rewritten, old.length, Math.min(64, tail.length));
        model.actorRewrite(driveId, path, blob(rewritten));
    }

    /** Another user deletes everything in the library. */
    public void emptyLibrary(String driveId) {
        model.emptyLibrary(driveId);
    }

    private Blob blob(byte[] content) {
        Path file = model.newBlobPath();
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Blob(file, content.length, QuickXorHash.of(content));
    }

    // ---------------------------------------------------------------- inspection

    /** The current content of a file, or empty when there is no file at the path. */
    public Optional<byte[]> content(String driveId, String path) {
        return model.contentFile(driveId, path).map(GraphFake::read);
    }

    /** The file holding the current content (to compare large files without loading them). */
    public Optional<Path> contentFile(String driveId, String path) {
        return model.contentFile(driveId, path);
    }

    /** Names in a folder ("" for the root), sorted ignoring case. */
    public List<String> list(String driveId, String folderPath) {
        return model.list(driveId, folderPath);
    }

    /** Every live path in the library ("a", "a/b.txt"), sorted ignoring case. */
    public List<String> allPaths(String driveId) {
        return model.allPaths(driveId);
    }

    /** Each version's content, oldest first. */
    public List<byte[]> versions(String driveId, String path) {
        return model.versionFiles(driveId, path).stream().map(GraphFake::read).toList();
    }

    /** The paths (as they were) of what was deleted, in order of deletion. */
    public List<String> recycleBin(String driveId) {
        return model.recycleBin(driveId);
    }

    /** The quickXorHash of a file's current content. */
    public String hash(String driveId, String path) {
        Item item = requireItem(driveId, path);
        synchronized (model) {
            return Objects.requireNonNull(item.latest(), "not a file").hash();
        }
    }

    public String itemId(String driveId, String path) {
        return requireItem(driveId, path).id;
    }

    public String eTag(String driveId, String path) {
        Item item = requireItem(driveId, path);
        synchronized (model) {
            return item.eTag();
        }
    }

    public boolean exists(String driveId, String path) {
        return model.find(driveId, path) != null;
    }

    private Item requireItem(String driveId, String path) {
        Item item = model.find(driveId, path);
        if (item == null) {
            throw new IllegalArgumentException("Nothing at " + path);
        }
        return item;
    }

    /** Every request so far, in order of arrival. */
    public List<LoggedRequest> requestLog() {
        return List.copyOf(log);
    }

    public void clearRequestLog() {
        log.clear();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    /** Thrown out of a handler to make the JDK server close the connection without (the rest of) an answer. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("connection dropped by a fault", null, false, false);
        }
    }

    private record Outcome(@Nullable Reply reply, boolean drop, long cutAfter) {
        static final Outcome DROP = new Outcome(null, true, -1);

        static Outcome of(Reply reply) {
            return new Outcome(reply, false, -1);
        }
    }

    private void handle(HttpExchange exchange, HostKind host) throws IOException {
        Instant arrived = clock.instant();
        sleep(latency);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String rawQuery = Objects.requireNonNullElse(uri.getRawQuery(), "");
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        String path;
        if (host == HostKind.GRAPH) {
            if (!rawPath.startsWith("/v1.0/")) {
                Req req = new Req(method, host, rawPath, rawQuery, Map.of(), headers, exchange.getRequestBody(),
                        false);
                send(exchange, logged(req, arrived, Outcome.of(Reply.error(
                        new GraphError(400, "BadRequest", "Invalid version: " + rawPath)))));
                return;
            }
            path = decodePath(rawPath.substring("/v1.0".length()));
        } else {
            path = decodePath(rawPath);
        }
        Req req = new Req(method, host, path, rawQuery, parseQuery(rawQuery), headers, exchange.getRequestBody(),
                false);
        send(exchange, process(req, arrived));
    }

    /** Authentication, faults, throttling, the route itself, and faults after commit. */
    private Outcome process(Req req, Instant now) {
        String authorization = req.header("Authorization");
        if (!req.inBatch() && !authorized(req, authorization)) {
            Routes.drain(req.body());
            if (req.host() == HostKind.GRAPH && authorization == null) {
                return logged(req, now, Outcome.of(unauthorized("InvalidAuthenticationToken",
                        "Access token is empty.")));
            }
            if (req.host() == HostKind.GRAPH) {
                return logged(req, now, Outcome.of(unauthorized("InvalidAuthenticationToken",
                        "Lifetime validation failed, the token is expired.")));
            }
            // Graph: upload and download URLs are pre-authenticated; a bearer token there gives 401.
            return logged(req, now, Outcome.of(unauthorized("unauthenticated",
                    "Do not send an Authorization header to a pre-authenticated URL.")));
        }
        throttle.arrived(req.routeKey(), now);
        Fault fault = findFault(req);
        if (fault != null) {
            sleep(fault.delay);
            if (!fault.afterCommit && fault.action == Fault.Action.STATUS) {
                Routes.drain(req.body());
                return logged(req, now, Outcome.of(faultReply(fault, req, now)));
            }
            if (!fault.afterCommit && fault.action == Fault.Action.DROP) {
                return logged(req, now, Outcome.DROP);
            }
        }
        long wait = throttle.charge(now, cost(req));
        if (wait > 0) {
            Routes.drain(req.body());
            throttle.retryAllowedAt(req.routeKey(), now.plusSeconds(wait));
            return logged(req, now, Outcome.of(Reply.error(new GraphError(429, "activityLimitReached",
                    "The request has been throttled").header("Retry-After", String.valueOf(wait)))));
        }
        Reply reply;
        try {
            reply = req.host() == HostKind.GRAPH && req.path().equals("/$batch") ? batch(req, now)
                    : routes.dispatch(req);
        } catch (UncheckedIOException e) {
            // The request body did not arrive whole: the client has gone.
            return logged(req, now, Outcome.DROP);
        }
        if (fault != null && fault.afterCommit) {
            switch (fault.action) {
                case STATUS -> reply = faultReply(fault, req, now);
                case DROP -> {
                    return logged(req, now, Outcome.DROP);
                }
                case CUT -> {
                    return logged(req, now, new Outcome(reply, false, fault.cutAfterBytes));
                }
                default -> {
                }
            }
        }
        return logged(req, now, Outcome.of(reply));
    }

    private boolean authorized(Req req, @Nullable String authorization) {
        return req.host() == HostKind.GRAPH ? ("Bearer " + token).equals(authorization) : authorization == null;
    }

    private static Reply unauthorized(String code, String message) {
        return Reply.error(new GraphError(401, code, message)
                .header("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\""));
    }

    private @Nullable Fault findFault(Req req) {
        for (Fault fault : faults) {
            boolean connectionFault = fault.action == Fault.Action.DROP || fault.action == Fault.Action.CUT;
            if (req.inBatch() && connectionFault) {
                continue;
            }
            if (fault.matches(req.method(), req.host(), req.path()) && fault.tryFire()) {
                return fault;
            }
        }
        return null;
    }

    private Reply faultReply(Fault fault, Req req, Instant now) {
        GraphError error = new GraphError(fault.status, errorCode(fault.status), "Scripted fault " + fault.status);
        if (fault.retryAfterSeconds >= 0) {
            Instant allowed = now.plusSeconds(fault.retryAfterSeconds);
            error.header("Retry-After", fault.retryAfterAsDate ? HTTP_DATE.format(allowed)
                    : String.valueOf(fault.retryAfterSeconds));
            throttle.retryAllowedAt(req.routeKey(), allowed);
        }
        return Reply.error(error);
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 400 -> "invalidRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "accessDenied";
            case 404 -> "itemNotFound";
            case 409 -> "nameAlreadyExists";
            case 412 -> "resourceModified";
            case 416 -> "invalidRange";
            case 423 -> "resourceLocked";
            case 429 -> "activityLimitReached";
            case 503 -> "serviceNotAvailable";
            case 504 -> "gatewayTimeout";
            default -> "generalException";
        };
    }

    /** Resource units as SharePoint charges Graph calls (see the class comment). */
    private static int cost(Req req) {
        if (req.host() == HostKind.FILES) {
            return 1;
        }
        String path = req.path();
        if (path.equals("/$batch")) {
            return 0;
        }
        if (!req.method().equals("GET")) {
            return 2;
        }
        if (path.contains("/delta")) {
            boolean withToken = req.query().containsKey("token") || path.contains("token=");
            return withToken ? 1 : 2;
        }
        return path.endsWith("/children") || path.endsWith("/drives") ? 2 : 1;
    }

    private Outcome logged(Req req, Instant now, Outcome outcome) {
        int status = outcome.drop() || outcome.reply() == null ? LoggedRequest.DROPPED : outcome.reply().status;
        log.add(new LoggedRequest(req.method(), req.host(), req.path(), req.rawQuery(), status, now,
                req.header("User-Agent"), req.header("Authorization") != null, req.inBatch()));
        return outcome;
    }

    private static void send(HttpExchange exchange, Outcome outcome) throws IOException {
        if (outcome.drop()) {
            throw new DropConnection();
        }
        Reply reply = Objects.requireNonNull(outcome.reply());
        Headers headers = exchange.getResponseHeaders();
        reply.headers.forEach(headers::set);
        long length = reply.contentLength();
        boolean noBody = length <= 0 || reply.status == 204 || reply.status == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(reply.status, noBody ? -1 : length);
        if (noBody) {
            exchange.close();
            return;
        }
        long limit = outcome.cutAfter() >= 0 ? Math.min(outcome.cutAfter(), length) : length;
        OutputStream out = exchange.getResponseBody();
        if (reply.body != null) {
            out.write(reply.body, 0, (int) limit);
        } else {
            try (InputStream in = Files.newInputStream(Objects.requireNonNull(reply.file))) {
                in.skipNBytes(reply.offset);
                byte[] buffer = new byte[256 * 1024];
                long left = limit;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
        if (limit < length) {
            // The declared length was not sent: closing the connection now gives the client an early end of stream.
            out.flush();
            throw new DropConnection();
        }
        exchange.close();
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- $batch

    /**
     * Graph JSON batching: up to 20 requests, each answered with its own status, headers and body (a 429 inside
     * carries its own Retry-After). dependsOn: a request whose dependency failed gets 424.
     */
    private Reply batch(Req req, Instant now) {
        if (!req.method().equals("POST")) {
            return Reply.error(new GraphError(405, "BadRequest", "Use POST for $batch"));
        }
        JsonObject body;
        try {
            body = Routes.readJson(req);
        } catch (GraphError e) {
            return Reply.error(e);
        }
        JsonElement requests = body.get("requests");
        if (requests == null || !requests.isJsonArray()) {
            return Reply.error(GraphError.invalid("A batch needs a requests array"));
        }
        if (requests.getAsJsonArray().size() > MAX_BATCH) {
            return Reply.error(GraphError.invalid("The number of requests in a batch is limited to " + MAX_BATCH));
        }
        Map<String, Integer> statusById = new LinkedHashMap<>();
        JsonArray responses = new JsonArray();
        for (JsonElement element : requests.getAsJsonArray()) {
            JsonObject request = element.getAsJsonObject();
            String id = Routes.string(request, "id");
            String method = Objects.requireNonNullElse(Routes.string(request, "method"), "GET")
                    .toUpperCase(Locale.ROOT);
            String url = Objects.requireNonNullElse(Routes.string(request, "url"), "/");
            Reply reply;
            if (failedDependency(request, statusById)) {
                reply = Reply.error(new GraphError(424, "failedDependency", "A request this one depends on failed"));
            } else {
                reply = subRequest(method, url, request, now);
            }
            statusById.put(id, reply.status);
            JsonObject response = new JsonObject();
            response.addProperty("id", id);
            response.addProperty("status", reply.status);
            JsonObject headers = new JsonObject();
            reply.headers.forEach(headers::addProperty);
            response.add("headers", headers);
            if (reply.json != null) {
                response.add("body", reply.json);
            }
            responses.add(response);
        }
        JsonObject json = new JsonObject();
        json.add("responses", responses);
        return Reply.json(200, json);
    }

    private static boolean failedDependency(JsonObject request, Map<String, Integer> statusById) {
        JsonElement dependsOn = request.get("dependsOn");
        if (dependsOn == null || !dependsOn.isJsonArray()) {
            return false;
        }
        for (JsonElement dependency : dependsOn.getAsJsonArray()) {
            Integer status = statusById.get(dependency.getAsString());
            if (status == null || status >= 400) {
                return true;
            }
        }
        return false;
    }

    private Reply subRequest(String method, String url, JsonObject request, Instant now) {
        String relative = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        if (!relative.startsWith("/")) {
            relative = "/" + relative;
        }
        int question = relative.indexOf('?');
        String rawPath = question < 0 ? relative : relative.substring(0, question);
        String rawQuery = question < 0 ? "" : relative.substring(question + 1);
        Map<String, String> headers = new HashMap<>();
        if (request.has("headers") && request.get("headers").isJsonObject()) {
            request.getAsJsonObject("headers").entrySet().forEach(
                    e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().getAsString()));
        }
        byte[] body = new byte[0];
        JsonElement bodyJson = request.get("body");
        if (bodyJson != null && !bodyJson.isJsonNull()) {
            body = (bodyJson.isJsonPrimitive() ? bodyJson.getAsString() : bodyJson.toString())
                    .getBytes(StandardCharsets.UTF_8);
        }
        Req sub = new Req(method, HostKind.GRAPH, decodePath(rawPath), rawQuery, parseQuery(rawQuery), headers,
                new ByteArrayInputStream(body), true);
        Outcome outcome = process(sub, now);
        return outcome.reply() != null ? outcome.reply()
                : Reply.error(new GraphError(500, "generalException", "The request failed"));
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Splits the raw path on '/' and percent-decodes each segment, so that Kiota's encoded ids
     * ({@code 01AB%3A%2Fname.pdf%3A}, {@code host%2Cguid%2Cguid}) and unencoded ones read the same.
     */
    static String decodePath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(percentDecode(segments[i]));
        }
        return path.toString();
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = percentDecode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(part.substring(eq + 1));
            query.put(name, value);
        }
        return query;
    }

    /** RFC 3986 percent-decoding as UTF-8 ('+' stays '+'). */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
