package nl.tafel.members.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.ProfileService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@TafelTest
class ProfileViewTest extends SpringBrowserlessTest {

    @Autowired
    ProfileService profiles;

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    void changingTheName() {
        navigate(ProfileView.class);
        test(find(TextField.class).id("profile-name")).setValue("Sanne de Secretaris");
        test(find(Button.class).id("profile-save")).click();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Je profiel is opgeslagen.");
        assertThat(profiles.me().fullName()).isEqualTo("Sanne de Secretaris");
        test(find(TextField.class).id("profile-name")).setValue("Sanne Secretaris");
        test(find(Button.class).id("profile-save")).click();
    }

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    void aWrongCurrentPasswordIsAFieldError() {
        navigate(ProfileView.class);
        test(find(PasswordField.class).id("profile-current-password")).setValue("niet-goed-123");
        test(find(PasswordField.class).id("profile-new-password")).setValue("Nieuw-wachtwoord-2026");
        test(find(PasswordField.class).id("profile-repeat-password")).setValue("Nieuw-wachtwoord-2026");
        test(find(Button.class).id("profile-change-password")).click();
        PasswordField current = find(PasswordField.class).id("profile-current-password");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("Je huidige wachtwoord klopt niet.");
    }

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    void aTooShortNewPasswordIsExplained() {
        navigate(ProfileView.class);
        test(find(PasswordField.class).id("profile-current-password")).setValue(TestAccounts.PASSWORD);
        test(find(PasswordField.class).id("profile-new-password")).setValue("kort");
        test(find(PasswordField.class).id("profile-repeat-password")).setValue("kort");
        test(find(Button.class).id("profile-change-password")).click();
        assertThat(find(PasswordField.class).id("profile-new-password").getErrorMessage())
                .isEqualTo("Het wachtwoord moet minstens 10 tekens hebben.");
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void theLanguageSwitchIsRememberedForThePerson() {
        navigate(OverviewView.class);
        assertThat(find(H3.class).withText("Testbestuur").exists()).isTrue();
        MenuItem english = find(MenuItem.class).id("switch-language");
        assertThat(english.getText()).isEqualTo("English");
        test(english).click();
        try {
            assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
            assertThat(profiles.me().locale()).isEqualTo(Locale.ENGLISH);
            navigate(OverviewView.class);
            assertThat(find(com.vaadin.flow.component.html.H2.class).withText("My groups").exists()).isTrue();
        } finally {
            profiles.remember(Locale.of("nl"));
        }
    }
}
