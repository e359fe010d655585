package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * The secretary posts news for the whole association in Chromium; another member, in another browser, finds it in
 * the timeline on the overview, opens it, and comments. Script typed into the post never runs.
 */
@TafelServerTest
class NewsJourneyIT extends BrowserTest {

    @Test
    void aPostAppearsInAnotherMembersTimeline() {
        String title = "Mobiliteitsbijeenkomst " + UUID.randomUUID().toString().substring(0, 6);
        signIn(page, url(""), TestAccounts.SECRETARY, TestAccounts.PASSWORD);
        page.navigate(url("/nieuws/schrijven"));
        page.locator("#post-title input").fill(title);
        page.locator("#post-text textarea").fill("Dit jaar over **bereikbaarheid**.\n\n"
                + "<img src=x onerror=\"window.__xss = 1\">\n\n[klik](javascript:window.__xss=2)");
        assertThat(page.locator("#post-preview strong")).hasText("bereikbaarheid");
        page.locator("#post-save").click();
        page.waitForURL(Pattern.compile(".*/nieuws/[0-9a-f-]{36}$"));
        assertThat(page.locator("#post-body strong")).hasText("bereikbaarheid");
        screenshot("news-post");

        Page member = otherBrowser();
        try {
            signIn(member, url(""), TestAccounts.MEMBER, TestAccounts.PASSWORD);
            member.navigate(url("/"));
            assertThat(member.locator("#news-timeline")).containsText(title);
            member.locator("#news-timeline a", new Page.LocatorOptions().setHasText(title)).click();
            member.waitForURL(Pattern.compile(".*/nieuws/[0-9a-f-]{36}$"));
            assertThat(member.locator("#post-body strong")).hasText("bereikbaarheid");
            assertThat(member.locator("#post-body img")).hasCount(0);
            assertThat(member.locator("#post-body a[href^='javascript']")).hasCount(0);
            member.locator("#comment-text textarea").fill("Ik kom graag!");
            member.locator("#comment-send").click();
            assertThat(member.locator("#post-comments")).containsText("Ik kom graag!");
            member.locator("#react-thumbs_up").click();
            assertThat(member.locator("#react-thumbs_up")).containsText("1");
            assertThat(member.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            member.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                    "target/e2e/news-member.png")));
        } finally {
            member.context().close();
        }
        page.reload();
        assertThat(page.locator("#post-comments")).containsText("Ik kom graag!");
    }
}
