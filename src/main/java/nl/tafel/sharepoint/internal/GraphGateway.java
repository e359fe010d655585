package nl.tafel.sharepoint.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemUploadableProperties;
import com.microsoft.graph.models.FileSystemInfo;
import com.microsoft.graph.models.Folder;
import com.microsoft.graph.models.ItemReference;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every call Tafel makes to Microsoft Graph goes through here, through the Graph Java SDK (upload-session pieces go
 * straight to their pre-authenticated URL, as Graph wants them: without a token).
 * <p>Waiting is never done here: the SDK's own retry handler is taken out (it sleeps on the calling thread and caps
 * Retry-After at 180 s). A 429 or 503 throws {@link Throttled} with the moment SharePoint named, and every later call
 * is refused before it is sent until then; the sync job is rescheduled for that moment. Tafel also keeps its own
 * per-minute budget of resource units (1 for a read, 2 for a write), so that it stays under SharePoint's.
 */
@Component
public class GraphGateway {

    static final String SCOPE = "https://graph.microsoft.com/.default";

    private final SharePointSettings settings;
    private final Clock clock;
    private final String userAgent;
    private volatile @Nullable GraphServiceClient client;
    private volatile @Nullable OkHttpClient files;
    private volatile Instant waitUntil = Instant.EPOCH;
    private final ArrayDeque<long[]> spent = new ArrayDeque<>();
    private long unitsSpent;

    GraphGateway(SharePointSettings settings, Clock clock, ObjectProvider<BuildProperties> build) {
        this.settings = settings;
        this.clock = clock;
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "dev";
        this.userAgent = "NONISV|OndernemendLeiden|Tafel/" + version;
    }

