package nl.tafel.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import nl.tafel.security.SignedLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unsubscribe link of newsletters, used without signing in: the signed token is the only credential, and it
 * names the one person it was made for.
 */
@Service
public class Unsubscriptions {

    private final SignedLinks links;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Unsubscriptions(SignedLinks links, JdbcTemplate jdbc, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Unsubscribes the person the signed link names, at once. A tampered or unknown link changes nothing; an expired
     * one still unsubscribes (it can only ever unsubscribe its own person, and people keep old mails).
     */
    @Transactional
    public boolean unsubscribe(@Nullable String token) {
        long person = switch (links.check(NewsletterService.UNSUBSCRIBE, token)) {
            case SignedLinks.Valid v -> v.subject();
            case SignedLinks.Expired e -> e.subject();
            case SignedLinks.Invalid i -> -1;
        };
        if (person <= 0) {
            return false;
        }
        jdbc.update("insert ignore into newsletter_optout (person_id, created_at) values (?, ?)", person,
                Timestamp.from(clock.instant()));
        return true;
    }
}
