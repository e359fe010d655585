package nl.tafel.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mailed one-time sign-in links (Spring Security's one-time-token login): the activation link for a new person
 * and the "forgot password" link. Either signs the person in once, after which they choose a password.
 */
@Service
public class SignInLinks {

    static final Duration ACTIVATION_VALIDITY = Duration.ofDays(7);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final int MAX_OPEN_RESET_LINKS = 3;
    private static final LinkTexts ACTIVATION_TEXTS = new LinkTexts("mail.activation.subject",
            "mail.activation.intro", "mail.activation.validity", "mail.activation.action");
    private static final LinkTexts RESET_TEXTS = new LinkTexts("mail.reset.subject", "mail.reset.intro",
            "mail.reset.validity", "mail.reset.action");

    private final AccountDirectory accounts;
    private final OneTimeTokenService tokens;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String baseUrl;

    SignInLinks(AccountDirectory accounts, OneTimeTokenService tokens, MailService mail, MailComposer composer,
            TafelI18NProvider i18n, JdbcTemplate jdbc, Clock clock, nl.tafel.shared.PublicAddress address) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = address.base();
    }

    /**
     * "Forgot password": mails a link if the address belongs to an account that may sign in. The caller learns
     * nothing either way, and at most a few unused links are open per account.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        accounts.findByEmail(email).filter(Account::canSignIn).ifPresent(account -> {
            if (openLinks(account.email()) >= MAX_OPEN_RESET_LINKS) {
                return;
            }
            mailLink(account, RESET_VALIDITY, "password-reset", RESET_TEXTS);
        });
    }

    /** The activation link for a person who was just added (or whose link is sent again). */
    @Transactional
    public void sendActivation(String email) {
        accounts.findByEmail(email).filter(Account::canSignIn)
                .ifPresent(account -> mailLink(account, ACTIVATION_VALIDITY, "activation", ACTIVATION_TEXTS));
    }

    /** A person who may no longer sign in (or just chose a password) loses their open links. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void revokeLinks(String email) {
        jdbc.update("delete from one_time_tokens where username = ?", email);
    }

    /** Drops one token that was generated but will not be mailed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void discard(String tokenValue) {
        jdbc.update("delete from one_time_tokens where token_value = ?", tokenValue);
    }

    public String linkFor(String tokenValue) {
        return baseUrl + "/login/ott?token=" + tokenValue;
    }

    private int openLinks(String email) {
        Integer n = jdbc.queryForObject(
                "select count(*) from one_time_tokens where username = ? and expires_at > ?", Integer.class, email,
                Timestamp.from(clock.instant()));
        return n == null ? 0 : n;
    }

    /** A new one-time token for the account, mailed in the account's language. */
    private void mailLink(Account account, Duration validity, String kind, LinkTexts texts) {
        OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest(account.email(), validity));
        Locale locale = account.locale();
        mail.queue(composer.compose(kind, account.email(), locale, i18n.translate(locale, texts.subject()),
                account.displayName(),
                List.of(i18n.translate(locale, texts.intro()), i18n.translate(locale, texts.validity())),
                i18n.translate(locale, texts.action()), linkFor(token.getTokenValue())));
    }

    /** Translation keys of one kind of link mail. */
    private record LinkTexts(String subject, String intro, String validity, String action) {
    }
}
