package nl.tafel.news;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.tafel.news.internal.SignupMails;
import nl.tafel.shared.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seats and the waiting list of one event. Callers hold the post's row lock ({@code select … for update}), so that
 * sign-ups, cancellations and capacity changes of one event happen one after the other and never overbook.
 */
@Component
class Waitlist {

    private final JdbcTemplate jdbc;
    private final SignupMails mails;
    private final Clock clock;

    Waitlist(JdbcTemplate jdbc, SignupMails mails, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.clock = clock;
    }

    /** Confirmed seats: members plus their guests. */
    int taken(UUID post) {
        Integer taken = jdbc.queryForObject("select coalesce(sum(1 + guests), 0) from news_signup"
                + " where post_id = ? and status = 'CONFIRMED'", Integer.class, post);
        return taken == null ? 0 : taken;
    }

    int waiting(UUID post) {
        Integer n = jdbc.queryForObject("select count(*) from news_signup where post_id = ? and status = 'WAITING'",
                Integer.class, post);
        return n == null ? 0 : n;
    }

    /**
     * Moves people up from the waiting list, first come first served, while their whole party fits. Each one
     * promoted gets a mail. Nobody is promoted once the event has begun.
     */
    void promote(Posts.Row post) {
        if (post.eventStartsAt() == null || !post.eventStartsAt().isAfter(clock.instant())) {
            return;
        }
        record Waiting(long id, long person, int guests) {
        }
        List<Waiting> queue = jdbc.query("select id, person_id, guests from news_signup"
                + " where post_id = ? and status = 'WAITING' order by signed_up_at, id",
                (rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getInt(3)), post.id());
        int taken = taken(post.id());
        for (Waiting w : queue) {
            if (post.capacity() != null && taken + 1 + w.guests() > post.capacity()) {
                break;
            }
            jdbc.update("update news_signup set status = 'CONFIRMED', promoted_at = ? where id = ?",
                    Timestamp.from(clock.instant()), w.id());
            taken += 1 + w.guests();
            mails.promoted(w.id(), new PersonId(w.person()), post.id().toString(), post.title(),
                    post.eventStartsAt(), w.guests());
        }
    }
}
