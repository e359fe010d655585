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

/**
 * Tells the administrators (and, when the space's own folder is in question, the space's managers), by mail in
 * their own language, that a space's sync stopped and why.
 */
@Component
class SyncAlerts {

    private static final Logger log = LoggerFactory.getLogger(SyncAlerts.class);

    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final String baseUrl;

    private final nl.tafel.spaces.SpaceService spaces;

    SyncAlerts(AccountDirectory accounts, MailService mail, MailComposer composer, TafelI18NProvider i18n,
            nl.tafel.shared.PublicAddress address, nl.tafel.spaces.SpaceService spaces) {
        this.spaces = spaces;
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

    /**
     * The sync stopped for a reason other than the guard (the linked folder is gone or unreachable, or two links
     * overlap): the administrators and the space's managers hear it, each once per stop.
     *
     * @param reasonKey the paragraph's translation key; its arguments are the site, the library, the folder path and
     *        then {@code args}
     */
    void stoppedBecause(Link link, String reasonKey, Object... args) {
        log.warn("SharePoint sync of space {} stopped: {}", link.space(), reasonKey);
        java.util.Map<nl.tafel.shared.PersonId, Account> to = new java.util.LinkedHashMap<>();
        accounts.administrators().forEach(a -> to.put(a.id(), a));
        try {
            nl.tafel.shared.CurrentUser.callAsSharePoint(() -> spaces.members(link.space())).stream()
                    .filter(m -> m.role() == nl.tafel.spaces.SpaceRole.MANAGER)
                    .forEach(m -> accounts.findById(m.personId()).filter(Account::canSignIn)
                            .ifPresent(a -> to.putIfAbsent(a.id(), a)));
        } catch (RuntimeException e) {
            log.warn("The managers of space {} could not be found for the alert", link.space(), e);
        }
        Object[] all = new Object[3 + args.length];
        all[0] = link.site();
        all[1] = link.library();
        all[2] = link.folderPath();
        System.arraycopy(args, 0, all, 3, args.length);
        for (Account person : to.values()) {
            var locale = person.locale();
            OutgoingMail composed = composer.compose("sharepoint-stopped", person.email(), locale,
                    i18n.translate(locale, "sharepoint.alert.subject", link.folderPath()), person.displayName(),
                    List.of(i18n.translate(locale, reasonKey, all),
                            i18n.translate(locale, "sharepoint.alert.nothingDeleted")),
                    i18n.translate(locale, "sharepoint.alert.button"), baseUrl + "/beheer/sharepoint");
            mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                    composed.kind(), null, "sharepoint-stopped:" + link.id() + ":" + person.id().value() + ":"
                            + reasonKey + ":" + link.nextRunAt().toEpochMilli()));
        }
    }
}
