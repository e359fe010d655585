package nl.tafel.notifications.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.notifications.Delivery;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.PublicAddress;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails notifications through the durable outbox: one mail per notification for "at once", one digest per person and
 * period for "daily" and "weekly". A digest closes at 07:00 Amsterdam time (daily), or on Monday 07:00 (weekly), and
 * holds what became visible before. Each person is handled in their own transaction that locks their rows, marks them
 * mailed and queues the mail with a dedupe key: a notification is mailed once, a digest is never empty.
 */
@Component
public class NotificationMailer {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalTime DIGEST_TIME = LocalTime.of(7, 0);
    public static final String SETTINGS_PATH = "meldingen";

    private final NotificationStore store;
    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final PublicAddress address;
    private final TransactionTemplate tx;

    NotificationMailer(NotificationStore store, AccountDirectory accounts, MailService mail, MailComposer composer,
            TafelI18NProvider i18n, PublicAddress address, PlatformTransactionManager transactions) {
        this.store = store;
        this.accounts = accounts;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.address = address;
        this.tx = new TransactionTemplate(transactions);
        // always its own transaction: a listener's failure to mail (a lock conflict) must not undo what it stored
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The moment the current period of that digest closed: the latest 07:00 (daily) or Monday 07:00 (weekly). */
    public static Instant cutoff(Delivery delivery, Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        ZonedDateTime at = local.toLocalDate().atTime(DIGEST_TIME).atZone(ZONE);
        if (delivery == Delivery.WEEKLY) {
            at = at.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        if (at.isAfter(local)) {
            at = delivery == Delivery.WEEKLY ? at.minusWeeks(1) : at.minusDays(1);
        }
        return at.toInstant();
    }

    /** Mails what is due at {@code now}; returns the number of mails queued. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (long person : store.peopleWithUnmailed(Delivery.IMMEDIATE, now.plusNanos(1000))) {
            sent += send(person, Delivery.IMMEDIATE, now.plusNanos(1000), now);
        }
        for (Delivery digest : List.of(Delivery.DAILY, Delivery.WEEKLY)) {
            Instant cutoff = cutoff(digest, now);
            for (long person : store.peopleWithUnmailed(digest, cutoff)) {
                sent += send(person, digest, cutoff, now);
            }
        }
        return sent;
    }

    /** Mails the person's due notifications of that delivery in one transaction. */
    public int send(long person, Delivery delivery, Instant before, Instant now) {
        Integer sent = tx.execute(status -> {
            Optional<Account> account = accounts.findById(new PersonId(person)).filter(Account::canSignIn);
            List<NotificationStore.Due> due = store.lockUnmailed(person, delivery, before);
            if (due.isEmpty()) {
                return 0;
            }
            if (account.isEmpty()) {
                // nobody to mail: they are in the bell only, and never mailed later
                store.mailed(due.stream().map(NotificationStore.Due::id).toList(), 0, now);
                return 0;
            }
            Account to = account.get();
            if (delivery == Delivery.IMMEDIATE) {
                for (NotificationStore.Due d : due) {
                    long id = mail.queue(immediate(to, d));
                    store.mailed(List.of(d.id()), id, now);
                }
                return due.size();
            }
            String key = "notifications-digest:" + delivery.name() + ":" + person + ":"
                    + before.atZone(ZONE).toLocalDate() + ":" + due.getLast().id();
            long id = mail.queue(digest(to, delivery, due, key));
            store.mailed(due.stream().map(NotificationStore.Due::id).toList(), id, now);
            return 1;
        });
        return sent == null ? 0 : sent;
    }

    private String line(Locale locale, NotificationStore.Due d) {
        return i18n.translate(locale, d.kind().itemKey(), d.subject());
    }

    OutgoingMail immediate(Account to, NotificationStore.Due d) {
        Locale locale = to.locale();
        String text = line(locale, d);
        OutgoingMail m = composer.compose("notification", to.email(), locale, text, to.displayName(),
                List.of(text, i18n.translate(locale, "notifications.mail.settings", address.of(SETTINGS_PATH))),
                i18n.translate(locale, "notifications.mail.open"), address.of(d.link()));
        return new OutgoingMail(m.to(), m.subject(), m.text(), m.html(), m.kind(), null, "notification:" + d.id());
    }

    OutgoingMail digest(Account to, Delivery delivery, List<NotificationStore.Due> due, String key) {
        Locale locale = to.locale();
        String which = delivery.name().toLowerCase(Locale.ROOT);
        String subject = i18n.translate(locale, "notifications.digest.subject." + which, due.size());
        String greeting = i18n.translate(locale, "mail.greeting", to.displayName());
        String intro = i18n.translate(locale, "notifications.digest.intro." + which);
        String settings = i18n.translate(locale, "notifications.mail.settings", address.of(SETTINGS_PATH));
        String footer = i18n.translate(locale, "mail.footer");
        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1f2933;"
                        + "line-height:1.5\"><p>").append(esc(greeting)).append("</p><p>").append(esc(intro))
                .append("</p><ul>");
        for (NotificationStore.Due d : due) {
            String line = line(locale, d);
            String url = address.of(d.link());
            text.append("- ").append(line).append("\n  ").append(url).append('\n');
            html.append("<li><a href=\"").append(esc(url)).append("\">").append(esc(line)).append("</a></li>");
        }
        text.append('\n').append(settings).append("\n\n-- \n").append(footer).append('\n');
        html.append("</ul><p style=\"font-size:13px;color:#52606d\">").append(esc(settings))
                .append("</p><hr><p style=\"font-size:12px;color:#7b8794\">").append(esc(footer))
                .append("</p></body></html>");
        return new OutgoingMail(to.email(), subject, text.toString(), html.toString(), "notification-digest", null,
                key);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
