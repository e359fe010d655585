package nl.tafel.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for the few end-to-end tests in a real headless Chromium (Debian's {@code /usr/bin/chromium}; Playwright's
 * own browser download is never used). {@code .ci/run} installs Chromium; without it these tests are skipped.
 */
@Tag("browser")
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TAFEL_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    Page page;

    @BeforeAll
    static void launch() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-US")).newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    /** A second, independent browser (its own cookies): someone else, or nobody signed in. */
    Page otherBrowser() {
        Page other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("nl-NL")).newPage();
        other.setDefaultTimeout(20_000);
        return other;
    }

    /** Signs in on the login page with a test account's e-mail and password. */
    static void signIn(Page page, String base, String email, String password) {
        page.navigate(base + "/login");
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(password);
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e/" + name + ".png")));
    }
}
