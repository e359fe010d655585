package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.TestBoard;
import nl.tafel.invitations.Answer;
import nl.tafel.invitations.CalendarFeedService;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.InviteeRow;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.meetings.MeetingId;
import nl.tafel.security.SignedLinks;
import nl.tafel.shared.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The links in invitation mails through the real server and its security: the answer page in Chromium without
 * signing in, and the calendar feed over plain HTTP.
 */
@TafelServerTest
class InvitationLinksIT extends BrowserTest {

    @Autowired
    TestBoard board;
    @Autowired
    InvitationService invitations;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    Inviter inviter;
    @Autowired
    SignedLinks links;
    @Autowired
    RunAs as;

    @Test
    void theAnswerLinkWorksInABrowserWithoutSigningIn() {
        String title = TestBoard.unique("Bestuur e2e");
        MeetingId meeting = board.published(board.space("Ruimte " + title), title, 10);
        CurrentUser.runAsSystem(() -> inviter.sync(meeting));
        InviteeRow member = as.call(TestAccounts.SECRETARY, () -> invitations.attendance(meeting)).invitees()
                .stream().filter(r -> r.email().equals(TestAccounts.MEMBER)).findFirst().orElseThrow();
        String token = links.issue("rsvp", member.id());

        page.navigate(url("/antwoord?t=" + token + "&a=misschien"));
        assertThat(page.locator("#rsvp-card")).containsText(title);
        assertThat(page.locator("#rsvp-recorded")).containsText("Misschien");
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.locator("#rsvp-ja").click();
        assertThat(page.locator("#rsvp-recorded")).containsText("Komt");
        InviteeRow after = as.call(TestAccounts.SECRETARY, () -> invitations.attendance(meeting)).invitees()
                .stream().filter(r -> r.email().equals(TestAccounts.MEMBER)).findFirst().orElseThrow();
        assertThat(after.answer()).isEqualTo(Answer.ACCEPTED);

        page.navigate(url("/antwoord?t=" + token.substring(0, token.length() - 1) + "&a=nee"));
        assertThat(page.locator("#link-message")).containsText("klopt niet");
    }

    @Test
    void theCalendarFeedIsServedWithoutSigningInAndOnlyForAKnownAddress() throws Exception {
        String title = TestBoard.unique("Bestuur feed");
        MeetingId meeting = board.published(board.space("Ruimte " + title), title, 12);
        String feed = as.call(TestAccounts.MEMBER, () -> feeds.myFeedUrl());
        String path = feed.substring(feed.indexOf("/agenda-feed/"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ok.body()).contains("UID:" + meeting.value() + "@tafel").contains("SUMMARY:" + title);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(url(
                "/agenda-feed/" + "A".repeat(43) + ".ics"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String line : ok.body().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line)
                    .isLessThanOrEqualTo(75);
        }
        assertThat(ok.body()).contains("X-WR-CALNAME:");
        String token = path.substring("/agenda-feed/".length(), path.length() - ".ics".length());
        StringBuilder swapped = new StringBuilder();
        token.chars().forEach(c -> swapped.append((char) (Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.toUpperCase(c))));
        HttpResponse<String> otherCase = http.send(HttpRequest.newBuilder(URI.create(url(
                "/agenda-feed/" + swapped + ".ics"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherCase.statusCode()).as("the token in other case is another address").isEqualTo(404);
    }
}
