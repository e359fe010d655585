package nl.tafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mail log shows administrators that a personal link was sent, and when, but never the link's secret: not in mail
 * that went out, and not in mail that was kept for want of a mail server either (issue 18: an administrator could sign
 * in as someone else with a kept activation link).
 */
class MailLogSecretsTest {

    private static SentMail mail(MailStatus status, String text) {
        return new SentMail(1, "<m@x>", "lid@test.example", "Je account voor Tafel", text, "activation", status, 0,
                null, Instant.parse("2026-12-04T10:00:00Z"), null);
    }

    @ParameterizedTest
    @EnumSource(MailStatus.class)
    void signInLinksAreMaskedWhateverTheMailsStatus(MailStatus status) {
        SentMail shown = MailService.withoutSecrets(mail(status,
                "Account activeren: http://localhost:8080/login/ott?token=0f8fad5b-d9cb-469f-a165-70867728950e\n"));
        assertThat(shown.text()).doesNotContain("0f8fad5b").contains("/login/ott?token=…");
        assertThat(shown.createdAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void answerLinksStatusLinksAndCalendarFeedsAreMaskedToo() {
        SentMail shown = MailService.withoutSecrets(mail(MailStatus.KEPT, """
                Ja: http://localhost:8080/antwoord?t=AbC123_-xyz.999.sig&a=ja
                Status: http://localhost:8080/actie-status?t=QkFE.1.c2ln
                Agenda: http://localhost:8080/agenda-feed/s3cr3tT0ken.ics
                Vergadering: http://localhost:8080/vergaderingen/42
                """));
        assertThat(shown.text()).doesNotContain("AbC123").doesNotContain("QkFE").doesNotContain("s3cr3tT0ken")
                .contains("/antwoord?t=…&a=ja").contains("/actie-status?t=…").contains("/agenda-feed/….ics")
                .contains("/vergaderingen/42");
    }
}
