package nl.tafel.mail;

import java.util.List;
import java.util.Locale;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds Tafel's plain mails: a greeting, paragraphs, one action link and a footer, as text and as HTML. Every
 * piece of text is escaped, so names and subjects typed by people cannot inject markup.
 */
@Component
public class MailComposer {

    private final TafelI18NProvider i18n;

    MailComposer(TafelI18NProvider i18n) {
        this.i18n = i18n;
    }

    public OutgoingMail compose(String kind, String to, Locale locale, String subject, String recipientName,
            List<String> paragraphs, String actionLabel, String actionUrl) {
        String greeting = i18n.translate(locale, "mail.greeting", recipientName);
        String footer = i18n.translate(locale, "mail.footer");
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1f2933;"
                        + "line-height:1.5\"><p>").append(esc(greeting)).append("</p>");
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
            html.append("<p>").append(esc(p)).append("</p>");
        }
        text.append(actionLabel).append(":\n").append(actionUrl).append("\n\n-- \n").append(footer).append('\n');
        html.append("<p><a href=\"").append(esc(actionUrl)).append("\" style=\"display:inline-block;"
                + "background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none\">")
                .append(esc(actionLabel)).append("</a></p><p style=\"font-size:13px;color:#52606d\">")
                .append(esc(i18n.translate(locale, "mail.linkFallback"))).append("<br>").append(esc(actionUrl))
                .append("</p><hr><p style=\"font-size:12px;color:#7b8794\">").append(esc(footer))
                .append("</p></body></html>");
        return new OutgoingMail(to, subject, text.toString(), html.toString(), kind);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
