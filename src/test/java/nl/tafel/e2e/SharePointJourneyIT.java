package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.sharepoint.fake.GraphFake;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An administrator links a space to SharePoint from the screen, by site, library and folder, against a local Graph
 * server (the fake, through the real Graph SDK): the connection test passes, the remote file appears in the space,
 * and a document added in Tafel reaches SharePoint after "Nu synchroniseren".
 */
@TafelServerTest
class SharePointJourneyIT extends BrowserTest {

    static final GraphFake FAKE = GraphFake.start(Clock.systemUTC());

    @DynamicPropertySource
    static void graph(DynamicPropertyRegistry registry) {
        registry.add("tafel.sharepoint.graph-base-url", FAKE::baseUrl);
        registry.add("tafel.sharepoint.access-token", FAKE::token);
        registry.add("tafel.sharepoint.tick", () -> "1s");
    }

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    RunAs as;

    @Test
    void linkFromTheScreenThenBothWays() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String sitePath = "/sites/bestuur-" + run;
        String drive = FAKE.driveId(FAKE.addSite("contoso.sharepoint.com", sitePath), "Documenten");
        FAKE.putFile(drive, "Tafel/Bestuur/Ingekomen/Brief gemeente.txt",
                "Geachte bestuursleden,".getBytes(StandardCharsets.UTF_8));
        String name = "Bestuur SharePoint " + run;
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> spaces.create(name, null));

        signIn(page, url(""), TestAccounts.ADMIN, TestAccounts.PASSWORD);
        page.navigate(url("/beheer/sharepoint"));
        page.locator("#sharepoint-link-" + space).click();
        page.locator("#sharepoint-site input").fill("https://contoso.sharepoint.com" + sitePath);
        page.locator("#sharepoint-library input").fill("Documenten");
        page.locator("#sharepoint-folder input").fill("Tafel/Bestuur");
        page.locator("#sharepoint-test").click();
        assertThat(page.locator("#sharepoint-check")).containsText("gelukt");
        page.locator("#sharepoint-link").click();

        // the first pass runs in the background: the remote folder and file appear in the space
        page.navigate(url("/ruimtes/" + space));
        for (int i = 0; i < 40 && !(page.locator("#folder-grid").textContent().contains("Ingekomen")
                && page.locator("#space-sharepoint").textContent().contains("Bijgewerkt")); i++) {
            page.waitForTimeout(1000);
            page.reload();
        }
        assertThat(page.locator("#folder-grid")).containsText("Ingekomen");
        assertThat(page.locator("#space-sharepoint")).containsText("Bijgewerkt");
        assertThat(page.locator("#space-sharepoint")).containsText("contoso.sharepoint.com:" + sitePath);

        // and the other way: a document added here reaches SharePoint after "Nu synchroniseren"
        byte[] agenda = "Agenda bestuursvergadering".getBytes(StandardCharsets.UTF_8);
        as.run(TestAccounts.SECRETARY, () -> documents.upload(spaces.get(space).rootFolder(), "Agenda.txt",
                new ByteArrayInputStream(agenda), agenda.length));
        page.locator("#sharepoint-sync-now").click();
        for (int i = 0; i < 60 && FAKE.content(drive, "Tafel/Bestuur/Agenda.txt").isEmpty(); i++) {
            page.waitForTimeout(500);
        }
        org.assertj.core.api.Assertions.assertThat(FAKE.content(drive, "Tafel/Bestuur/Agenda.txt")).contains(agenda);
        org.assertj.core.api.Assertions.assertThat(FAKE.requestLog()).filteredOn(r -> !r.inBatch())
                .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.userAgent())
                        .startsWith("NONISV|OndernemendLeiden|Tafel/"));
        screenshot("sharepoint-space");
    }
}