    public String userAgent() {
        return userAgent;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** Until when SharePoint asked Tafel to wait, if that is still ahead. */
    public Optional<Instant> waitingUntil() {
        Instant until = waitUntil;
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Takes over a wait persisted before a restart. */
    public synchronized void waitAtLeastUntil(Instant until) {
        if (until.isAfter(waitUntil)) {
            waitUntil = until;
        }
    }

    /** Forgets a wait SharePoint asked for and the budget spent (tests move clocks back). */
    synchronized void forgetWaits() {
        waitUntil = Instant.EPOCH;
        spent.clear();
    }

    /** Resource units spent since start (for the benchmark). */
    public synchronized long unitsSpent() {
        return unitsSpent;
    }

    // ------------------------------------------------------------------ sites and drives

    public String siteId(String hostname, String sitePath) {
        String path = sitePath.startsWith("/") ? sitePath : "/" + sitePath;
        String url = settings.graphBaseUrl() + "/sites/" + hostname + ":" + encodePath(path);
        return call(1, () -> graph().sites().bySiteId("site").withUrl(url).get().getId());
    }

    public List<Drive> drives(String siteId) {
        return call(1, () -> {
            var answer = graph().sites().bySiteId(siteId).drives().get();
            return answer == null || answer.getValue() == null ? List.<Drive>of() : answer.getValue();
        });
    }

    /** The item at this path in the drive ("" is the root), or empty when there is none. */
    public Optional<RemoteItem> itemAt(String driveId, String path) {
        String url = path.isEmpty() ? settings.graphBaseUrl() + "/drives/" + driveId + "/root"
                : settings.graphBaseUrl() + "/drives/" + driveId + "/root:/" + encodePath(path) + ":";
        try {
            return Optional.of(of(call(1, () -> graph().drives().byDriveId(driveId).root().withUrl(url).get())));
        } catch (GraphFailure e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<RemoteItem> item(String driveId, String itemId) {
        try {
            return Optional.of(of(call(1,
                    () -> graph().drives().byDriveId(driveId).items().byDriveItemId(itemId).get())));
        } catch (GraphFailure e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ changes

    public RemoteItem createFolder(String driveId, String parentId, String name) {
        DriveItem folder = new DriveItem();
        folder.setName(name);
        folder.setFolder(new Folder());
        folder.getAdditionalData().put("@microsoft.graph.conflictBehavior", "fail");
        return of(call(2, () -> graph().drives().byDriveId(driveId).items().byDriveItemId(parentId).children()
                .post(folder)));
    }

    /** Renames and/or moves an item; a fresh request object every time (the SDK sends only changed fields). */
    public RemoteItem patch(String driveId, String itemId, @Nullable String name, @Nullable String parentId,
            @Nullable String eTag) {
        DriveItem change = new DriveItem();
        if (name != null) {
            change.setName(name);
        }
        if (parentId != null) {
            ItemReference parent = new ItemReference();
            parent.setId(parentId);
            change.setParentReference(parent);
        }
        return of(call(2, () -> graph().drives().byDriveId(driveId).items().byDriveItemId(itemId).patch(change,
                config -> {
                    if (eTag != null) {
                        config.headers.add("If-Match", eTag);
                    }
                })));
    }

    /** Deletes an item: SharePoint keeps it in its recycle bin. */
    public void delete(String driveId, String itemId, @Nullable String eTag) {
        call(2, () -> {
            graph().drives().byDriveId(driveId).items().byDriveItemId(itemId).delete(config -> {
                if (eTag != null) {
                    config.headers.add("If-Match", eTag);
                }
            });
            return null;
        });
    }

    /** One answer inside a {@code $batch}: its own status and Retry-After. */
    public record BatchAnswer(int status, @Nullable String retryAfter) {
    }

    /**
     * Deletes up to 20 items in one {@code $batch} (each If-Match its eTag when given). Each answer has its own
     * status, including its own 429; nothing is retried here. Each request counts against the budget.
     */
    public List<BatchAnswer> deleteAll(String driveId, List<String> itemIds, List<@Nullable String> eTags) {
        if (itemIds.size() > 20) {
            throw new IllegalArgumentException("a batch takes at most 20 requests");
        }
        admit(2 * itemIds.size());
        return call(0, () -> {
            try {
                var batch = new com.microsoft.graph.core.content.BatchRequestContent(graph());
                List<String> steps = new ArrayList<>();
                for (int i = 0; i < itemIds.size(); i++) {
                    String eTag = eTags.get(i);
                    steps.add(batch.addBatchRequestStep(graph().drives().byDriveId(driveId).items()
                            .byDriveItemId(itemIds.get(i)).toDeleteRequestInformation(config -> {
                                if (eTag != null) {
                                    config.headers.add("If-Match", eTag);
                                }
                            })));
                }
                var answers = graph().getBatchRequestBuilder().post(batch, null);
                List<BatchAnswer> result = new ArrayList<>();
                for (String step : steps) {
                    Response answer = answers.getResponseById(step); // built from the batch's JSON: nothing to close
                    result.add(answer == null ? new BatchAnswer(0, null)
                            : new BatchAnswer(answer.code(), answer.header("Retry-After")));
                }
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Remembers a 429/503 answered inside a batch, as for any other call. */
    public Throttled throttledInBatch(@Nullable String retryAfter) {
        return throttle(retryAfter);
    }

    /** The content of a file; the SDK follows the redirect to the pre-authenticated URL (without the token). */
    public InputStream download(String driveId, String itemId) {
        InputStream in = call(1, () -> graph().drives().byDriveId(driveId).items().byDriveItemId(itemId).content()
                .get());
        if (in == null) {
            throw new GraphFailure(0, "emptyBody", "no content", null, null);
        }
        return in;
    }

    /** One page of the drive's changes: from the start ({@code link} null) or from a nextLink/deltaLink. */
    public DeltaPage delta(String driveId, @Nullable String link) {
        DeltaGetResponse page = call(1, () -> {
            var builder = graph().drives().byDriveId(driveId).items().byDriveItemId("root").delta();
            return link == null ? builder.get() : builder.withUrl(link).get();
        });
        List<RemoteItem> items = page.getValue() == null ? List.of()
                : page.getValue().stream().map(GraphGateway::of).toList();
        return new DeltaPage(items, page.getOdataNextLink(), page.getOdataDeltaLink());
    }

    public record DeltaPage(List<RemoteItem> items, @Nullable String nextLink, @Nullable String deltaLink) {
    }

    // ------------------------------------------------------------------ upload sessions

    /** An upload session for a new file under a parent; {@code fail} makes a name clash a 409 instead of a copy. */
    public Session newFileSession(String driveId, String parentId, String name, Instant modifiedAt) {
        CreateUploadSessionPostRequestBody body = sessionBody(modifiedAt);
        body.getItem().setName(name);
        UploadSession session = call(2, () -> graph().drives().byDriveId(driveId).items()
                .byDriveItemId(parentId + ":/" + name + ":").createUploadSession().post(body));
        return session(session);
    }

    /** An upload session for a new version of a known file; a stale eTag gives 412. */
    public Session newVersionSession(String driveId, String itemId, @Nullable String eTag, Instant modifiedAt) {
        CreateUploadSessionPostRequestBody body = sessionBody(modifiedAt);
        body.getItem().getAdditionalData().put("@microsoft.graph.conflictBehavior", "replace");
        UploadSession session = call(2, () -> graph().drives().byDriveId(driveId).items().byDriveItemId(itemId)
                .createUploadSession().post(body, config -> {
                    if (eTag != null) {
                        config.headers.add("If-Match", eTag);
                    }
                }));
        return session(session);
    }

    private static CreateUploadSessionPostRequestBody sessionBody(Instant modifiedAt) {
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        DriveItemUploadableProperties item = new DriveItemUploadableProperties();
        item.getAdditionalData().put("@microsoft.graph.conflictBehavior", "fail");
        FileSystemInfo times = new FileSystemInfo();
        OffsetDateTime at = modifiedAt.atOffset(java.time.ZoneOffset.UTC);
        times.setLastModifiedDateTime(at);
        item.setFileSystemInfo(times);
        body.setItem(item);
        return body;
    }

    private Session session(@Nullable UploadSession session) {
        if (session == null || session.getUploadUrl() == null) {
            throw new GraphFailure(0, "noUploadUrl", "no upload session", null, null);
        }
        Instant expires = session.getExpirationDateTime() == null ? clock.instant().plus(Duration.ofHours(1))
                : session.getExpirationDateTime().toInstant();
        return new Session(session.getUploadUrl(), expires);
    }

    public record Session(String uploadUrl, Instant expiresAt) {
    }

    /**
     * What the session has: the first missing byte, or the finished item. Unknown or expired sessions throw a
     * {@link GraphFailure} with status 404.
     */
    public PieceAnswer sessionStatus(String uploadUrl) {
        admit(1);
        Request request = new Request.Builder().url(uploadUrl).header("User-Agent", userAgent).get().build();
        return piece(request);
    }

    /** Sends one piece: bytes {@code from}..{@code from + length - 1} of {@code total}. */
    public PieceAnswer putPiece(String uploadUrl, byte[] bytes, int length, long from, long total) {
        admit(1);
        Request request = new Request.Builder().url(uploadUrl).header("User-Agent", userAgent)
                .header("Content-Range", "bytes " + from + "-" + (from + length - 1) + "/" + total)
                .put(RequestBody.create(bytes, MediaType.get("application/octet-stream"), 0, length)).build();
        return piece(request);
    }

    /** Cancels a session (best effort). */
    public void cancelSession(String uploadUrl) {
        try {
            admit(1);
            Request request = new Request.Builder().url(uploadUrl).header("User-Agent", userAgent).delete().build();
            try (Response ignored = files().newCall(request).execute()) {
                // nothing to read
            }
        } catch (IOException | RuntimeException e) {
            // the session expires by itself
        }
    }

    /** A piece's answer: the next byte the server expects, or the finished item. */
    public record PieceAnswer(long nextExpected, @Nullable RemoteItem item) {
    }

    private PieceAnswer piece(Request request) {
        try (Response response = files().newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            int status = response.code();
            if (status == 429 || status == 503) {
                throw throttle(response.header("Retry-After"));
            }
            if (status == 200 || status == 201 || status == 202) {
                JsonObject json = body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
                if (json.has("id")) {
                    return new PieceAnswer(-1, of(json));
                }
                return new PieceAnswer(firstExpected(json), null);
            }
            throw new GraphFailure(status, errorCode(body), "upload session answered " + status, null, null);
        } catch (IOException e) {
            throw new GraphFailure(0, "network", e.toString(), null, e);
        }
    }

    private static long firstExpected(JsonObject json) {
        JsonElement ranges = json.get("nextExpectedRanges");
        if (ranges == null || !ranges.isJsonArray() || ranges.getAsJsonArray().isEmpty()) {
            return -1; // nothing missing, yet no item: the caller starts a new session
        }
        String first = ranges.getAsJsonArray().get(0).getAsString();
        int dash = first.indexOf('-');
        return Long.parseLong(dash < 0 ? first : first.substring(0, dash));
    }

    private static String errorCode(String body) {
        try {
            JsonObject error = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
            return error != null && error.has("code") ? error.get("code").getAsString() : "unknown";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    // ------------------------------------------------------------------ plumbing

    private <T> T call(int units, Supplier<T> work) {
        admit(units);
        try {
            return work.get();
        } catch (ApiException e) {
            throw translate(e);
        } catch (UncheckedIOException e) {
            throw new GraphFailure(0, "network", e.toString(), null, e);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException || e instanceof IllegalStateException && cause != null) {
                throw new GraphFailure(0, "network", String.valueOf(cause), null, e);
            }
            throw e;
        }
    }

    /** Refuses a call while SharePoint asked to wait, and keeps within the per-minute budget. */
    private synchronized void admit(int units) {
        Instant now = clock.instant();
        if (now.isBefore(waitUntil)) {
            throw new Throttled(waitUntil, "SharePoint asked to wait");
        }
        long nowMillis = now.toEpochMilli();
        long inWindow = 0;
        while (!spent.isEmpty() && spent.peekFirst()[0] <= nowMillis - 60_000) {
            spent.pollFirst();
        }
        for (long[] entry : spent) {
            inWindow += entry[1];
        }
        if (inWindow + units > settings.budgetPerMinute()) {
            long[] oldest = spent.peekFirst();
            Instant free = Instant.ofEpochMilli((oldest == null ? nowMillis : oldest[0]) + 60_000);
            throw new Throttled(free, "budget of " + settings.budgetPerMinute() + " units per minute spent");
        }
        spent.addLast(new long[] {nowMillis, units});
        unitsSpent += units;
    }

    private RuntimeException translate(ApiException e) {
        int status = e.getResponseStatusCode();
        if (status == 429 || status == 503) {
            return throttle(header(e, "Retry-After"));
        }
        String code = "unknown";
        String message = String.valueOf(e.getMessage());
        if (e instanceof ODataError odata && odata.getError() != null) {
            code = String.valueOf(odata.getError().getCode());
            message = String.valueOf(odata.getError().getMessage());
        }
        return new GraphFailure(status, code, message, header(e, "Location"), e);
    }

    private Throttled throttle(@Nullable String retryAfter) {
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter(retryAfter, now));
        synchronized (this) {
            if (until.isAfter(waitUntil)) {
                waitUntil = until;
            }
        }
        return new Throttled(until, "SharePoint answered Retry-After " + retryAfter);
    }

    /** Retry-After in seconds or as an HTTP date; 10 s when absent or unreadable. Never capped. */
    static Duration retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(10);
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return Duration.ofSeconds(10);
            }
        }
    }

    private static @Nullable String header(ApiException e, String name) {
        if (e.getResponseHeaders() == null) {
            return null;
        }
        for (var entry : e.getResponseHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().iterator().next();
            }
        }
        return null;
    }

    private GraphServiceClient graph() {
        GraphServiceClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = build();
                    client = c;
                }
            }
        }
        return c;
    }

    private GraphServiceClient build() {
        if (!settings.configured()) {
            throw new GraphFailure(0, "notConfigured", "no SharePoint credentials in the environment", null, null);
        }
        List<Interceptor> interceptors = new ArrayList<>(
                Arrays.asList(GraphClientFactory.createDefaultGraphInterceptors(new GraphClientOption())));
        interceptors.removeIf(RetryHandler.class::isInstance);
        interceptors.add(userAgentInterceptor());
        // no silent re-send of a POST or PUT after a dropped connection: a lost answer is handled by the sync
        OkHttpClient http = GraphClientFactory.create(interceptors).callTimeout(settings.callTimeout())
                .readTimeout(Duration.ofMinutes(2)).retryOnConnectionFailure(false).build();
        String graphHost = URI.create(settings.graphBaseUrl()).getHost();
        AuthenticationProvider auth;
        if (settings.accessToken() != null) {
            String token = settings.accessToken();
            // Only for a local Graph test server: the token goes to the Graph host only, never to upload URLs.
            auth = (request, context) -> {
                try {
                    if (graphHost.equalsIgnoreCase(request.getUri().getHost())) {
                        request.headers.add("Authorization", "Bearer " + token);
                    }
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalArgumentException(e);
                }
            };
        } else {
            auth = new AzureIdentityAuthenticationProvider(credential(), new String[] {graphHost}, SCOPE);
        }
        GraphServiceClient graph = new GraphServiceClient(auth, http);
        graph.getRequestAdapter().setBaseUrl(settings.graphBaseUrl());
        return graph;
    }

    private TokenCredential credential() {
        if (settings.clientSecret() != null) {
            return new ClientSecretCredentialBuilder().tenantId(settings.tenantId()).clientId(settings.clientId())
                    .clientSecret(settings.clientSecret()).build();
        }
        return new ClientCertificateCredentialBuilder().tenantId(settings.tenantId()).clientId(settings.clientId())
                .pemCertificate(settings.clientCertificatePath()).build();
    }

    private OkHttpClient files() {
        OkHttpClient f = files;
        if (f == null) {
            synchronized (this) {
                f = files;
                if (f == null) {
                    f = new OkHttpClient.Builder().callTimeout(settings.callTimeout())
                            .readTimeout(Duration.ofMinutes(2)).writeTimeout(Duration.ofMinutes(2))
                            .retryOnConnectionFailure(false).build();
                    files = f;
                }
            }
        }
        return f;
    }

    private Interceptor userAgentInterceptor() {
        return chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (!out.isEmpty() || path.startsWith("/")) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String result = out.toString();
        return path.startsWith("/") && result.startsWith("//") ? result.substring(1) : result;
    }

    static RemoteItem of(DriveItem d) {
        String parent = d.getParentReference() == null ? null : d.getParentReference().getId();
        String hash = d.getFile() != null && d.getFile().getHashes() != null
                ? d.getFile().getHashes().getQuickXorHash() : null;
        Instant modified = d.getLastModifiedDateTime() == null ? null : d.getLastModifiedDateTime().toInstant();
        return new RemoteItem(d.getId(), d.getName(), parent, d.getETag(), d.getCTag(), hash,
                d.getSize() == null ? 0 : d.getSize(), d.getFolder() != null || d.getRoot() != null,
                d.getDeleted() != null, modified);
    }

    static RemoteItem of(JsonObject json) {
        JsonObject parent = json.has("parentReference") ? json.getAsJsonObject("parentReference") : null;
        JsonObject file = json.has("file") ? json.getAsJsonObject("file") : null;
        JsonObject hashes = file != null && file.has("hashes") ? file.getAsJsonObject("hashes") : null;
        return new RemoteItem(json.get("id").getAsString(), text(json, "name"),
                parent == null ? null : text(parent, "id"), text(json, "eTag"), text(json, "cTag"),
                hashes == null ? null : text(hashes, "quickXorHash"),
                json.has("size") ? json.get("size").getAsLong() : 0, json.has("folder"), json.has("deleted"),
                json.has("lastModifiedDateTime") ? OffsetDateTime.parse(json.get("lastModifiedDateTime")
                        .getAsString()).toInstant() : null);
    }

    private static @Nullable String text(JsonObject json, String name) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
