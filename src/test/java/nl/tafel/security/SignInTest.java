package nl.tafel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.security.internal.SignInThrottle;
import nl.tafel.shared.TafelPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Password sign-in as the login form uses it: right, wrong, unknown, and too often wrong. */
@TafelTest
class SignInTest {

    @Autowired
    AuthenticationProvider signIn;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
        throttle.succeeded(TestAccounts.SECRETARY);
    }

    private Authentication attempt(String email, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    @Test
    void theRightPasswordSignsInAsTheTafelPerson() {
        Authentication result = attempt(" Lid@Test.Example ", TestAccounts.PASSWORD);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getPrincipal()).isInstanceOfSatisfying(TafelPrincipal.class,
                p -> assertThat(p.displayName()).isEqualTo("Lars Lid"));
        assertThat(result.getAuthorities()).extracting(Object::toString).contains("ROLE_MEMBER")
                .doesNotContain("ROLE_ADMINISTRATOR", "ROLE_SECRETARY");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountLookTheSame() {
        BadCredentialsException wrong = org.junit.jupiter.api.Assertions.assertThrows(BadCredentialsException.class,
                () -> attempt(TestAccounts.MEMBER, "niet-het-wachtwoord"));
        BadCredentialsException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                BadCredentialsException.class, () -> attempt("niemand@test.example", "niet-het-wachtwoord"));
        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
        throttle.succeeded(TestAccounts.MEMBER);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(TestAccounts.SECRETARY, "fout")).isInstanceOf(
                    BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(TestAccounts.SECRETARY, TestAccounts.PASSWORD))
                .isInstanceOf(LockedException.class);

        clock.advance(Duration.ofMinutes(16));
        assertThat(attempt(TestAccounts.SECRETARY, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void anUnknownAccountLocksTooSoNothingIsRevealed() {
        String nobody = "onbekend-" + UUID.randomUUID() + "@test.example";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(nobody, "fout")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(nobody, "fout")).isInstanceOf(LockedException.class);
    }

    @Test
    void noMoreThanAHundredPasswordsAnHourAreTriedOnOneAccount() {
        String target = "doelwit-" + UUID.randomUUID() + "@test.example";
        int checked = 0;
        // an attacker trying once a minute for an hour
        for (int minute = 0; minute < 60; minute++) {
            try {
                attempt(target, "gok-" + minute);
            } catch (LockedException locked) {
                // refused before any password check
            } catch (BadCredentialsException wrong) {
                checked++;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(checked).isLessThanOrEqualTo(100).isLessThanOrEqualTo(25).isGreaterThanOrEqualTo(5);
    }
}
