package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.TestAccounts;
import nl.tafel.review.ReviewFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A board member prepares a meeting on a tablet (768 × 1024, touch): opens an agenda paper, pages to its end in the
 * pdf.js viewer and sees it marked read; adds a private note, which another member does not see.
 */
@TafelServerTest
class ReviewJourneyIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void readAPaperToItsEndOnATabletAndKeepAPrivateNote() {
        ReviewFixture fixture = ReviewFixture.of(context);
        ReviewFixture.Board board = fixture.published(5);
        fixture.paper(board.meeting(), 1, "Notulen november.pdf", 3);
        String prepare = url("/vergaderingen/" + board.meeting() + "/voorbereiden");

        Page tablet = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(768, 1024)
                .setHasTouch(true).setIsMobile(true).setDeviceScaleFactor(2).setLocale("nl-NL")).newPage();
        tablet.setDefaultTimeout(20_000);
        List<String> problems = new ArrayList<>();
        tablet.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add(r.status() + " " + r.url());
            }
        });
        tablet.onPageError(e -> problems.add(e));
        try {
            signIn(tablet, url(""), TestAccounts.MEMBER, TestAccounts.PASSWORD);
            tablet.navigate(prepare);
            assertThat(tablet.locator("#reader-title")).hasText("Notulen november.pdf");
            assertThat(tablet.locator("#paper-state")).hasText("nog niet gelezen");
            tablet.waitForFunction("() => document.querySelector('#pdf-failed')"
                    + " || / van /.test(document.querySelector('#pdf-position')?.textContent || '')");
            org.assertj.core.api.Assertions.assertThat(tablet.locator("#pdf-failed").count())
                    .as("the viewer failed; browser console: " + problems).isZero();
            assertThat(tablet.locator("#pdf-position")).hasText("Pagina 1 van 3");
            assertThat(tablet.locator("#pdf-viewer canvas").first()).isVisible();

            tablet.locator("#pdf-next-page").click();
            assertThat(tablet.locator("#pdf-position")).hasText("Pagina 2 van 3");
            assertThat(tablet.locator("#paper-state")).hasText("nog niet gelezen");
            tablet.locator("#pdf-next-page").click();
            assertThat(tablet.locator("#pdf-position")).hasText("Pagina 3 van 3");
            assertThat(tablet.locator("#paper-state")).hasText("gelezen");
            assertThat(tablet.locator("#prepare-progress")).hasText("1 van 1 stukken gelezen");
            tablet.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                    "target/e2e/review-tablet-read.png")));
            tablet.locator("#pdf-zoom-in").click();
            assertThat(tablet.locator("#pdf-zoom")).hasText("125%");
            tablet.locator("#pdf-fit").click();
            assertThat(tablet.locator("#pdf-zoom")).hasText("100%");

            tablet.locator("#note-text textarea").fill("Privé: bedrag op pagina 3 navragen");
            tablet.locator("#note-add").click();
            assertThat(tablet.locator("#notes")).containsText("Privé: bedrag op pagina 3 navragen");
            assertThat(tablet.locator("#notes")).containsText("Pagina 3");
            tablet.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                    "target/e2e/review-tablet-note.png")));
            org.assertj.core.api.Assertions.assertThat(problems).as("failed requests and script errors").isEmpty();
        } finally {
            tablet.context().close();
        }

        Page other = otherBrowser();
        try {
            signIn(other, url(""), TestAccounts.READER, TestAccounts.PASSWORD);
            other.navigate(prepare);
            assertThat(other.locator("#reader-title")).hasText("Notulen november.pdf");
            assertThat(other.locator("#paper-state")).hasText("nog niet gelezen");
            assertThat(other.locator("#notes")).containsText("Nog geen notities bij dit stuk.");
            assertThat(other.locator("#notes")).not().containsText("bedrag op pagina 3");
        } finally {
            other.context().close();
        }
    }

    /** pdf.js and the viewer are static files served as JavaScript without a bundle; the papers still need sign-in. */
    @Test
    void theViewerIsServedAsStaticModulesButPapersNeedSignIn() throws Exception {
        ReviewFixture fixture = ReviewFixture.of(context);
        ReviewFixture.Board board = fixture.published(5);
        var paper = fixture.paper(board.meeting(), 1, "Notulen november.pdf", 1);
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : java.util.List.of("/pdfjs/pdf.min.mjs", "/pdfjs/pdf.worker.min.mjs",
                "/scripts/tafel-pdf-viewer.mjs")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(path).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(path).startsWith("text/javascript");
        }
        var wasm = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(
                "/pdfjs/wasm/openjpeg.wasm"))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        org.assertj.core.api.Assertions.assertThat(wasm.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/wasm");
        var document = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/"
                + nl.tafel.spaces.Links.read(paper.versionId())))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(document.statusCode()).as("a paper without sign-in")
                .isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(document.body()).doesNotContain("%PDF");
    }
}
