package nl.tafel.sharepoint.internal;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Random;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.fake.Fault;
import nl.tafel.sharepoint.fake.GraphFake;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceTree;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Sync tests on the real stack (MariaDB, blob store, the Graph SDK) against the Graph fake on loopback. The fake and
 * the app share time: both clocks move together.
 */
@TafelTest
@TestPropertySource(properties = {"tafel.sharepoint.scheduled=false", "tafel.sharepoint.large-delete-limit=5",
        "tafel.sharepoint.piece-size=640KB", "tafel.sharepoint.budget-per-minute=1000000",
        "tafel.test.smtp=false"})
abstract class SyncTestSupport {

    static final TestClock FAKE_CLOCK = new TestClock();
    static final GraphFake FAKE = GraphFake.start(FAKE_CLOCK);
    static final String HOST = "contoso.sharepoint.com";

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("tafel.sharepoint.graph-base-url", FAKE::baseUrl);
        registry.add("tafel.sharepoint.access-token", FAKE::token);
    }

    @Autowired
    TestClock clock;
    @Autowired
    SharePointService sharepoint;
    @Autowired
    SyncRunner runner;
    @Autowired
    SyncState state;
    @Autowired
    GraphGateway gateway;
    @Autowired
    DocumentService documents;
    @Autowired
    SpaceService spaces;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    JdbcTemplate jdbc;

    SpaceId space;
    FolderId root;
    String drive;
    java.util.UUID link;
    String sitePath;

    @BeforeEach
    void linkASpace() {
        FAKE.resetFaults();
        space = board.space(TestBoard.unique("Sync"));
        root = as.call(MEMBER, () -> spaces.get(space).rootFolder());
        sitePath = "/sites/" + TestBoard.unique("bestuur").replace(' ', '-');
        String siteId = FAKE.addSite(HOST, sitePath);
        drive = FAKE.driveId(siteId, "Documenten");
        as.run(ADMIN, () -> sharepoint.link(space, HOST + ":" + sitePath, "Documenten", "Tafel/Bestuur"));
        link = state.link(space).orElseThrow().id();
    }

    @AfterEach
    void backToNow() {
        FAKE.resetFaults();
        clock.reset();
        FAKE_CLOCK.reset();
        gateway.forgetWaits();
        // the clocks go back: a wait persisted for this test's link must not hold up the next test
        jdbc.update("update sharepoint_link set throttled_until = null");
    }

    /** Links the space to another folder of the library ("" for its top). */
    void relink(String folder) {
        as.run(ADMIN, () -> sharepoint.unlink(space));
        as.run(ADMIN, () -> sharepoint.link(space, HOST + ":" + sitePath, "Documenten", folder));
        link = state.link(space).orElseThrow().id();
    }

    /** Moves both clocks (Tafel's and SharePoint's). */
    void advance(Duration by) {
        clock.advance(by);
        FAKE_CLOCK.advance(by);
    }

    SyncRunner.Outcome pass() {
        return runner.run(link);
    }

    void syncedCleanly() {
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.DONE);
    }

    static String remote(String name) {
        return "Tafel/Bestuur/" + name;
    }

    StoredDocument upload(FolderId folder, String name, byte[] content) {
        return as.call(MEMBER, () -> documents.upload(folder, name, new ByteArrayInputStream(content),
                content.length));
    }

    StoredDocument newVersion(DocumentId document, String name, byte[] content) {
        return as.call(MEMBER, () -> documents.uploadVersion(document, name, new ByteArrayInputStream(content),
                content.length));
    }

    SpaceTree tree() {
        return as.call(ADMIN, () -> documents.tree(space));
    }

    SpaceTree.Document local(String name) {
        return tree().documents().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no document " + name + " in " + tree().documents()));
    }

    boolean hasLocal(String name) {
        return tree().documents().stream().anyMatch(d -> d.name().equals(name));
    }

    byte[] localBytes(String name) {
        SpaceTree.Document doc = local(name);
        return as.call(ADMIN, () -> {
            try (InputStream in = documents.content(doc.currentVersion()).open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    DocumentDetails details(DocumentId id) {
        return as.call(ADMIN, () -> documents.document(id));
    }

    /** A text file's bytes (Tafel checks types by content: text is accepted under .txt). */
    static byte[] text(String content) {
        return content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A PDF-looking file of about this many bytes, random after the header so hashes differ. */
    static byte[] pdf(int size, long seed) {
        byte[] header = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[Math.max(size, header.length + 16)];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    static Fault fault(String method, String pathRegex) {
        return Fault.on(method, pathRegex);
    }
}
