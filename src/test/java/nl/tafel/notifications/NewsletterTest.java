package nl.tafel.notifications;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.members.AccountDirectory;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDraft;
import nl.tafel.news.PostId;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.PublicAddress;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Newsletters: who may send what to whom, once; the unsubscribe link holds at once and cannot be forged. */
@TafelTest
class NewsletterTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("/afmelden\\?token=(\\S+)");

    @Autowired
    NewsletterService newsletters;
    @Autowired
    Unsubscriptions unsubscriptions;
    @Autowired
    NewsService news;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PublicAddress address;

    String run = TestBoard.unique("Brief");
    SpaceId space;
    String leaver;

    @BeforeEach
    void setUp() {
        space = board.space("Werkgroep " + run);
        leaver = "weg-" + run.substring(run.length() - 8) + "@test.example";
        jdbc.update("""
                insert ignore into person (email, full_name, app_role, status, locale, password_hash, created_at,
                    activated_at, version) values (?, 'Wim Weg', 'MEMBER', 'ACTIVE', 'nl', null, ?, ?, 0)""",
                leaver, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        as.run(SECRETARY, () -> spaces.setMember(space, id(leaver), SpaceRole.READER));
    }

    @Test
    void aManagerSendsPostsToTheSpaceOnceAndUnsubscribingHoldsAtOnce() {
        String title = "Fietsenstalling " + run;
        PostId post = post(space, title);
        NewsletterDraft draft = new NewsletterDraft(UUID.randomUUID(), space, "Nieuwsbrief " + run,
                "Het nieuws van de werkgroep.", List.of(post));
        NewsletterPreview preview = as.call(SECRETARY, () -> newsletters.preview(draft));
        assertThat(preview.recipients()).isEqualTo(4); // secretary, member, reader, leaver
        assertThat(preview.text()).contains("Het nieuws van de werkgroep.", title, address.of("nieuws/" + post.value()));
        assertThat(mails(draft.id())).as("a preview sends nothing").isZero();

        assertThat(as.call(SECRETARY, () -> newsletters.send(draft))).isEqualTo(4);
        assertThat(as.call(SECRETARY, () -> newsletters.send(draft))).as("sent again: the same one").isEqualTo(4);
        assertThat(mails(draft.id())).as("never twice").isEqualTo(4);
        assertThat(recipients(draft.id())).containsExactlyInAnyOrder(SECRETARY, MEMBER, READER, leaver)
                .doesNotContain(OUTSIDER);

        String text = jdbc.queryForObject("select text_body from mail_outbox where dedupe_key = ?", String.class,
                "newsletter:" + draft.id() + ":" + id(leaver).value());
        String html = jdbc.queryForObject("select html_body from mail_outbox where dedupe_key = ?", String.class,
                "newsletter:" + draft.id() + ":" + id(leaver).value());
        assertThat(html).contains("afmelden?token=");
        Matcher m = UNSUBSCRIBE.matcher(text);
        assertThat(m.find()).as("every newsletter has an unsubscribe link").isTrue();
        String token = m.group(1);

        // a tampered link changes nothing: a changed signature, or another person's id under the same signature
        String changed = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(unsubscriptions.unsubscribe(changed)).isFalse();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.US_ASCII);
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (id(MEMBER).value() + payload.substring(payload.indexOf('.'))).getBytes(StandardCharsets.US_ASCII))
                + token.substring(token.indexOf('.'));
        assertThat(unsubscriptions.unsubscribe(other)).isFalse();
        assertThat(unsubscriptions.unsubscribe(null)).isFalse();
        assertThat(optedOut(id(leaver))).isFalse();
        assertThat(optedOut(id(MEMBER))).isFalse();

        assertThat(unsubscriptions.unsubscribe(token)).isTrue();
        assertThat(optedOut(id(leaver))).isTrue();
        NewsletterDraft next = new NewsletterDraft(UUID.randomUUID(), space, "Nieuwsbrief 2 " + run, "",
                List.of(post));
        assertThat(as.call(SECRETARY, () -> newsletters.send(next))).isEqualTo(3);
        assertThat(recipients(next.id())).containsExactlyInAnyOrder(SECRETARY, MEMBER, READER);
    }

    @Test
    void onlyManagersSendAndOnlyPostsTheAudienceMayRead() {
        PostId spacePost = post(space, "Alleen de werkgroep " + run);
        assertThatThrownBy(() -> as.run(MEMBER, () -> newsletters.send(new NewsletterDraft(UUID.randomUUID(), space,
                "Van een lid", "", List.of(spacePost))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> newsletters.send(new NewsletterDraft(UUID.randomUUID(), null,
                "Aan iedereen", "", List.of(spacePost))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(SECRETARY, () -> newsletters.send(new NewsletterDraft(UUID.randomUUID(),
                null, "Lek", "", List.of(spacePost))))).as("a space's post never goes to everyone")
                .isInstanceOf(FieldException.class).hasMessageContaining("notifications.newsletter.error.notForAudience");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> newsletters.send(new NewsletterDraft(UUID.randomUUID(),
                space, "Leeg", "", List.of())))).isInstanceOf(FieldException.class)
                .hasMessageContaining("notifications.newsletter.error.noPosts");
        assertThat(as.call(SECRETARY, () -> newsletters.candidates(null))).extracting(p -> p.id())
                .doesNotContain(spacePost);
        assertThat(as.call(SECRETARY, () -> newsletters.candidates(space))).extracting(p -> p.id())
                .contains(spacePost);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject in ('Van een lid',"
                + " 'Aan iedereen', 'Lek', 'Leeg')", Integer.class)).isZero();
    }

    private PostId post(SpaceId in, String title) {
        return as.call(SECRETARY, () -> news.create(new PostDraft(in, title, "Tekst over " + title, null, false,
                null)));
    }

    private PersonId id(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private int mails(UUID newsletter) {
        return jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key like ?", Integer.class,
                "newsletter:" + newsletter + ":%");
    }

    private List<String> recipients(UUID newsletter) {
        return jdbc.queryForList("select recipient from mail_outbox where dedupe_key like ?", String.class,
                "newsletter:" + newsletter + ":%");
    }

    private boolean optedOut(PersonId person) {
        return jdbc.queryForObject("select count(*) from newsletter_optout where person_id = ?", Integer.class,
                person.value()) > 0;
    }
}
