package nl.tafel.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.mail.MailStatus;
import nl.tafel.mail.SentMail;
import nl.tafel.members.AppRole;
import nl.tafel.members.PersonDraft;
import nl.tafel.members.PersonService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded trial without SMTP: mail is kept, not lost, and administrators see under "Verzonden e-mail" that an
 * activation link was sent, and when, but not the link itself.
 */
@TafelTest
@TestPropertySource(properties = "tafel.test.smtp=false")
class SentMailViewTest extends SpringBrowserlessTest {

    @Autowired
    PersonService people;

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void withoutAMailServerTheActivationMailIsKeptAndItsLinkCanBeFollowed() throws Exception {
        String email = "bewaard-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        people.create(new PersonDraft("Bewaard Bericht", email, null, null, null, AppRole.MEMBER,
                java.util.Locale.of("nl")));

        navigate(SentMailView.class);
        @SuppressWarnings("unchecked")
        Grid<SentMail> grid = find(Grid.class).id("mail-grid");
        SentMail kept = null;
        long until = System.currentTimeMillis() + 15_000;
        while (kept == null && System.currentTimeMillis() < until) {
            grid.getDataProvider().refreshAll();
            for (int i = 0; i < Math.min(test(grid).size(), 20); i++) {
                if (test(grid).getRow(i).recipient().equals(email)) {
                    kept = test(grid).getRow(i);
                    test(grid).select(i);
                }
            }
            Thread.sleep(200);
        }
        assertThat(kept).as("the activation mail in the log").isNotNull();
        assertThat(kept.status()).isEqualTo(MailStatus.KEPT);
        assertThat(kept.subject()).isEqualTo("Je account voor Tafel");

        // that a link was sent, and when; not the link itself (issue 18)
        assertThat(kept.text()).contains("/login/ott?token=…");
        assertThat(kept.text()).doesNotContainPattern("token=[0-9a-f-]{8}");
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void membersCannotReadTheMailLog() {
        com.vaadin.flow.component.UI.getCurrent().navigate("beheer/e-mail");
        assertThat(getCurrentView()).isNotInstanceOf(SentMailView.class);
    }
}
