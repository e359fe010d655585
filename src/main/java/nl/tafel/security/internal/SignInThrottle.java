package nl.tafel.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing with growing delays instead of a lock (ADR 0021), counted in the database so that it
 * holds across restarts and instances. Every attempt is recorded before the password is checked; an attempt that
 * must wait is refused unchecked and not counted. Three counts, each over the last hour:
 * <ul>
 * <li>one account from one address: a few free tries, then 2 s, 4 s, 8 s … up to 15 minutes between tries. The
 * owner at another address is not affected;</li>
 * <li>one address, whatever the accounts: more free tries, then the same growing delays, so that thirty account names
 * from one address are not all tried freely;</li>
 * <li>one account, whatever the addresses: against guessing from many addresses, with more free tries.</li>
 * </ul>
 * An e-mailed sign-in link is never throttled here: it lets the owner in at once whatever happens to the password.
 */
@Component
public class SignInThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int freePerAccountAndAddress;
    private final int freePerAddress;
    private final int freePerAccount;
    private final Duration firstDelay;
    private final Duration maxDelay;

    SignInThrottle(JdbcTemplate jdbc, Clock clock,
            @Value("${tafel.sign-in.free-attempts:3}") int freePerAccountAndAddress,
            @Value("${tafel.sign-in.free-attempts-per-address:10}") int freePerAddress,
            @Value("${tafel.sign-in.free-attempts-per-account:10}") int freePerAccount,
            @Value("${tafel.sign-in.first-delay:2s}") Duration firstDelay,
            @Value("${tafel.sign-in.max-delay:15m}") Duration maxDelay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freePerAccountAndAddress = freePerAccountAndAddress;
        this.freePerAddress = freePerAddress;
        this.freePerAccount = freePerAccount;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** Records a sign-in attempt (a failure until {@link #succeeded}); returns its id. */
    public long attempt(String username, @Nullable String address) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support
                .GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "insert into failed_sign_in (username, address, attempted_at) values (?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, normalise(username));
            insert.setString(2, address(address));
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * How long the given attempt would have had to wait; empty when it may go ahead. Other attempts made at the same
     * moment count as earlier ones, so parallel guesses cannot slip past.
     */
    public Optional<Duration> mustWait(long attempt, String username, @Nullable String address) {
        String name = normalise(username);
        String from = address(address);
        Duration wait = Duration.ZERO;
        if (from != null) {
            wait = max(wait, waitFor("username = ? and address = ?", attempt, freePerAccountAndAddress, name, from));
            wait = max(wait, waitFor("address = ?", attempt, freePerAddress, from));
        }
        wait = max(wait, waitFor("username = ?", attempt, freePerAccount, name));
        return wait.isPositive() ? Optional.of(wait) : Optional.empty();
    }

    private Duration waitFor(String where, long attempt, int free, Object... args) {
        Object[] params = new Object[args.length + 2];
        System.arraycopy(args, 0, params, 0, args.length);
        params[args.length] = attempt;
        params[args.length + 1] = Timestamp.from(clock.instant().minus(WINDOW));
        record Earlier(int n, @Nullable Timestamp last) {
        }
        Earlier earlier = jdbc.queryForObject("select count(*) as n, max(attempted_at) as last from failed_sign_in"
                + " where " + where + " and id <> ? and attempted_at > ?",
                (rs, i) -> new Earlier(rs.getInt("n"), rs.getTimestamp("last")), params);
        if (earlier == null || earlier.n() < free || earlier.last() == null) {
            return Duration.ZERO;
        }
        int n = earlier.n();
        Instant last = earlier.last().toInstant();
        Duration delay = delay(n - free);
        Duration waited = Duration.between(last, clock.instant());
        return waited.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(waited);
    }

    /** 2 s after the first try over the free ones, then doubling, never more than the maximum. */
    Duration delay(int overFree) {
        Duration delay = firstDelay;
        for (int i = 0; i < overFree && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Drops a refused attempt, so that refusals do not prolong the wait. */
    public void forget(long attempt) {
        jdbc.update("delete from failed_sign_in where id = ?", attempt);
    }

    public int recentFailures(String username) {
        Integer count = jdbc.queryForObject(
                "select count(*) from failed_sign_in where username = ? and attempted_at > ?", Integer.class,
                normalise(username), Timestamp.from(clock.instant().minus(WINDOW)));
        return count == null ? 0 : count;
    }

    /** A successful sign-in clears the failures of that account from that address. */
    public void succeeded(String username, @Nullable String address) {
        String from = address(address);
        if (from == null) {
            succeeded(username);
        } else {
            jdbc.update("delete from failed_sign_in where username = ? and (address = ? or address is null)",
                    normalise(username), from);
        }
    }

    /** Forgets every failure of an account. */
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

    private static @Nullable String address(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.length() > 45 ? a.substring(0, 45) : a;
    }
}
