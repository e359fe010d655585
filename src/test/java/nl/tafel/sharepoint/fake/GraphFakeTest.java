package nl.tafel.sharepoint.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemCollectionResponse;
import com.microsoft.graph.models.DriveItemUploadableProperties;
import com.microsoft.graph.models.FileSystemInfo;
import com.microsoft.graph.models.Folder;
import com.microsoft.graph.models.ItemReference;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.sharepoint.internal.QuickXorHash;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the fake through the real Graph SDK v6 (and a plain HTTP client for upload URLs), so that what the sync
 * engine will call is what is tested. No Spring context, no database.
 */
class GraphFakeTest {

    private static final String HOST = "contoso.sharepoint.com";
    private static final int PIECE = 327_680;

    private final TestClock clock = new TestClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private GraphFake fake;
    private GraphServiceClient graph;
    private String siteId;
    private String driveId;

    @BeforeEach
    void start() {
        fake = GraphFake.start(clock);
        siteId = fake.addSite(HOST, "/sites/bestuur");
        driveId = fake.driveId(siteId, "Documenten");
        graph = FakeGraphClient.create(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---------------------------------------------------------------- sites, drives, auth

    @Test
    void findsTheSiteByHostnameAndPathAndListsItsLibraries() {
        String archive = fake.addDrive(siteId, "Archief");

        var site = graph.sites().bySiteId(HOST + ":/sites/bestuur:").get();
        var byPathWithoutColon = graph.sites().bySiteId(HOST + ":/sites/bestuur").get();
        var defaultDrive = graph.sites().bySiteId(HOST + ":/sites/bestuur:").drive().get();
        var drives = graph.sites().bySiteId(site.getId()).drives().get().getValue();

        assertThat(site.getId()).isEqualTo(siteId).contains(",");
        assertThat(byPathWithoutColon.getId()).isEqualTo(siteId);
        assertThat(defaultDrive.getId()).isEqualTo(driveId);
        assertThat(defaultDrive.getName()).isEqualTo("Documenten");
        assertThat(drives).extracting(d -> d.getId()).containsExactly(driveId, archive);
        assertThat(graph.drives().byDriveId(archive).get().getName()).isEqualTo("Archief");
        // Kiota percent-encoded the ':' '/' and ',' of these ids; the fake decoded them per segment.
        assertThat(fake.requestLog()).extracting(LoggedRequest::path).contains(
                "/sites/" + HOST + ":/sites/bestuur:", "/sites/" + HOST + ":/sites/bestuur:/drive",
                "/sites/" + siteId + "/drives");
    }

    @Test
    void everySdkRequestCarriesTheTokenAndAStaleTokenGets401() {
        graph.drives().byDriveId(driveId).root().get();
        assertThat(fake.requestLog()).allSatisfy(r -> {
            assertThat(r.authorization()).isTrue();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.userAgent()).contains("kiota-java");
        });

        fake.setToken("renewed-token");

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).root().get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(401);
                    assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
                });
        GraphServiceClient renewed = FakeGraphClient.create(fake);
        assertThat(renewed.drives().byDriveId(driveId).root().get().getRoot()).isNotNull();
    }

    @Test
    void pathsArriveEncodedOrPlainAlike() throws Exception {
        fake.putFile(driveId, "Notulen/2025/jan.pdf", bytes("jan"));
        String notulen = fake.itemId(driveId, "Notulen");

        DriveItem bySdk = graph.drives().byDriveId(driveId).items().byDriveItemId(notulen + ":/2025/jan.pdf:").get();
        DriveItem byRootPath = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/Notulen/2025/JAN.PDF:")
                .get();
        HttpResponse<String> plain = get(fake.baseUrl() + "/drives/" + driveId + "/root:/Notulen/2025/jan.pdf");
        HttpResponse<String> plainSite = get(fake.baseUrl() + "/sites/" + siteId + "/drive");

        assertThat(bySdk.getName()).isEqualTo("jan.pdf");
        assertThat(byRootPath.getId()).isEqualTo(bySdk.getId());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(json(plain).get("id").getAsString()).isEqualTo(bySdk.getId());
        assertThat(plainSite.statusCode()).isEqualTo(200);
        assertThat(bySdk.getParentReference().getPath()).isEqualTo("/drives/" + driveId + "/root:/Notulen/2025");
        assertThat(bySdk.getFile().getHashes().getQuickXorHash()).isEqualTo(QuickXorHash.of(bytes("jan")));
    }

    // ---------------------------------------------------------------- folders, rename, delete

    @Test
    void createsAFolderAndFailsOnAClashUnlessToldToRename() {
        DriveItem made = graph.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                .post(folder("Notulen", "fail"));

        assertThat(made.getFolder()).isNotNull();
        assertThat(made.getCTag()).as("folders have no cTag").isNull();
        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                .post(folder("NOTULEN", "fail")))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(409);
                    assertThat(e.getError().getCode()).isEqualTo("nameAlreadyExists");
                });
        DriveItem renamed = graph.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                .post(folder("Notulen", "rename"));
        assertThat(renamed.getName()).isEqualTo("Notulen 1");
        assertThat(fake.list(driveId, "")).containsExactly("Notulen", "Notulen 1");
    }

    @Test
    void refusesNamesSharePointRefuses() {
        for (String name : List.of("a:b", "CON", "con.txt", "desktop.ini", "~$tmp.docx", "x_vti_y", " lead",
                "trail ", ".lock")) {
            assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                    .post(folder(name, "fail")))
                    .as(name)
                    .isInstanceOfSatisfying(ODataError.class, e -> {
                        assertThat(e.getResponseStatusCode()).isEqualTo(400);
                        assertThat(e.getError().getCode()).isEqualTo("invalidRequest");
                    });
        }
        String deep = "d".repeat(200) + "/" + "e".repeat(150);
        String deepId = fake.mkdirs(driveId, deep);
        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId(deepId + ":/"
                + "f".repeat(40) + ".txt:").content().put(new ByteArrayInputStream(bytes("x"))))
                .isInstanceOfSatisfying(ODataError.class,
                        e -> assertThat(e.getError().getCode()).isEqualTo("pathIsTooLong"));
    }

    @Test
    void renameWithAStaleETagGets412() {
        fake.putFile(driveId, "a.txt", bytes("a"));
        fake.putFile(driveId, "b.txt", bytes("b"));
        String id = fake.itemId(driveId, "a.txt");
        DriveItem before = graph.drives().byDriveId(driveId).items().byDriveItemId(id).get();

        fake.putFile(driveId, "a.txt", bytes("a, edited by someone else"));

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId(id)
                .patch(renameTo("c.txt"), rc -> rc.headers.add("If-Match", before.getETag())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(412));
        String fresh = graph.drives().byDriveId(driveId).items().byDriveItemId(id).get().getETag();
        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId(id)
                .patch(renameTo("B.TXT"), rc -> rc.headers.add("If-Match", fresh)))
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(409);
                    assertThat(e.getError().getCode()).isEqualTo("nameAlreadyExists");
                });
        DriveItem renamed = graph.drives().byDriveId(driveId).items().byDriveItemId(id)
                .patch(renameTo("c.txt"), rc -> rc.headers.add("If-Match", fresh));

        assertThat(renamed.getName()).isEqualTo("c.txt");
        assertThat(renamed.getETag()).isNotEqualTo(fresh);
        assertThat(renamed.getCTag()).as("a rename is no content change").isEqualTo(
                graph.drives().byDriveId(driveId).items().byDriveItemId(id).get().getCTag());
        assertThat(fake.list(driveId, "")).containsExactly("b.txt", "c.txt");
    }

    @Test
    void movesByParentReference() {
        fake.putFile(driveId, "a.txt", bytes("a"));
        String target = fake.mkdirs(driveId, "Archief/2025");
        DriveItem move = new DriveItem();
        ItemReference parent = new ItemReference();
        parent.setId(target);
        move.setParentReference(parent);

        graph.drives().byDriveId(driveId).items().byDriveItemId(fake.itemId(driveId, "a.txt")).patch(move);

        assertThat(fake.allPaths(driveId)).containsExactly("Archief", "Archief/2025", "Archief/2025/a.txt");
    }

    @Test
    void deleteMovesToTheRecycleBin() {
        fake.putFile(driveId, "Notulen/jan.pdf", bytes("jan"));
        String id = fake.itemId(driveId, "Notulen");
        String eTag = fake.eTag(driveId, "Notulen");

        graph.drives().byDriveId(driveId).items().byDriveItemId(id).delete(rc -> rc.headers.add("If-Match", eTag));

        assertThat(fake.recycleBin(driveId)).containsExactly("Notulen");
        assertThat(fake.allPaths(driveId)).isEmpty();
        assertThat(fake.requestLog().getLast().status()).isEqualTo(204);
        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId(id).delete())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    // ---------------------------------------------------------------- content

    @Test
    void smallUploadReplacesByDefaultAndDownloadFollowsTheRedirectWithoutTheToken() throws Exception {
        byte[] first = bytes("version one");
        byte[] second = bytes("version two, longer");

        DriveItem created = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/Notulen/a.txt:")
                .content().put(new ByteArrayInputStream(first));
        DriveItem replaced = graph.drives().byDriveId(driveId).items().byDriveItemId(created.getId()).content()
                .put(new ByteArrayInputStream(second));
        byte[] downloaded;
        try (InputStream in = graph.drives().byDriveId(driveId).items().byDriveItemId(created.getId()).content()
                .get()) {
            downloaded = in.readAllBytes();
        }

        assertThat(replaced.getId()).isEqualTo(created.getId());
        assertThat(replaced.getCTag()).isNotEqualTo(created.getCTag());
        assertThat(replaced.getFile().getHashes().getQuickXorHash()).isEqualTo(QuickXorHash.of(second));
        assertThat(downloaded).isEqualTo(second);
        assertThat(fake.versions(driveId, "Notulen/a.txt")).containsExactly(first, second);
        List<LoggedRequest> log = fake.requestLog();
        assertThat(log.get(0).status()).isEqualTo(201);
        assertThat(log.get(1).status()).isEqualTo(200);
        LoggedRequest redirect = log.get(2);
        LoggedRequest download = log.get(3);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(download.host()).isEqualTo(HostKind.FILES);
        assertThat(download.authorization()).as("the SDK drops the token for another host").isFalse();
        assertThat(download.status()).isEqualTo(200);
    }

    @Test
    void downloadUrlsServeRangesAndExpire() throws Exception {
        fake.putFile(driveId, "a.bin", bytes("0123456789"));
        HttpResponse<String> redirect = get(fake.baseUrl() + "/drives/" + driveId + "/root:/a.bin:/content");
        String location = redirect.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> range = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Range", "bytes=2-5").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + fake.token()).build(), HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(location).startsWith("http://127.0.0.2:");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("2345");
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
        assertThat(withToken.statusCode()).isEqualTo(401);
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void uploadSessionTakesAlignedPiecesInOrder() throws Exception {
        fake.mkdirs(driveId, "Notulen");
        String parent = fake.itemId(driveId, "Notulen");
        byte[] content = random(2 * PIECE + 12_345);
        OffsetDateTime modified = OffsetDateTime.parse("2024-05-01T10:00:00.250Z");

        UploadSession session = graph.drives().byDriveId(driveId).items().byDriveItemId(parent + ":/big.bin:")
                .createUploadSession().post(uploadBody("fail", modified));
        String url = session.getUploadUrl();

        assertThat(url).startsWith("http://127.0.0.2:");
        assertThat(session.getNextExpectedRanges()).containsExactly("0-");
        assertThat(put(url, content, 0, PIECE, "Bearer " + fake.token()).statusCode()).isEqualTo(401);
        assertThat(put(url, content, 0, 100_000, null).statusCode()).as("not a multiple of 320 KiB").isEqualTo(400);
        HttpResponse<String> first = put(url, content, 0, PIECE, null);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).getAsJsonArray("nextExpectedRanges").get(0).getAsString()).isEqualTo(PIECE + "-");
        assertThat(put(url, content, 0, PIECE, null).statusCode()).as("bytes already received").isEqualTo(416);
        assertThat(put(url, content, 2 * PIECE, content.length - 2 * PIECE, null).statusCode()).as("a gap")
                .isEqualTo(400);
        HttpResponse<String> status = get(url, null);
        assertThat(json(status).getAsJsonArray("nextExpectedRanges").get(0).getAsString()).isEqualTo(PIECE + "-");
        assertThat(put(url, content, PIECE, PIECE, null).statusCode()).isEqualTo(202);
        HttpResponse<String> last = put(url, content, 2 * PIECE, content.length - 2 * PIECE, null);

        assertThat(last.statusCode()).isEqualTo(201);
        assertThat(json(last).get("name").getAsString()).isEqualTo("big.bin");
        assertThat(fake.content(driveId, "Notulen/big.bin")).hasValue(content);
        assertThat(fake.hash(driveId, "Notulen/big.bin")).isEqualTo(QuickXorHash.of(content));
        DriveItem item = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/Notulen/big.bin:").get();
        assertThat(item.getFileSystemInfo().getLastModifiedDateTime().toInstant())
                .as("fileSystemInfo from the session is kept, to the second")
                .isEqualTo(modified.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(fake.requestLog()).filteredOn(r -> r.host() == HostKind.FILES)
                .allSatisfy(r -> assertThat(r.path()).startsWith("/upload/"));
    }

    @Test
    void anUploadSessionNamedLikeAnExistingFileReplacesItWithANewVersion() throws Exception {
        fake.putFile(driveId, "a.bin", bytes("old"));
        byte[] content = random(1000);
        UploadSession session = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/a.bin:")
                .createUploadSession().post(uploadBody("replace", null));

        HttpResponse<String> done = put(session.getUploadUrl(), content, 0, content.length, null);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(fake.versions(driveId, "a.bin")).hasSize(2);
        assertThat(fake.content(driveId, "a.bin")).hasValue(content);
    }

    @Test
    void aNameClashAtCommitGives409AndTheOtherFileStays() throws Exception {
        byte[] content = random(PIECE + 10);
        UploadSession session = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/report.docx:")
                .createUploadSession().post(uploadBody("fail", null));
        assertThat(put(session.getUploadUrl(), content, 0, PIECE, null).statusCode()).isEqualTo(202);

        fake.putFile(driveId, "Report.docx", bytes("made by a colleague meanwhile"));
        HttpResponse<String> last = put(session.getUploadUrl(), content, PIECE, 10, null);

        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(json(last).getAsJsonObject("error").get("code").getAsString()).isEqualTo("nameAlreadyExists");
        assertThat(fake.list(driveId, "")).containsExactly("Report.docx");
        assertThat(fake.content(driveId, "Report.docx")).hasValue(bytes("made by a colleague meanwhile"));
        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId("root:/report.docx:")
                .createUploadSession().post(uploadBody("fail", null)))
                .as("fail is checked when the session is made too")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(409));
    }

    @Test
    void anExpiredSessionIsGoneAndACancelledOneToo() throws Exception {
        fake.setUploadSessionLifetime(Duration.ofMinutes(10));
        byte[] content = random(2 * PIECE);
        UploadSession expiring = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/a.bin:")
                .createUploadSession().post(uploadBody("replace", null));
        UploadSession cancelled = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/b.bin:")
                .createUploadSession().post(uploadBody("replace", null));
        assertThat(put(expiring.getUploadUrl(), content, 0, PIECE, null).statusCode()).isEqualTo(202);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(cancelled.getUploadUrl())).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(11));

        assertThat(put(expiring.getUploadUrl(), content, PIECE, PIECE, null).statusCode()).isEqualTo(404);
        assertThat(get(cancelled.getUploadUrl(), null).statusCode()).isEqualTo(404);
        assertThat(fake.allPaths(driveId)).isEmpty();
    }

    @Test
    void aLostAcknowledgementOrA503ForAStoredPieceThenTheRetryGets416() throws Exception {
        byte[] content = random(2 * PIECE + 7);
        UploadSession session = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/a.bin:")
                .createUploadSession().post(uploadBody("fail", null));
        String url = session.getUploadUrl();

        Fault lost = fake.fault(Fault.on("PUT", "/upload/.*").afterCommit().drop());
        assertThatThrownBy(() -> put(url, content, 0, PIECE, null)).isInstanceOf(IOException.class);
        assertThat(put(url, content, 0, PIECE, null).statusCode()).as("stored already").isEqualTo(416);
        assertThat(nextExpected(url)).isEqualTo(PIECE + "-");

        Fault stored503 = fake.fault(Fault.on("PUT", "/upload/.*").afterCommit().status(503));
        assertThat(put(url, content, PIECE, PIECE, null).statusCode()).isEqualTo(503);
        assertThat(put(url, content, PIECE, PIECE, null).statusCode()).as("the 503'd piece was stored")
                .isEqualTo(416);
        assertThat(nextExpected(url)).isEqualTo(2 * PIECE + "-");
        assertThat(put(url, content, 2 * PIECE, 7, null).statusCode()).isEqualTo(201);

        assertThat(lost.fired()).isEqualTo(1);
        assertThat(stored503.fired()).isEqualTo(1);
        assertThat(fake.content(driveId, "a.bin")).hasValue(content);
        assertThat(fake.requestLog()).extracting(LoggedRequest::status).contains(LoggedRequest.DROPPED);
    }

    @Test
    void aDropBeforeCommitStoresNothing() {
        fake.fault(Fault.on("PUT", "/drives/.*/content").drop().always());

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId("root:/a.txt:").content()
                .put(new ByteArrayInputStream(bytes("a"))))
                .satisfies(GraphFakeTest::isIoFailure);

        assertThat(fake.allPaths(driveId)).isEmpty();
        System.out.println("DROP LOG " + fake.requestLog());
    }

    @Test
    void aDownloadCutShortFailsTheRead() throws Exception {
        byte[] content = random(500_000);
        fake.putFile(driveId, "a.bin", content);
        fake.fault(Fault.on("GET", "/download/.*").cutBodyAfter(100_000));

        assertThatThrownBy(() -> {
            try (InputStream in = graph.drives().byDriveId(driveId).items().byDriveItemId(
                    fake.itemId(driveId, "a.bin")).content().get()) {
                in.readAllBytes();
            }
        }).satisfies(GraphFakeTest::isIoFailure);
        try (InputStream again = graph.drives().byDriveId(driveId).items().byDriveItemId(
                fake.itemId(driveId, "a.bin")).content().get()) {
            assertThat(again.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void officeRewriteAndLateHashes() {
        fake.setLateHashReads(1);
        DriveItem uploaded = graph.drives().byDriveId(driveId).items().byDriveItemId("root:/jaarverslag.docx:")
                .content().put(new ByteArrayInputStream(bytes("docx bytes")));
        assertThat(uploaded.getFile().getHashes()).as("the hash comes late").isNull();

        fake.setLateHashReads(0);
        fake.rewriteOffice(driveId, "jaarverslag.docx");
        DriveItem after = graph.drives().byDriveId(driveId).items().byDriveItemId(uploaded.getId()).get();

        assertThat(after.getId()).isEqualTo(uploaded.getId());
        assertThat(after.getSize()).isNotEqualTo(uploaded.getSize());
        assertThat(after.getCTag()).isNotEqualTo(uploaded.getCTag());
        assertThat(after.getETag()).isNotEqualTo(uploaded.getETag());
        assertThat(after.getFile().getHashes().getQuickXorHash()).isNotEqualTo(QuickXorHash.of(bytes("docx bytes")));
        assertThat(fake.versions(driveId, "jaarverslag.docx")).hasSize(1);
    }

    @Test
    void childrenArePaged() {
        for (int i = 0; i < 5; i++) {
            fake.putFile(driveId, "f" + i + ".txt", bytes("x"));
        }
        List<String> names = new ArrayList<>();
        DriveItemCollectionResponse page = graph.drives().byDriveId(driveId).items().byDriveItemId("root")
                .children().get(rc -> rc.queryParameters.top = 2);
        int pages = 1;
        page.getValue().forEach(i -> names.add(i.getName()));
        while (page.getOdataNextLink() != null) {
            page = graph.drives().byDriveId(driveId).items().byDriveItemId("root").children()
                    .withUrl(page.getOdataNextLink()).get();
            page.getValue().forEach(i -> names.add(i.getName()));
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt");
    }

    // ---------------------------------------------------------------- delta

    @Test
    void deltaEnumeratesInPagesThenGivesOnlyWhatChanged() {
        fake.putFile(driveId, "Notulen/jan.pdf", bytes("jan"));
        fake.putFile(driveId, "Notulen/feb.pdf", bytes("feb"));
        fake.putFile(driveId, "Agenda/mrt.docx", bytes("mrt"));
        fake.setDeltaPageSize(2);

        Round first = deltaRound(null, Map.of());

        assertThat(first.pages).isEqualTo(3);
        assertThat(first.names()).containsExactly("root", "Notulen", "jan.pdf", "feb.pdf", "Agenda", "mrt.docx");
        assertThat(first.items).allSatisfy(i -> assertThat(i.getCTag()).as("delta gives no cTag").isNull());
        assertThat(first.deltaLink).startsWith(fake.baseUrl() + "/drives/" + driveId + "/root/delta?token=");

        fake.putFile(driveId, "Notulen/feb.pdf", bytes("feb, corrected"));
        Round second = deltaRound(first.deltaLink, Map.of());
        Round excluding = deltaRound(first.deltaLink, Map.of("deltaExcludeParent", "true"));

        assertThat(second.names()).as("the change, after its parents").containsExactly("root", "Notulen", "feb.pdf");
        assertThat(excluding.names()).containsExactly("feb.pdf");
        DriveItem feb = excluding.items.getFirst();
        assertThat(feb.getFile().getHashes().getQuickXorHash()).isEqualTo(QuickXorHash.of(bytes("feb, corrected")));
        assertThat(feb.getParentReference().getId()).isEqualTo(fake.itemId(driveId, "Notulen"));
        assertThat(feb.getParentReference().getPath()).as("no path in delta").isNull();
        assertThat(deltaRound(second.deltaLink, Map.of()).items).isEmpty();
        assertThat(fake.requestLog()).extracting(LoggedRequest::path)
                .contains("/drives/" + driveId + "/items/root/delta()");
    }

    @Test
    void deletedItemsComeWithTheDeletedFacetAndWithoutName() {
        fake.putFile(driveId, "Notulen/jan.pdf", bytes("jan"));
        Round first = deltaRound(null, Map.of());

        fake.delete(driveId, "Notulen");
        Round second = deltaRound(first.deltaLink, Map.of("deltaExcludeParent", "true"));

        assertThat(second.items).hasSize(2).allSatisfy(i -> {
            assertThat(i.getDeleted()).isNotNull();
            assertThat(i.getName()).isNull();
        });
        assertThat(second.items).extracting(DriveItem::getId)
                .containsExactly(first.byName("Notulen").getId(), first.byName("jan.pdf").getId());
    }

    @Test
    void tokenLatestStartsFromNow() {
        fake.putFile(driveId, "old.txt", bytes("old"));

        var latest = graph.drives().byDriveId(driveId).items().byDriveItemId("root").deltaWithToken("latest").get();
        var latestByQuery = graph.drives().byDriveId(driveId).items().byDriveItemId("root").delta()
                .withUrl(fake.baseUrl() + "/drives/" + driveId + "/root/delta?token=latest").get();
        fake.putFile(driveId, "new.txt", bytes("new"));
        Round after = deltaRound(latest.getOdataDeltaLink(), Map.of("deltaExcludeParent", "true"));

        assertThat(latest.getValue()).isEmpty();
        assertThat(latestByQuery.getValue()).isEmpty();
        assertThat(latest.getOdataDeltaLink()).isNotNull();
        assertThat(after.names()).containsExactly("new.txt");
        assertThat(fake.requestLog()).extracting(LoggedRequest::path)
                .contains("/drives/" + driveId + "/items/root/delta(token='latest')");
    }

    @Test
    void anExpiredTokenGives410WithALocationToStartAgain() {
        fake.putFile(driveId, "a.txt", bytes("a"));
        fake.setDeltaPageSize(1);
        DeltaGetResponse firstPage = graph.drives().byDriveId(driveId).items().byDriveItemId("root").delta().get();

        fake.expireDeltaTokens();

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).items().byDriveItemId("root").delta()
                .withUrl(firstPage.getOdataNextLink()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(410);
                    assertThat(e.getError().getCode()).isEqualTo("resyncRequired");
                    assertThat(e.getError().getInnerError().getAdditionalData()).containsEntry("code",
                            "resyncChangesApplyDifferences");
                    String location = header(e, "Location");
                    assertThat(location).isEqualTo(fake.baseUrl() + "/drives/" + driveId + "/root/delta");
                    assertThat(deltaRound(location, Map.of()).names()).containsExactly("root", "a.txt");
                });
    }

    @Test
    void duplicatesAndChildrenBeforeParentsOnRequest() {
        fake.putFile(driveId, "A/b.txt", bytes("b"));
        fake.setDeltaDuplicates(true);
        fake.setChildrenBeforeParents(true);
        fake.setDeltaPageSize(4);

        Round round = deltaRound(null, Map.of());

        assertThat(round.names()).containsExactly("b.txt", "A", "root", "b.txt", "A", "root");
        assertThat(round.pages).isEqualTo(2);
    }

    @Test
    void theOtherUserEmptiesTheLibrary() {
        fake.putFile(driveId, "A/b.txt", bytes("b"));
        fake.putFile(driveId, "c.txt", bytes("c"));
        Round first = deltaRound(null, Map.of());

        fake.emptyLibrary(driveId);

        assertThat(deltaRound(first.deltaLink, Map.of("deltaExcludeParent", "true")).items)
                .hasSize(3).allSatisfy(i -> assertThat(i.getDeleted()).isNotNull());
        assertThat(fake.recycleBin(driveId)).containsExactly("A", "c.txt");
    }

    // ---------------------------------------------------------------- throttling and batches

    @Test
    void aScripted429ReachesTheCallerAndAnEarlyRetryIsCounted() {
        fake.fault(Fault.on("GET", "/drives/[^/]+/root").status(429).retryAfter(7));
        fake.fault(Fault.on("GET", "/drives/[^/]+").status(503).retryAfterAsDate(30));

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).root().get())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(429);
                    assertThat(header(e, "Retry-After")).isEqualTo("7");
                });
        graph.drives().byDriveId(driveId).root().get();
        assertThat(fake.earlyRetries()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(8));
        graph.drives().byDriveId(driveId).root().get();
        assertThat(fake.earlyRetries()).isEqualTo(1);

        assertThatThrownBy(() -> graph.drives().byDriveId(driveId).get())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(503);
                    assertThat(header(e, "Retry-After")).endsWith("GMT");
                });
    }

    @Test
    void overTheBudgetGives429UntilTheMinuteHasRoom() {
        fake.setBudgetPerMinute(4);
        graph.drives().byDriveId(driveId).get();
        clock.advance(Duration.ofSeconds(10));
        graph.drives().byDriveId(driveId).get();
        graph.drives().byDriveId(driveId).items().byDriveItemId("root").children().get();

        ApiException throttled = (ApiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> graph.drives().byDriveId(driveId).get());

        assertThat(throttled.getResponseStatusCode()).isEqualTo(429);
        assertThat(header(throttled, "Retry-After")).as("the throttled request counts too").isEqualTo("60");
        assertThat(fake.resourceUnitsUsed()).as("1 + 1 + 2 for children + 1 throttled").isEqualTo(5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(graph.drives().byDriveId(driveId).get().getId()).isEqualTo(driveId);
        assertThat(fake.earlyRetries()).isZero();
    }

    @Test
    void theSdkRetriesByItselfUnlessTold() {
        GraphServiceClient retrying = FakeGraphClient.create(fake.baseUrl(), fake::token, 3);
        fake.fault(Fault.on("GET", "/drives/.*").status(429).retryAfter(1).times(2));

        assertThat(retrying.drives().byDriveId(driveId).get().getId()).isEqualTo(driveId);

        assertThat(fake.requestLog()).extracting(LoggedRequest::status).containsExactly(429, 429, 200);
        assertThat(fake.earlyRetries()).as("the SDK waited the real second").isZero();
    }

    @Test
    void aBatchAnswersEachRequestWithItsOwnStatus() throws Exception {
        fake.putFile(driveId, "a.txt", bytes("a"));
        fake.putFile(driveId, "b.txt", bytes("b"));
        String a = fake.itemId(driveId, "a.txt");
        String b = fake.itemId(driveId, "b.txt");
        fake.fault(Fault.on("GET", "/drives/.*/items/" + b).status(429).retryAfter(12));

        BatchRequestContent batch = new BatchRequestContent(graph);
        String getA = batch.addBatchRequestStep(
                graph.drives().byDriveId(driveId).items().byDriveItemId(a).toGetRequestInformation());
        String getB = batch.addBatchRequestStep(
                graph.drives().byDriveId(driveId).items().byDriveItemId(b).toGetRequestInformation());
        String rename = batch.addBatchRequestStep(graph.drives().byDriveId(driveId).items().byDriveItemId(a)
                .toPatchRequestInformation(renameTo("c.txt")));
        BatchResponseContent answers = graph.getBatchRequestBuilder().post(batch, null);

        Response okA = answers.getResponseById(getA);
        Response throttledB = answers.getResponseById(getB);
        assertThat(okA.code()).isEqualTo(200);
        assertThat(throttledB.code()).isEqualTo(429);
        assertThat(throttledB.header("Retry-After")).isEqualTo("12");
        assertThat(answers.getResponseById(rename).code()).isEqualTo(200);
        assertThat(fake.list(driveId, "")).containsExactly("b.txt", "c.txt");
        assertThat(fake.requestLog()).filteredOn(LoggedRequest::inBatch).hasSize(3);
        assertThat(fake.requestLog()).filteredOn(r -> r.path().equals("/$batch"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isTrue());
    }

    @Test
    void aBatchOfMoreThanTwentyIsRefused() throws Exception {
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 21; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i)
                    .append("\",\"method\":\"GET\",\"url\":\"/drives/").append(driveId).append("\"}");
        }
        body.append("]}");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/$batch"))
                .header("Authorization", "Bearer " + fake.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- helpers

    private record Round(List<DriveItem> items, int pages, String deltaLink) {
        List<String> names() {
            return items.stream().map(i -> i.getName() == null ? "<deleted>" : i.getName()).toList();
        }

        DriveItem byName(String name) {
            return items.stream().filter(i -> name.equals(i.getName())).findFirst().orElseThrow();
        }
    }

    /** One whole delta round through the SDK: from the start (link null) or a stored link, following nextLinks. */
    private Round deltaRound(String link, Map<String, String> headers) {
        var root = graph.drives().byDriveId(driveId).items().byDriveItemId("root");
        Function<String, DeltaGetResponse> call = url -> (url == null ? root.delta() : root.delta().withUrl(url))
                .get(rc -> headers.forEach(rc.headers::add));
        List<DriveItem> items = new ArrayList<>();
        DeltaGetResponse page = call.apply(link);
        int pages = 1;
        items.addAll(page.getValue());
        while (page.getOdataNextLink() != null) {
            page = call.apply(page.getOdataNextLink());
            items.addAll(page.getValue());
            pages++;
        }
        return new Round(items, pages, page.getOdataDeltaLink());
    }

    private static DriveItem folder(String name, String conflictBehavior) {
        DriveItem item = new DriveItem();
        item.setName(name);
        item.setFolder(new Folder());
        Map<String, Object> extra = new HashMap<>();
        extra.put("@microsoft.graph.conflictBehavior", conflictBehavior);
        item.setAdditionalData(extra);
        return item;
    }

    private static DriveItem renameTo(String name) {
        DriveItem item = new DriveItem();
        item.setName(name);
        return item;
    }

    private static CreateUploadSessionPostRequestBody uploadBody(String conflictBehavior, OffsetDateTime modified) {
        DriveItemUploadableProperties properties = new DriveItemUploadableProperties();
        properties.getAdditionalData().put("@microsoft.graph.conflictBehavior", conflictBehavior);
        if (modified != null) {
            FileSystemInfo fs = new FileSystemInfo();
            fs.setLastModifiedDateTime(modified);
            fs.setCreatedDateTime(modified);
            properties.setFileSystemInfo(fs);
        }
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        body.setItem(properties);
        return body;
    }

    private HttpResponse<String> put(String url, byte[] content, int offset, int length, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + content.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content, offset, length));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, "Bearer " + fake.token());
    }

    private HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String nextExpected(String uploadUrl) throws IOException, InterruptedException {
        return json(get(uploadUrl, null)).getAsJsonArray("nextExpectedRanges").get(0).getAsString();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String header(ApiException e, String name) {
        for (Map.Entry<String, Set<String>> entry : e.getResponseHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().iterator().next();
            }
        }
        return null;
    }

    /** An I/O failure, possibly wrapped by the SDK. */
    private static void isIoFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return;
            }
        }
        throw new AssertionError("Not an I/O failure: " + thrown, thrown);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

}
