package nl.tafel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.internal.DemoData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A demo user's first minutes: sign in, switch to English and back, add a person, sign out. The browser asks for
 * English (Accept-Language), yet Tafel starts in Dutch.
 */
@TafelServerTest
class SignInJourneyIT extends BrowserTest {

    @Autowired
    AccountDirectory accounts;
    @Autowired
    DemoData demoData;
    @Autowired
    OneTimeTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

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

        page.locator("vaadin-side-nav-item[path=\"beheer/leden\"]").click();
        page.waitForURL(Pattern.compile(".*/beheer/leden$"));
        page.locator("#people-add").click();
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        page.locator("#person-name input").fill("Eline van Endtoend");
        page.locator("#person-email input").fill(email);
        page.locator("#person-save").click();
        assertThat(page.locator("vaadin-notification-card"))
                .containsText("Eline van Endtoend is toegevoegd en krijgt een activeringsmail.");
        page.locator("#people-search input").fill("Endtoend");
        assertThat(visibleCells("Bas Beheer")).hasCount(0);
        assertThat(visibleCells(email)).hasCount(1);
        screenshot("people-added");
        assertThat(accounts.findByEmail(email)).isPresent();

        page.navigate(url("/bestaat-niet"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pagina niet gevonden")))
                .isVisible();
        screenshot("not-found");

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

    @Test
    void anActivationLinkSignsInOnceAndLetsThePersonChooseAPassword() {
        String email = "ivo-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        jdbc.update("""
                insert into person (email, full_name, app_role, status, locale, created_at, version)
                values (?, 'Ivo Uitgenodigd', 'MEMBER', 'INVITED', 'nl', current_timestamp(6), 0)""", email);
        String token = tokens.generate(new GenerateOneTimeTokenRequest(email, Duration.ofDays(7))).getTokenValue();

        page.navigate(url("/login/ott?token=" + token));
        assertThat(page.locator("#link-submit")).hasText("Inloggen en wachtwoord kiezen");
        screenshot("activation-link");
        page.locator("#link-submit").click();
        page.waitForURL(Pattern.compile(".*/wachtwoord-instellen$"));
        page.locator("#set-password input").fill("Mijn-eigen-wachtwoord-1");
        page.locator("#set-password-repeat input").fill("Mijn-eigen-wachtwoord-2");
        page.locator("#set-password-save").click();
        assertThat(page.locator("#set-password-repeat")).containsText("De twee wachtwoorden zijn niet gelijk.");
        page.locator("#set-password-repeat input").fill("Mijn-eigen-wachtwoord-1");
        page.locator("#set-password-save").click();
        page.waitForURL(Pattern.compile(".*/login\\?password-set$"));
        assertThat(page.locator("#login-notice"))
                .hasText("Je wachtwoord is opgeslagen. Log in met je nieuwe wachtwoord.");

        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill("Mijn-eigen-wachtwoord-1");
        page.locator("vaadin-button[slot='submit']").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welkom, Ivo")))
                .isVisible();
        userMenu("Uitloggen");
        page.waitForURL(Pattern.compile(".*/login.*"));

        page.navigate(url("/login/ott?token=" + token));
        page.locator("#link-submit").click();
        page.waitForURL(Pattern.compile(".*/login\\?link-invalid.*"));
        assertThat(page.locator("vaadin-login-form")).containsText("Deze link werkt niet meer");
        screenshot("link-reused");
    }

    /** Grid cells on screen with the text (the grid keeps hidden cells of earlier rows in the page). */
    private Locator visibleCells(String text) {
        return page.locator("#people-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setVisible(true).setHasText(text));
    }

    private void userMenu(String item) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(item)).click();
    }
}
