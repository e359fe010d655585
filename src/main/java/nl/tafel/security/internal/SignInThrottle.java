package nl.tafel.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per account name in the database (so it holds across restarts and instances); a
 * successful sign-in clears them. Past {@code maxFailures} attempts within {@code window} the account name is locked
 * until the oldest of them is older than the window: with the defaults (5 in 15 minutes) at most 20 passwords an
 * hour are tried per account.
 */
@Component
public class SignInThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    SignInThrottle(JdbcTemplate jdbc, Clock clock, @Value("${tafel.sign-in.max-failures:5}") int maxFailures,
            @Value("${tafel.sign-in.lock-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Records a sign-in attempt (a failure until {@link #succeeded}); returns its id. */
    public long attempt(String username) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support
                .GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "insert into failed_sign_in (username, attempted_at) values (?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, normalise(username));
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** True when the attempts in the window, the one being made included, are over the limit. */
    public boolean tooMany(String username) {
        return recentFailures(username) > maxFailures;
    }

    /** Drops a refused attempt, so that refusals do not prolong the lock. */
    public void forget(long attempt) {
        jdbc.update("delete from failed_sign_in where id = ?", attempt);
    }

    public int recentFailures(String username) {
        Integer count = jdbc.queryForObject(
                "select count(*) from failed_sign_in where username = ? and attempted_at > ?", Integer.class,
                normalise(username), Timestamp.from(clock.instant().minus(window)));
        return count == null ? 0 : count;
    }

    public void succeeded(String username) {
        jdbc.update("delete from failed_sign_in where username = ?", normalise(username));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldFailures() {
        jdbc.update("delete from failed_sign_in where attempted_at < ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
    }

    static String normalise(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 254 ? u.substring(0, 254) : u;
    }
}
