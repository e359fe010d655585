package nl.tafel.sharepoint.internal;

import java.util.List;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.sharepoint.internal.SyncState.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells the administrators, by mail in their own language, that a space's sync stopped and why. */
@Component
class SyncAlerts {

    private static final Logger log = LoggerFactory.getLogger(SyncAlerts.class);

    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final String baseUrl;

    SyncAlerts(AccountDirectory accounts, MailService mail, MailComposer composer, TafelI18NProvider i18n,
            nl.tafel.shared.PublicAddress address) {
        this.accounts = accounts;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.baseUrl = address.base();
    }

    void stopped(Link link, int deletes, int limit) {
        log.warn("SharePoint sync of space {} stopped: {} remote deletes in one round (limit {})", link.space(),
                deletes, limit);
        List<Account> admins = accounts.administrators();
        for (Account admin : admins) {
            var locale = admin.locale();
            OutgoingMail composed = composer.compose("sharepoint-stopped", admin.email(), locale,
                    i18n.translate(locale, "sharepoint.alert.subject", link.folderPath()), admin.displayName(),
                    List.of(i18n.translate(locale, "sharepoint.alert.guard", deletes, link.site(), link.library(),
                            link.folderPath(), limit),
                            i18n.translate(locale, "sharepoint.alert.nothingDeleted")),
                    i18n.translate(locale, "sharepoint.alert.button"), baseUrl + "/beheer/sharepoint");
            mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                    composed.kind(), null, "sharepoint-stopped:" + link.id() + ":" + admin.id().value() + ":"
                            + deletes + ":" + link.nextRunAt().toEpochMilli()));
        }
    }
}
