package nl.tafel.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.sql.Timestamp;
import java.time.Instant;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.TestBoard;
import nl.tafel.members.AccountDirectory;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDraft;
import nl.tafel.news.PostSummary;
import nl.tafel.notifications.NewsletterService;
import nl.tafel.security.SignedLinks;
import nl.tafel.spaces.SpaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Composing, previewing and sending a newsletter; the unsubscribe page of its link. */
@TafelTest
class NewsletterViewTest extends SpringBrowserlessTest {

    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    NewsService news;
    @Autowired
    SignedLinks links;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    @SuppressWarnings("unchecked")
    void aSecretaryComposesPreviewsAndSendsToASpace() {
        String run = TestBoard.unique("Brief");
        String spaceName = "Werkgroep " + run;
        SpaceId space = board.space(spaceName);
        String title = "Marktdag " + run;
        as.call(TestAccounts.SECRETARY, () -> news.create(new PostDraft(space, title, "Zaterdag markt.", null,
                false, null)));

        navigate(NotificationsView.class);
        test(find(Button.class).id("notifications-newsletter")).click();
        Select<NewsletterView.Audience> audience = find(Select.class).id("newsletter-audience");
        assertThat(audience.getItemLabelGenerator().apply(audience.getValue())).isEqualTo("Iedereen");
        audience.setValue(audience.getListDataView().getItems()
                .filter(a -> a.space().isPresent() && a.space().get().name().equals(spaceName)).findFirst()
                .orElseThrow());
        test(find(TextField.class).id("newsletter-subject")).setValue("Nieuwsbrief " + run);
        CheckboxGroup<PostSummary> posts = find(CheckboxGroup.class).id("newsletter-posts");
        posts.select(posts.getListDataView().getItems().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow());
        test(find(Button.class).id("newsletter-preview")).click();
        assertThat(find(H2.class).withText("Nieuwsbrief " + run).exists()).isTrue();
        assertThat(find(Pre.class).id("newsletter-preview-text").getText()).contains(title, "Zaterdag markt.",
                "Afmelden voor de nieuwsbrief");
        test(find(Button.class).id("newsletter-send")).click();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("De nieuwsbrief is verstuurd aan 3 personen.");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ?", Integer.class,
                "Nieuwsbrief " + run)).isEqualTo(3);
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSigningInAndATamperedOneChangesNothing() {
        String email = "uit-" + TestBoard.unique("x").substring(2) + "@test.example";
        jdbc.update("""
                insert ignore into person (email, full_name, app_role, status, locale, password_hash, created_at,
                    activated_at, version) values (?, 'Uma Uit', 'MEMBER', 'ACTIVE', 'nl', null, ?, ?, 0)""",
                email, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        long person = accounts.findByEmail(email).orElseThrow().id().value();
        String token = links.issue(NewsletterService.UNSUBSCRIBE, person);

        UI.getCurrent().navigate("afmelden", QueryParameters.of("token", token + "x"));
        test(find(Button.class).id("unsubscribe-confirm")).click();
        assertThat(find(Paragraph.class).id("link-message").getText())
                .isEqualTo("Deze link is ongeldig. Er is niets veranderd.");
        assertThat(optedOut(person)).isFalse();

        UI.getCurrent().navigate("afmelden", QueryParameters.of("token", token));
        assertThat(optedOut(person)).as("opening the link alone does nothing").isFalse();
        test(find(Button.class).id("unsubscribe-confirm")).click();
        assertThat(find(Paragraph.class).id("link-message").getText())
                .isEqualTo("Je bent afgemeld. Je krijgt geen nieuwsbrieven meer.");
        assertThat(optedOut(person)).isTrue();
    }

    private boolean optedOut(long person) {
        return jdbc.queryForObject("select count(*) from newsletter_optout where person_id = ?", Integer.class,
                person) > 0;
    }
}
