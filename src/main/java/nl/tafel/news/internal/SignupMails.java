package nl.tafel.news.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Tells someone from the waiting list that a seat came free and they are now signed up. The mail goes into the
 * outbox in the transaction that promoted them (sent only after it commits), once per sign-up (dedupe key).
 */
@Component
public class SignupMails {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final String baseUrl;

    SignupMails(AccountDirectory accounts, MailService mail, MailComposer composer, TafelI18NProvider i18n,
            nl.tafel.shared.PublicAddress address) {
        this.accounts = accounts;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.baseUrl = address.base();
    }

    public void promoted(long signupId, PersonId person, String postId, String title, Instant startsAt,
            int guests) {
        Account account = accounts.findById(person).filter(Account::canSignIn).orElse(null);
        if (account == null) {
            return;
        }
        Locale locale = account.locale();
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale).format(startsAt.atZone(ZONE));
        List<String> paragraphs = List.of(i18n.translate(locale, "news.mail.promoted.intro", title, when),
                i18n.translate(locale, guests == 0 ? "news.mail.promoted.alone" : "news.mail.promoted.guests",
                        guests),
                i18n.translate(locale, "news.mail.promoted.cancel"));
        OutgoingMail composed = composer.compose("news-waitlist", account.email(), locale,
                i18n.translate(locale, "news.mail.promoted.subject", title), account.displayName(), paragraphs,
                i18n.translate(locale, "news.mail.promoted.button"), baseUrl + "/nieuws/" + postId);
        mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                composed.kind(), null, "news-promoted:" + signupId));
    }
}
