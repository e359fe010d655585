package nl.tafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.TestMailbox;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.members.AppRole;
import nl.tafel.members.PersonDetails;
import nl.tafel.members.PersonDraft;
import nl.tafel.members.PersonService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Activation and "forgot password" links arrive by real SMTP, work once, and expire. */
@TafelTest
class SignInLinksTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(nl.tafel.TestDatabaseEnvironment.SMTP_PORT, "127.0.0.1", "smtp"));

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/login/ott\\?token=([0-9a-f-]{36})");

    @Autowired
    PersonService people;
    @Autowired
    SignInLinks links;
    @Autowired
    OneTimeTokenService tokens;
    @Autowired
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void aNewPersonGetsAnActivationMailInTheirLanguageWithALinkThatWorksOnce() throws Exception {
        String email = "activeren-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        PersonDetails person = people.create(new PersonDraft("Eva Engels", email, null, null, null, AppRole.MEMBER,
                Locale.ENGLISH));

        MimeMessage mail = TestMailbox.awaitMailTo(smtp, email);
        assertThat(mail.getSubject()).isEqualTo("Your Tafel account");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Dear Eva Engels").contains("valid for 7 days");
        assertThat(mail.getMessageID()).endsWith("@localhost>");
        String token = tokenIn(body);

        assertThat(tokens.consume(new OneTimeTokenAuthenticationToken(token))).isNotNull()
                .satisfies(t -> assertThat(t.getUsername()).isEqualTo(person.email()));
        assertThat(tokens.consume(new OneTimeTokenAuthenticationToken(token))).as("reused link").isNull();
    }

    @Test
    void aResetLinkGoesOnlyToAKnownAccountAndExpiresAfterAnHour() throws Exception {
        links.revokeLinks(TestAccounts.SECRETARY);
        links.requestPasswordReset("niemand-" + UUID.randomUUID() + "@voorbeeld.nl");
        links.requestPasswordReset(TestAccounts.SECRETARY.toUpperCase(Locale.ROOT));

        MimeMessage mail = TestMailbox.awaitMailTo(smtp, TestAccounts.SECRETARY);
        assertThat(mail.getSubject()).isEqualTo("Inloggen bij Tafel");
        assertThat(TestMailbox.mailsTo(smtp, TestAccounts.SECRETARY)).hasSize(1);
        String token = tokenIn(GreenMailUtil.getBody(mail));

        clock.advance(Duration.ofMinutes(61));
        assertThat(tokens.consume(new OneTimeTokenAuthenticationToken(token))).as("expired link").isNull();
    }

    @Test
    void aFloodOfResetRequestsSendsOnlyAFewMails() throws Exception {
        links.revokeLinks(TestAccounts.MEMBER);
        for (int i = 0; i < 10; i++) {
            links.requestPasswordReset(TestAccounts.MEMBER);
        }
        TestMailbox.awaitMailTo(smtp, TestAccounts.MEMBER);
        Thread.sleep(2500);
        assertThat(TestMailbox.mailsTo(smtp, TestAccounts.MEMBER)).hasSize(SignInLinks.MAX_OPEN_RESET_LINKS);
        links.revokeLinks(TestAccounts.MEMBER);
    }

    private static String tokenIn(String body) {
        Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("a sign-in link in the mail").isTrue();
        return m.group(1);
    }
}
