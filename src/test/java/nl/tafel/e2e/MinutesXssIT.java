package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.minutes.MinutesDetails;
import nl.tafel.minutes.MinutesService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Script and HTML saved into minutes never run: a list of XSS payloads is saved into the items of a meeting's
 * minutes, and the minutes are opened in Chromium by the writer (editor and preview) and by a reader.
 */
@TafelServerTest
class MinutesXssIT extends BrowserTest {

    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss = 'script'</script>",
            "<img src=x onerror=\"window.__xss = 'img'\">",
            "<svg onload=\"window.__xss = 'svg'\"></svg>",
            "[klik hier](javascript:window.__xss='link')",
            "<a href=\"javascript:window.__xss='a'\">klik</a>",
            "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
            "![plaatje](x\" onerror=\"window.__xss='md-img')",
            "<details open ontoggle=\"window.__xss='details'\">x</details>",
            "<style>@import 'javascript:window.__xss=1'</style>",
            "<body onload=\"window.__xss='body'\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
            "**Vet** en een [gewone link](https://ondernemendleiden.nl)");

    @Autowired
    SpaceService spaces;
    @Autowired
    MeetingService meetings;
    @Autowired
    MinutesService minutes;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    @Test
    void nothingRunsWhenTheMinutesAreOpened() {
        String name = "XSS e2e " + UUID.randomUUID().toString().substring(0, 6);
        MeetingId meeting = as.call(TestAccounts.SECRETARY, () -> {
            SpaceId space = spaces.create(name, null);
            spaces.setMember(space, accounts.findByEmail(TestAccounts.READER).orElseThrow().id(), SpaceRole.READER);
            MeetingId id = meetings.create(space, new MeetingDraft(name, LocalDate.now(MeetingService.ZONE)
                    .plusDays(2), LocalTime.of(16, 0), LocalTime.of(18, 0), MeetingForm.PHYSICAL, "Stadhuis", null,
                    null, null)).id();
            meetings.publish(id);
            return id;
        });
        MinutesDetails details = as.call(TestAccounts.SECRETARY, () -> minutes.get(meeting));
        for (int i = 0; i < PAYLOADS.size(); i++) {
            var item = details.items().get(i % details.items().size());
            String text = PAYLOADS.get(i);
            int n = i;
            as.call(TestAccounts.SECRETARY, () -> minutes.saveText(meeting, item.itemId(),
                    minutes.get(meeting).items().stream().filter(x -> x.itemId().equals(item.itemId())).findFirst()
                            .orElseThrow().text() + "\n\n" + text, minutes.get(meeting).items().stream()
                            .filter(x -> x.itemId().equals(item.itemId())).findFirst().orElseThrow().version()));
            as.call(TestAccounts.SECRETARY, () -> minutes.addDecision(meeting, item.itemId(), "Besluit " + n
                    + " " + text.replace('<', '(').replace('>', ')')));
        }
        as.run(TestAccounts.SECRETARY, () -> minutes.circulate(meeting));

        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(d -> {
            dialogs.incrementAndGet();
            d.dismiss();
        });
        signIn(page, url(""), TestAccounts.SECRETARY, TestAccounts.PASSWORD);
        page.navigate(url("/vergaderingen/" + meeting + "/notulen"));
        assertThat(page.locator("#minutes-item-1")).isVisible();
        page.waitForTimeout(1500);
        assertThat(page.evaluate("() => window.__xss === undefined")).as("writer: nothing ran").isEqualTo(true);
        assertThat(page.locator(".tafel-minutes-preview strong").first()).hasText("Vet");
        assertThat(page.locator(".tafel-minutes-preview script, .tafel-minutes-preview iframe, "
                + ".tafel-minutes-preview svg, .tafel-minutes-preview img[onerror]")).hasCount(0);

        page.context().clearCookies();
        signIn(page, url(""), TestAccounts.READER, TestAccounts.PASSWORD);
        page.navigate(url("/vergaderingen/" + meeting + "/notulen"));
        assertThat(page.locator("#minutes-item-1")).isVisible();
        page.waitForTimeout(1500);
        assertThat(page.evaluate("() => window.__xss === undefined")).as("reader: nothing ran").isEqualTo(true);
        assertThat(page.locator("#minutes-item-1")).containsText("window.__xss");
        assertThat(page.locator("a[href^='javascript']")).hasCount(0);
        assertThat(dialogs.get()).isZero();
    }
}
