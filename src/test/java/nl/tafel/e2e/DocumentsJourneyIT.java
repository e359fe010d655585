package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A secretary shares the annual report: uploads it, sees it listed, reads it in the browser, uploads a second
 * version and downloads the first again. Then what the download URL gives to someone outside the space, and to
 * nobody signed in.
 */
@TafelServerTest
class DocumentsJourneyIT extends BrowserTest {

    static final Path REPORT = Path.of("src/test/resources/samples/jaarverslag-2025.pdf");
    static final Path MINUTES = Path.of("src/test/resources/samples/notulen-bestuur-2025-12.pdf");

    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    @Test
    void uploadReadUploadAgainAndDownloadTheFirstVersion() throws Exception {
        String name = "Bestuur e2e " + UUID.randomUUID().toString().substring(0, 6);
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> {
            SpaceId id = spaces.create(name, "Vergaderstukken van het bestuur");
            spaces.setMember(id, accounts.findByEmail(TestAccounts.READER).orElseThrow().id(), SpaceRole.READER);
            return id;
        });
        signIn(page, url(""), TestAccounts.SECRETARY, TestAccounts.PASSWORD);
        page.navigate(url("/ruimtes/" + space));
        assertThat(page.locator("h1")).hasText(name);

        // Upload the annual report: a progress bar per file, then it is listed.
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#upload vaadin-button").click());
        chooser.setFiles(REPORT);
        assertThat(page.locator("vaadin-upload-file").first()).isVisible();
        Locator listed = page.locator("#folder-grid a", new Page.LocatorOptions().setHasText("jaarverslag-2025.pdf"));
        assertThat(listed).isVisible();
        assertThat(page.locator("vaadin-notification-card")).containsText("1 bestand is opgeslagen");
        screenshot("space-uploaded");

        // Open it: the PDF is drawn by pdf.js (never the browser's own viewer), served inline and safely.
        listed.click();
        page.waitForURL(Pattern.compile(".*/documenten/.*"));
        assertThat(page.locator("h1")).hasText("jaarverslag-2025.pdf");
        assertThat(page.locator("#viewer #pdf-viewer canvas").first()).isVisible();
        assertThat(page.locator("#viewer iframe")).hasCount(0);
        String readUrl = page.locator("#open-in-tab").getAttribute("href");
        APIResponse read = page.request().get(url("/" + readUrl));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(read.headers().get("content-disposition")).startsWith("inline");
        assertThat(read.headers().get("x-content-type-options")).isEqualTo("nosniff");
        // Framed by Tafel's own page only.
        assertThat(read.headers().get("x-frame-options")).isEqualTo("SAMEORIGIN");
        assertThat(read.headers().get("content-security-policy")).contains("frame-ancestors 'self'")
                .contains("sandbox").doesNotContain("allow-scripts");
        assertThat(read.body()).isEqualTo(Files.readAllBytes(REPORT));
        screenshot("document-viewer");

        // A second version, from the document's page.
        FileChooser again = page.waitForFileChooser(() -> page.locator("#upload-version vaadin-button").click());
        again.setFiles(MINUTES);
        assertThat(page.locator("#versions-grid")).containsText("Versie 2");
        assertThat(page.locator("#versions-grid")).containsText("huidige");
        screenshot("document-two-versions");

        // Download the first version again: the same bytes as the original file, named as version 1.
        Download download = page.waitForDownload(() -> page.locator(".version-download-1").click());
        assertThat(download.suggestedFilename()).isEqualTo("jaarverslag-2025 (v1).pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(Files.readAllBytes(REPORT));

        // The same URL for someone outside the space: not found. For nobody signed in: the login page.
        String downloadUrl = url("/" + page.locator(".version-download-1").getAttribute("href"));
        Page outsider = otherBrowser();
        try {
            signIn(outsider, url(""), TestAccounts.OUTSIDER, TestAccounts.PASSWORD);
            assertThat(outsider.request().get(downloadUrl).status()).isEqualTo(404);
        } finally {
            outsider.context().close();
        }
        Page nobody = otherBrowser();
        try {
            APIResponse anonymous = nobody.request().get(downloadUrl);
            assertThat(anonymous.url()).contains("/login");
            assertThat(anonymous.headers().get("content-type")).doesNotContain("pdf");
        } finally {
            nobody.context().close();
        }
    }

    @Test
    void anUploadedHtmlFileIsOnlyEverDownloaded() throws Exception {
        String name = "Werkgroep e2e " + UUID.randomUUID().toString().substring(0, 6);
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> spaces.create(name, null));
        Path html = Files.createTempFile("pagina", ".html");
        Files.writeString(html, "<html><body><script>document.title='gehackt'</script>Hallo</body></html>");
        signIn(page, url(""), TestAccounts.SECRETARY, TestAccounts.PASSWORD);
        page.navigate(url("/ruimtes/" + space));
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#upload vaadin-button").click());
        chooser.setFiles(html);
        Locator listed = page.locator("#folder-grid a", new Page.LocatorOptions().setHasText(".html"));
        assertThat(listed).isVisible();
        listed.click();
        page.waitForURL(Pattern.compile(".*/documenten/.*"));
        assertThat(page.locator("#viewer")).containsText("kan niet in de browser worden getoond");
        String href = page.locator("#download-current").getAttribute("href");
        APIResponse asRead = page.request().get(url("/" + href + "/lezen"));
        assertThat(asRead.headers().get("content-disposition")).startsWith("attachment");
        assertThat(asRead.headers().get("content-type")).isEqualTo("application/octet-stream");
        assertThat(asRead.headers().get("content-security-policy")).contains("sandbox");
        assertThat(page.title()).doesNotContain("gehackt");
    }
}
