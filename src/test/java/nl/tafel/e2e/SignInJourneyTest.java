package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.TestConfig;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.internal.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A demo user's first minutes: sign in, switch to English and back, add a person, sign out. The browser asks for
 * English (Accept-Language), yet Tafel starts in Dutch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tafel.test.demo-data=true", "vaadin.devmode.devTools.enabled=false"})
@Import(TestConfig.class)
class SignInJourneyTest extends BrowserTest {

    @Autowired
    AccountDirectory accounts;
    @Autowired
    DemoData demoData;

    @BeforeEach
    void demoAssociation() {
        if (accounts.findByEmail("beheerder@demo.example").isEmpty()) {
            demoData.seed();
        }
    }

    @Test
    void signInSwitchLanguageAddAPersonAndSignOut() {
        page.navigate(url("/"));
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("vaadin-login-form")).containsText("Inloggen");

        page.locator("input[name='username']").fill("beheerder@demo.example");
        page.locator("input[name='password']").fill(DemoData.PASSWORD);
        page.locator("vaadin-button[slot='submit']").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welkom, Bas")))
                .isVisible();
        screenshot("overview-nl");

        userMenu("English");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Bas")))
                .isVisible();
        assertThat(page.locator("vaadin-side-nav")).containsText("Members");
        screenshot("overview-en");
        userMenu("Nederlands");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welkom, Bas")))
                .isVisible();

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Leden")).click();
        page.waitForURL(Pattern.compile(".*/beheer/leden$"));
        page.locator("#people-add").click();
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        page.locator("#person-name input").fill("Eline van Endtoend");
        page.locator("#person-email input").fill(email);
        page.locator("#person-save").click();
        assertThat(page.locator("vaadin-notification-card"))
                .containsText("Eline van Endtoend is toegevoegd en krijgt een activeringsmail.");
        page.locator("#people-search input").fill("Endtoend");
        assertThat(page.locator("#people-grid")).not().containsText("Bas Beheer");
        assertThat(page.locator("#people-grid")).containsText(email);
        screenshot("people-added");
        assertThat(accounts.findByEmail(email)).isPresent();

        userMenu("Uitloggen");
        page.waitForURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("vaadin-login-form")).containsText("Inloggen");
        page.navigate(url("/beheer/leden"));
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

    @Test
    void aWrongPasswordGetsAClearDutchMessage() {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill("beheerder@demo.example");
        page.locator("input[name='password']").fill("helemaal-fout");
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.locator("vaadin-login-form"))
                .containsText("Het e-mailadres of het wachtwoord klopt niet.");
        screenshot("login-error");
    }

    private void userMenu(String item) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(item)).click();
    }
}
