package nl.tafel.news;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.TafelPrincipal;
import nl.tafel.shared.Texts;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ups for events. Every change to one event's sign-ups first locks the post's row, so concurrent sign-ups are
 * handled one by one: a party is confirmed only when all its seats fit and nobody is waiting before it; otherwise
 * it goes on the waiting list. Whoever may read the post may sign up; its editors (the organisers) see the list,
 * take people off it and export it as CSV.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SignupService {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int GUEST_NAMES_LENGTH = 1000;

    private final JdbcTemplate jdbc;
    private final Posts posts;
    private final Waitlist waitlist;
    private final PeopleDirectory people;
    private final TafelI18NProvider i18n;
    private final Clock clock;

    SignupService(JdbcTemplate jdbc, Posts posts, Waitlist waitlist, PeopleDirectory people, TafelI18NProvider i18n,
            Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.waitlist = waitlist;
        this.people = people;
        this.i18n = i18n;
        this.clock = clock;
    }

    /**
     * Signs the person up with this many guests (their names optional). A second call changes the guests: more
     * guests are refused when their seats are not free. A full event puts the person on the waiting list.
     */
    @Transactional
    public SignupResult signUp(PostId id, int guests, @Nullable String guestNames) {
        Posts.Row post = openEvent(id);
        if (guests < 0 || guests > post.maxGuests()) {
            throw new FieldException("guests", post.maxGuests() == 0 ? "news.error.noGuests"
                    : "news.error.tooManyGuests", post.maxGuests());
        }
        String names = guests == 0 ? null : Texts.plainText("guestNames", guestNames, GUEST_NAMES_LENGTH);
        long me = Posts.me().value();
        List<Mine> existing = jdbc.query("select id, guests, status from news_signup where post_id = ?"
                + " and person_id = ?", (rs, n) -> new Mine(rs.getLong(1), rs.getInt(2),
                        SignupStatus.valueOf(rs.getString(3))), post.id(), me);
        if (!existing.isEmpty()) {
            Mine mine = existing.getFirst();
            int more = guests - mine.guests();
            if (mine.status() == SignupStatus.CONFIRMED && more > 0 && post.capacity() != null
                    && waitlist.taken(post.id()) + more > post.capacity()) {
                throw new TafelException("news.error.noRoomForGuests",
                        Math.max(0, post.capacity() - waitlist.taken(post.id())));
            }
            jdbc.update("update news_signup set guests = ?, guest_names = ? where id = ?", guests, names, mine.id());
            waitlist.promote(post);
            return result(post, me);
        }
        int taken = waitlist.taken(post.id());
        boolean fits = post.capacity() == null
                || (waitlist.waiting(post.id()) == 0 && taken + 1 + guests <= post.capacity());
        jdbc.update("""
                insert into news_signup (post_id, person_id, guests, guest_names, status, signed_up_at)
                values (?, ?, ?, ?, ?, ?)""", post.id(), me, guests, names,
                (fits ? SignupStatus.CONFIRMED : SignupStatus.WAITING).name(), Timestamp.from(clock.instant()));
        return result(post, me);
    }

    /** Cancels the person's own sign-up; the first on the waiting list who fits moves up (and is told by mail). */
    @Transactional
    public void cancel(PostId id) {
        Posts.Access access = posts.visible(id, true);
        jdbc.update("delete from news_signup where post_id = ? and person_id = ?", id.value(), Posts.me().value());
        waitlist.promote(access.row());
    }

    /** The organiser takes someone off the list (or the waiting list); others move up as with a cancellation. */
    @Transactional
    public void remove(PostId id, long signupId) {
        Posts.Access access = posts.editable(id, true);
        jdbc.update("delete from news_signup where post_id = ? and id = ?", id.value(), signupId);
        waitlist.promote(access.row());
    }

    /** Everyone signed up and waiting, in order, for the organiser. */
    @Transactional(readOnly = true)
    public List<SignupView> signups(PostId id) {
        posts.editable(id, false);
        return list(id);
    }

    /**
     * The list as CSV for a spreadsheet: semicolons, UTF-8 with a byte order mark, headers in the organiser's
     * language. Cells that a spreadsheet would run as a formula are prefixed with a quote.
     */
    @Transactional(readOnly = true)
    public byte[] csv(PostId id) {
        posts.editable(id, false);
        Locale locale = CurrentUser.get().map(TafelPrincipal::locale).orElse(TafelI18NProvider.DUTCH);
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, List.of(i18n.translate(locale, "news.csv.status"), i18n.translate(locale, "news.csv.position"),
                i18n.translate(locale, "news.csv.name"), i18n.translate(locale, "news.csv.email"),
                i18n.translate(locale, "news.csv.guests"), i18n.translate(locale, "news.csv.guestNames"),
                i18n.translate(locale, "news.csv.seats"), i18n.translate(locale, "news.csv.signedUpAt")));
        for (SignupView s : list(id)) {
            row(csv, List.of(i18n.translate(locale, s.status().translationKey()),
                    s.position() == 0 ? "" : String.valueOf(s.position()), s.name(), s.email(),
                    String.valueOf(s.guests()), s.guestNames() == null ? "" : s.guestNames().replace('\n', ' '),
                    String.valueOf(s.seats()), at.format(s.signedUpAt())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Mine(long id, int guests, SignupStatus status) {
    }

    /** A published event that has not begun, locked for this transaction. */
    private Posts.Row openEvent(PostId id) {
        Posts.Access access = posts.visible(id, true);
        Posts.Row post = access.row();
        if (!post.isEvent()) {
            throw new TafelException("news.error.notAnEvent");
        }
        if (!access.published()) {
            throw new TafelException("news.error.notPublished");
        }
        if (!post.eventStartsAt().isAfter(clock.instant())) {
            throw new TafelException("news.error.eventStarted");
        }
        return post;
    }

    private SignupResult result(Posts.Row post, long me) {
        return list(post.postId()).stream().filter(s -> s.personId().value() == me).findFirst()
                .map(s -> new SignupResult(s.status(), s.position()))
                .orElseThrow(() -> new IllegalStateException("sign-up just written is gone"));
    }

    private List<SignupView> list(PostId id) {
        record Raw(long id, long person, int guests, @Nullable String names, SignupStatus status,
                java.time.Instant at) {
        }
        List<Raw> raw = jdbc.query("select id, person_id, guests, guest_names, status, signed_up_at"
                + " from news_signup where post_id = ? order by status = 'WAITING', signed_up_at, id",
                (rs, n) -> new Raw(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        SignupStatus.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()), id.value());
        Map<PersonId, PersonName> names = people.names(raw.stream().map(r -> new PersonId(r.person()))
                .collect(Collectors.toSet()));
        List<SignupView> result = new ArrayList<>();
        int position = 0;
        for (Raw r : raw) {
            PersonName name = names.get(new PersonId(r.person()));
            if (r.status() == SignupStatus.WAITING) {
                position++;
            }
            result.add(new SignupView(r.id(), new PersonId(r.person()), name == null ? "?" : name.fullName(),
                    name == null ? "" : name.email(), r.guests(), r.names(), r.status(), r.at(),
                    r.status() == SignupStatus.WAITING ? position : 0));
        }
        return result;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            String cell = cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
