package nl.tafel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test-wide beans: a clock tests can move forward, and a clean database once per test run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /**
     * One security context strategy for every Spring context in the test JVM. Vaadin sets a new strategy globally
     * for each context it starts; a second context (such as the one without SMTP) would otherwise leave the first
     * context's method security reading another strategy than the one tests sign in through.
     */
    private static final org.springframework.security.core.context.SecurityContextHolderStrategy STRATEGY =
            new com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy();

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    TestAccounts testAccounts(org.springframework.jdbc.core.JdbcTemplate jdbc,
            org.springframework.security.crypto.password.PasswordEncoder encoder) {
        return new TestAccounts(jdbc, encoder);
    }

    @Bean
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContextHolderStrategy() {
        return STRATEGY;
    }

    @Bean
    TestBoard testBoard(RunAs as, nl.tafel.spaces.SpaceService spaces, nl.tafel.meetings.MeetingService meetings,
            nl.tafel.members.AccountDirectory accounts) {
        return new TestBoard(as, spaces, meetings, accounts);
    }

    @Bean
    RunAs runAs(org.springframework.security.core.userdetails.UserDetailsService users) {
        return new RunAs(users);
    }

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    /** The system clock plus an offset that a test may move; {@link #reset()} after use. */
    public static class TestClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
