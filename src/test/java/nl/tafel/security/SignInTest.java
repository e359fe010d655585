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
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @AfterEach
    void resetClock() {
        clock.reset();
        throttle.succeeded(TestAccounts.SECRETARY);
    }

    private Authentication attempt(String email, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    /** A sign-in through the form from the given address, as the web layer hands it over. */
    private Authentication attemptFrom(String address, String email, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email,
                password);
        token.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails(address,
                null));
        return signIn.authenticate(token);
    }

    private static String someAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
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
    void aDeactivatedAccountAnswersLikeAWrongPasswordEvenWithTheRightOne() {
        String email = "weg-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        jdbc.update("""
                insert into person (email, full_name, app_role, status, locale, password_hash, created_at, version)
                values (?, 'Oud Lid', 'MEMBER', 'DEACTIVATED', 'nl', ?, current_timestamp(6), 0)""", email,
                encoder.encode(TestAccounts.PASSWORD));
        assertThatThrownBy(() -> attempt(email, TestAccounts.PASSWORD)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        String target = "parallel-" + UUID.randomUUID() + "@test.example";
        String attacker = someAddress();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<?>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            guesses.add(pool.submit(() -> {
                try {
                    attemptFrom(attacker, target, "gok-" + n);
                } catch (LockedException e) {
                    refused.incrementAndGet();
                } catch (BadCredentialsException e) {
                    checked.incrementAndGet();
                }
            }));
        }
        for (var guess : guesses) {
            guess.get();
        }
        pool.shutdown();
        assertThat(checked.get()).as("passwords actually checked").isLessThanOrEqualTo(5);
        assertThat(checked.get() + refused.get()).isEqualTo(40);
    }

    @Test
    void wrongPasswordsFromOneAddressSlowThatAddressWithGrowingDelaysButTheOwnerGetsInAtOnce() {
        String attacker = someAddress();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> attemptFrom(attacker, TestAccounts.SECRETARY, "fout"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // the attacker must now wait, even with the right password (which is not checked)
        assertThatThrownBy(() -> attemptFrom(attacker, TestAccounts.SECRETARY, TestAccounts.PASSWORD))
                .isInstanceOf(LockedException.class);
        // the owner, elsewhere, is not locked out
        assertThat(attemptFrom(someAddress(), TestAccounts.SECRETARY, TestAccounts.PASSWORD).isAuthenticated())
                .isTrue();
        // growing delays, no hard lock: 2 s, then 4 s
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> attemptFrom(attacker, TestAccounts.SECRETARY, "fout"))
                .isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> attemptFrom(attacker, TestAccounts.SECRETARY, "fout"))
                .isInstanceOf(LockedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> attemptFrom(attacker, TestAccounts.SECRETARY, "fout"))
                .isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofSeconds(8));
        assertThat(attemptFrom(attacker, TestAccounts.SECRETARY, TestAccounts.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void thirtyAccountNamesFromOneAddressAreNotAllTriedFreely() {
        String attacker = someAddress();
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            try {
                attemptFrom(attacker, "naam-" + i + "-" + UUID.randomUUID() + "@test.example", "Zomer2026!");
            } catch (LockedException refused) {
                // refused before any password check
            } catch (BadCredentialsException wrong) {
                checked++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(checked).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(14);
    }

    @Test
    void anUnknownAccountIsThrottledTooSoNothingIsRevealed() {
        String nobody = "onbekend-" + UUID.randomUUID() + "@test.example";
        String attacker = someAddress();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> attemptFrom(attacker, nobody, "fout"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attemptFrom(attacker, nobody, "fout")).isInstanceOf(LockedException.class);
    }

    @Test
    void noMoreThanAHundredPasswordsAnHourAreTriedOnOneAccount() {
        String target = "doelwit-" + UUID.randomUUID() + "@test.example";
        String attacker = someAddress();
        int checked = 0;
        // an attacker trying once a minute for an hour
        for (int minute = 0; minute < 60; minute++) {
            try {
                attemptFrom(attacker, target, "gok-" + minute);
            } catch (LockedException locked) {
                // refused before any password check
            } catch (BadCredentialsException wrong) {
                checked++;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(checked).isLessThanOrEqualTo(100).isLessThanOrEqualTo(25).isGreaterThanOrEqualTo(5);
    }

    @Test
    void guessesFromManyAddressesAreSlowedPerAccountToo() {
        String target = "verspreid-" + UUID.randomUUID() + "@test.example";
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> attemptFrom(someAddress(), target, "fout"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attemptFrom(someAddress(), target, "fout")).isInstanceOf(LockedException.class);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> attemptFrom(someAddress(), target, "fout"))
                .isInstanceOf(BadCredentialsException.class);
    }
}
