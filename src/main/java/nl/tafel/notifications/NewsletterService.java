package nl.tafel.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.AppRole;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.news.NewsFilter;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDetails;
import nl.tafel.news.PostId;
import nl.tafel.news.PostSummary;
import nl.tafel.security.SignedLinks;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.PublicAddress;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Newsletters: a manager of a space (for its members) or a secretary or administrator (for everyone) picks posts,
 * previews and sends. Only posts the audience may read can go in: for everyone the association-wide ones, for a space
 * those and the space's own. Every newsletter mail has a signed unsubscribe link; unsubscribing holds at once.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NewsletterService {

    public static final String UNSUBSCRIBE = "newsletter-unsubscribe";
    public static final String UNSUBSCRIBE_PATH = "afmelden";

    private final NewsService news;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final AccountDirectory accounts;
    private final MailService mail;
    private final SignedLinks links;
    private final TafelI18NProvider i18n;
    private final PublicAddress address;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NewsletterService(NewsService news, SpaceService spaces, PeopleDirectory people, AccountDirectory accounts,
            MailService mail, SignedLinks links, TafelI18NProvider i18n, PublicAddress address, JdbcTemplate jdbc,
            Clock clock) {
        this.news = news;
        this.spaces = spaces;
        this.people = people;
        this.accounts = accounts;
        this.mail = mail;
        this.links = links;
        this.i18n = i18n;
        this.address = address;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the person may send to everyone (secretaries and administrators). */
    public boolean maySendToEveryone() {
        return CurrentUser.hasAnyRole(AppRole.ADMINISTRATOR.name(), AppRole.SECRETARY.name());
    }

    /** The spaces the person manages, whose members they may send a newsletter. */
    @Transactional(readOnly = true)
    public List<SpaceSummary> spacesToSendTo() {
        return spaces.mySpaces().stream().filter(s -> !s.archived() && s.myRole().includes(SpaceRole.MANAGER))
                .toList();
    }

    /** The published posts that may go into a newsletter for that audience, newest first. */
    @Transactional(readOnly = true)
    public List<PostSummary> candidates(@Nullable SpaceId space) {
        requireSender(space);
        NewsFilter filter = space == null ? NewsFilter.association() : NewsFilter.space(space);
        List<PostSummary> posts = new ArrayList<>(news.timeline(filter, 0, 50));
        if (space != null) {
            news.timeline(NewsFilter.association(), 0, 50).forEach(p -> {
                if (posts.stream().noneMatch(q -> q.id().equals(p.id()))) {
                    posts.add(p);
                }
            });
        }
        return posts.stream().filter(p -> !p.scheduled() && fits(p.space(), space))
                .sorted(java.util.Comparator.comparing(PostSummary::publishAt).reversed()).toList();
    }

    @Transactional(readOnly = true)
    public NewsletterPreview preview(NewsletterDraft draft) {
        Checked c = check(draft);
        Account me = accounts.findById(CurrentUser.requirePersonId()).orElseThrow();
        OutgoingMail m = compose(c, me, "token=…");
        return new NewsletterPreview(m.subject(), m.text(), recipients(draft.space()).size());
    }

    /** Sends the newsletter to the audience (minus those who unsubscribed); returns to how many. Never twice. */
    @Transactional
    public int send(NewsletterDraft draft) {
        Checked c = check(draft);
        Integer sent = jdbc.query("select recipients from newsletter where id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, draft.id());
        if (sent != null) {
            return sent;
        }
        List<Account> to = recipients(draft.space());
        for (Account a : to) {
            OutgoingMail m = compose(c, a, "token=" + links.issue(UNSUBSCRIBE, a.id().value()));
            mail.queue(new OutgoingMail(m.to(), m.subject(), m.text(), m.html(), "newsletter", null,
                    "newsletter:" + draft.id() + ":" + a.id().value()));
        }
        jdbc.update("insert into newsletter (id, subject, space_id, posts, sent_by, sent_at, recipients)"
                + " values (?, ?, ?, ?, ?, ?, ?)", draft.id(), c.subject(),
                draft.space() == null ? null : draft.space().value(),
                draft.posts().stream().map(p -> p.value().toString()).collect(Collectors.joining(",")),
                CurrentUser.requirePersonId().value(), Timestamp.from(clock.instant()), to.size());
        return to.size();
    }

    private record Checked(String subject, String intro, List<PostDetails> posts) {
    }

    private Checked check(NewsletterDraft draft) {
        requireSender(draft.space());
        String subject = Texts.required("subject", draft.subject(), 200);
        String plain = Texts.plainText("intro", draft.intro(), 5000);
        String intro = plain == null ? "" : plain;
        if (draft.posts().isEmpty()) {
            throw new FieldException("posts", "notifications.newsletter.error.noPosts");
        }
        List<PostDetails> posts = new ArrayList<>();
        for (PostId id : draft.posts()) {
            PostDetails p = news.get(id);
            if (p.scheduled() || !fits(p.space(), draft.space())) {
                throw new FieldException("posts", "notifications.newsletter.error.notForAudience");
            }
            posts.add(p);
        }
        return new Checked(subject, intro, posts);
    }

    private static boolean fits(@Nullable SpaceId postSpace, @Nullable SpaceId audience) {
        return postSpace == null || postSpace.equals(audience);
    }

    private void requireSender(@Nullable SpaceId space) {
        if (space == null ? !maySendToEveryone()
                : spacesToSendTo().stream().noneMatch(s -> s.id().equals(space))) {
            throw new AccessDeniedException("May not send a newsletter to " + space);
        }
    }

    private List<Account> recipients(@Nullable SpaceId space) {
        List<PersonId> ids = space == null
                ? people.activePeople().stream().filter(PersonName::active).map(PersonName::id).toList()
                : spaces.members(space).stream().map(SpaceMember::personId).toList();
        Set<Long> out = Set.copyOf(jdbc.queryForList("select person_id from newsletter_optout", Long.class));
        return ids.stream().filter(id -> !out.contains(id.value())).map(accounts::findById)
                .flatMap(java.util.Optional::stream).filter(Account::canSignIn).toList();
    }

    private OutgoingMail compose(Checked c, Account to, String tokenParam) {
        Locale locale = to.locale();
        String greeting = i18n.translate(locale, "mail.greeting", to.displayName());
        String unsubscribeUrl = address.of(UNSUBSCRIBE_PATH) + "?" + tokenParam;
        String unsubscribe = i18n.translate(locale, "notifications.newsletter.unsubscribe");
        String footer = i18n.translate(locale, "mail.footer");
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1f2933;"
                        + "line-height:1.5\"><p>").append(esc(greeting)).append("</p>");
        if (!c.intro().isEmpty()) {
            text.append(c.intro()).append("\n\n");
            html.append("<p>").append(esc(c.intro())).append("</p>");
        }
        for (PostDetails p : c.posts()) {
            String url = address.of("nieuws/" + p.id());
            String excerpt = NewsService.preview(p.text());
            text.append("## ").append(p.title()).append('\n').append(excerpt).append('\n').append(url)
                    .append("\n\n");
            html.append("<h2 style=\"font-size:18px\"><a href=\"").append(esc(url)).append("\">")
                    .append(esc(p.title())).append("</a></h2><p>").append(esc(excerpt)).append("</p>");
        }
        text.append("-- \n").append(footer).append('\n').append(unsubscribe).append(": ").append(unsubscribeUrl)
                .append('\n');
        html.append("<hr><p style=\"font-size:12px;color:#7b8794\">").append(esc(footer)).append("<br><a href=\"")
                .append(esc(unsubscribeUrl)).append("\">").append(esc(unsubscribe)).append("</a></p></body></html>");
        return new OutgoingMail(to.email(), c.subject(), text.toString(), html.toString(), "newsletter");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
