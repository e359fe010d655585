package nl.tafel.invitations.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.tafel.invitations.Answer;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The text and HTML of invitation, update, cancellation and reminder mails, in the invitee's language. Every piece
 * of text typed by people (titles, places, names) is escaped in the HTML.
 */
@Component
public class InvitationMails {

    public enum Kind {
        INVITATION, UPDATE, CANCELLATION, REMINDER;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the mail says about the meeting. */
    public record Facts(String title, String spaceName, Instant startsAt, Instant endsAt, @Nullable String location,
            @Nullable String joinUrl, String pageUrl) {
    }

    private final TafelI18NProvider i18n;
    private final String baseUrl;

    InvitationMails(TafelI18NProvider i18n, nl.tafel.shared.PublicAddress address) {
        this.i18n = i18n;
        this.baseUrl = address.base();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String rsvpUrl(String token, Answer answer) {
        return baseUrl + "/antwoord?t=" + token + "&a=" + answer.linkWord();
    }

    public OutgoingMail compose(Kind kind, String to, String name, Locale locale, Facts facts, @Nullable String token,
            OutgoingMail.@Nullable CalendarPart calendar, String dedupeKey) {
        return compose(kind, to, name, locale, facts, token, calendar, dedupeKey, null);
    }

    /**
     * @param previousAnswer the translation key of the answer the invitee gave before the time changed: the update
     *     says it was given for the old time and asks again
     */
    public OutgoingMail compose(Kind kind, String to, String name, Locale locale, Facts facts, @Nullable String token,
            OutgoingMail.@Nullable CalendarPart calendar, String dedupeKey, @Nullable String previousAnswer) {
        String when = when(facts, locale);
        String subject = t(locale, "invitationMail." + kind.key() + ".subject", facts.title(), when);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t(locale, "invitationMail.when"), when});
        if (facts.location() != null) {
            rows.add(new String[] {t(locale, "invitationMail.where"), facts.location()});
        }
        if (facts.joinUrl() != null) {
            rows.add(new String[] {t(locale, "invitationMail.online"), facts.joinUrl()});
        }
        rows.add(new String[] {t(locale, "invitationMail.space"), facts.spaceName()});
        String intro = t(locale, "invitationMail." + kind.key() + ".intro", facts.title());
        String greeting = t(locale, "mail.greeting", name);
        String footer = t(locale, "invitationMail.footer");

        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(intro).append("\n\n");
        rows.forEach(r -> text.append(r[0]).append(": ").append(r[1]).append('\n'));
        text.append('\n').append(t(locale, "invitationMail.agenda")).append(": ").append(facts.pageUrl())
                .append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1f2933;"
                        + "line-height:1.5\"><p>").append(esc(greeting)).append("</p><p>").append(esc(intro))
                .append("</p><table style=\"border-collapse:collapse;margin:8px 0 16px\">");
        for (String[] r : rows) {
            html.append("<tr><td style=\"padding:2px 16px 2px 0;color:#52606d;vertical-align:top\">")
                    .append(esc(r[0])).append("</td><td style=\"padding:2px 0\">").append(esc(r[1]))
                    .append("</td></tr>");
        }
        html.append("</table><p><a href=\"").append(esc(facts.pageUrl())).append("\">")
                .append(esc(t(locale, "invitationMail.agenda"))).append("</a></p>");
        if (token != null && kind != Kind.CANCELLATION) {
            String question = previousAnswer == null ? t(locale, "invitationMail.question")
                    : t(locale, "invitationMail.askAgain", t(locale, previousAnswer));
            text.append(question).append('\n');
            html.append("<p style=\"margin-top:20px\"><strong>").append(esc(question)).append("</strong></p><p>");
            for (Answer a : List.of(Answer.ACCEPTED, Answer.TENTATIVE, Answer.DECLINED)) {
                String label = t(locale, "invitationMail.answer." + a.linkWord());
                String url = rsvpUrl(token, a);
                text.append("- ").append(label).append(": ").append(url).append('\n');
                html.append("<a href=\"").append(esc(url)).append("\" style=\"display:inline-block;margin:0 8px 8px 0;"
                        + "padding:10px 18px;border-radius:6px;text-decoration:none;color:#ffffff;background:")
                        .append(a == Answer.ACCEPTED ? "#15803d" : a == Answer.TENTATIVE ? "#b45309" : "#b91c1c")
                        .append("\">").append(esc(label)).append("</a>");
            }
            html.append("</p>");
            text.append('\n').append(t(locale, "invitationMail.calendarHint")).append("\n\n");
            html.append("<p style=\"font-size:13px;color:#52606d\">").append(esc(t(locale,
                    "invitationMail.calendarHint"))).append("</p>");
        }
        text.append("-- \n").append(footer).append('\n');
        html.append("<hr><p style=\"font-size:12px;color:#7b8794\">").append(esc(footer)).append("</p></body></html>");
        return new OutgoingMail(to, subject, text.toString(), html.toString(), "invitation-" + kind.key(), calendar,
                dedupeKey);
    }

    public String when(Facts facts, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        var start = facts.startsAt().atZone(IcsWriter.ZONE);
        var end = facts.endsAt().atZone(IcsWriter.ZONE);
        return day.format(start) + ", " + time.format(start) + "–" + time.format(end);
    }

    private String t(Locale locale, String key, Object... args) {
        return i18n.translate(locale, key, args);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
