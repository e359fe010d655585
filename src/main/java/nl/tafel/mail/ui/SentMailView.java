package nl.tafel.mail.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tafel.mail.MailService;
import nl.tafel.mail.MailStatus;
import nl.tafel.mail.SentMail;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/**
 * "Verzonden e-mail": every mail Tafel sent or kept. In the embedded trial without SMTP, this is where activation
 * and reset links can be followed. Bodies are shown as text; only web links become clickable.
 */
@Route("beheer/e-mail")
@RolesAllowed("ADMINISTRATOR")
@Menu(order = 60, title = "nav.mail", icon = "vaadin:envelope")
class SentMailView extends VerticalLayout implements HasDynamicTitle {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final MailService mail;
    private final Grid<SentMail> grid = new Grid<>();
    private final Div detail = new Div();

    SentMailView(MailService mail) {
        this.mail = mail;
        addClassName("tafel-view");
        setSizeFull();
        add(new ViewHeader(getTranslation("nav.mail"), getTranslation(
                mail.smtpConfigured() ? "mail.description.smtp" : "mail.description.kept")));

        grid.addColumn(m -> Formats.dateTime(m.createdAt(), getLocale())).setHeader(getTranslation("mail.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SentMail::recipient).setHeader(getTranslation("mail.to")).setFlexGrow(1);
        grid.addColumn(SentMail::subject).setHeader(getTranslation("mail.subject")).setFlexGrow(2);
        grid.addComponentColumn(this::status).setHeader(getTranslation("mail.status")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> mail.log(VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        grid.addSelectionListener(e -> show(e.getFirstSelectedItem().orElse(null)));
        grid.setId("mail-grid");
        grid.setSizeFull();

        detail.addClassName("tafel-mail-detail");
        detail.setId("mail-detail");
        detail.add(new Paragraph(getTranslation("mail.select")));
        SplitLayout split = new SplitLayout(grid, detail);
        split.setOrientation(SplitLayout.Orientation.VERTICAL);
        split.setSplitterPosition(45);
        split.setSizeFull();
        add(split);
    }

    private Span status(SentMail m) {
        Span badge = new Span(getTranslation(m.status().translationKey()));
        badge.addClassNames("tafel-badge", switch (m.status()) {
            case SENT -> "tafel-badge-success";
            case FAILED -> "tafel-badge-error";
            case PENDING, KEPT -> "tafel-badge-contrast";
        });
        return badge;
    }

    private void show(SentMail m) {
        detail.removeAll();
        if (m == null) {
            detail.add(new Paragraph(getTranslation("mail.select")));
            return;
        }
        detail.add(new H3(m.subject()));
        Paragraph meta = new Paragraph(getTranslation("mail.meta", m.recipient(),
                Formats.dateTime(m.createdAt(), getLocale()), getTranslation(m.status().translationKey()),
                m.attempts()));
        meta.addClassName("tafel-muted");
        detail.add(meta);
        if (m.lastError() != null) {
            Paragraph error = new Paragraph(getTranslation("mail.lastError", m.lastError()));
            error.addClassName("tafel-warning");
            detail.add(error);
        }
        if (m.status() == MailStatus.FAILED) {
            Button retry = new Button(getTranslation("mail.retry"), e -> {
                try {
                    mail.retry(m.id());
                    Notifications.success(getTranslation("mail.retried"));
                    grid.getDataProvider().refreshAll();
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            detail.add(retry);
        }
        Div body = new Div();
        body.addClassName("tafel-mail-body");
        body.add(linkified(m.text()));
        detail.add(body);
    }

    /** The text with its web links as anchors; everything else stays text (no HTML from the mail is rendered). */
    static Component[] linkified(String text) {
        java.util.List<Component> parts = new java.util.ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            parts.add(new Span(text.substring(last, matcher.start())));
            if (matcher.group().contains("…")) {
                // a personal link without its secret: shown as text, it leads nowhere
                parts.add(new Span(matcher.group()));
            } else {
                Anchor link = new Anchor(matcher.group(), matcher.group(), AnchorTarget.BLANK);
                link.addClassName("tafel-mail-link");
                parts.add(link);
            }
            last = matcher.end();
        }
        parts.add(new Span(text.substring(last)));
        return parts.toArray(Component[]::new);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.mail") + " · " + getTranslation("app.name");
    }
}
