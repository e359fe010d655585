package nl.tafel.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@TafelTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void theSignInPageSpeaksDutchFirst() {
        navigate(LoginView.class);
        LoginForm form = find(LoginForm.class).single();
        assertThat(i18n(form)).contains("\"title\":\"Inloggen\"").contains("\"username\":\"E-mailadres\"");
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(find(Button.class).id("login-language").getText()).isEqualTo("English");
    }

    @Test
    @WithAnonymousUser
    void aFailedSignInSaysSoWithoutSayingWhichPartWasWrong() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form))
                .contains("Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.");
    }

    @Test
    @WithAnonymousUser
    void aLockedAccountGetsItsOwnMessage() {
        UI.getCurrent().navigate("login", QueryParameters.of("locked", ""));
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("te vaak een verkeerd wachtwoord");
    }

    @Test
    @WithAnonymousUser
    void anExpiredOrReusedLinkIsExplained() {
        UI.getCurrent().navigate("login", QueryParameters.of("link-invalid", ""));
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("Deze link werkt niet meer");
    }

    @Test
    @WithAnonymousUser
    void anExpiredSessionLandsHereWithANotice() {
        UI.getCurrent().navigate("login", QueryParameters.of("expired", ""));
        assertThat(find(Div.class).id("login-notice").getText()).isEqualTo("Je sessie is verlopen. Log opnieuw in.");
    }

    @Test
    @WithAnonymousUser
    void switchingToEnglish() {
        navigate(LoginView.class);
        test(find(Button.class).id("login-language")).click();
        navigate(LoginView.class);
        assertThat(i18n(find(LoginForm.class).single())).contains("\"title\":\"Sign in\"");
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void someoneSignedInGoesStraightToTheOverview() {
        UI.getCurrent().navigate(LoginView.class);
        assertThat(getCurrentView()).isNotInstanceOf(LoginView.class);
        assertThat(getCurrentView().getClass().getName()).startsWith("nl.tafel.members.ui.OverviewView");
    }

    @Test
    @WithAnonymousUser
    void theFirstAdministratorPageIsClosedOnceAnyoneExists() {
        UI.getCurrent().navigate(FirstAdministratorView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    /** The texts the form shows, as the browser receives them. */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
