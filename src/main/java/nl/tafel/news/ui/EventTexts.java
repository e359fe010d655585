package nl.tafel.news.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import nl.tafel.news.EventInfo;
import nl.tafel.news.SignupStatus;
import nl.tafel.shared.ui.Formats;

/** How an event's moment and seats read, the same in the timeline and on the post's page. */
final class EventTexts {

    private EventTexts() {
    }

    private static java.util.Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = c.getUI().orElse(com.vaadin.flow.component.UI.getCurrent());
        return ui == null ? java.util.Locale.forLanguageTag("nl") : ui.getLocale();
    }

    static String when(Component c, EventInfo e) {
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale(c)).withZone(Formats.ZONE);
        String text = format.format(e.startsAt());
        if (e.endsAt() != null) {
            text += " – " + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(c))
                    .withZone(Formats.ZONE).format(e.endsAt());
        }
        return text;
    }

    /** A badge with the person's state or the seats: "Vol – je komt op de wachtlijst", "Nog 12 plaatsen"… */
    static Span state(Component c, EventInfo e) {
        Span s = new Span();
        s.addClassName("tafel-badge");
        if (e.mine() != null && e.mine().status() == SignupStatus.CONFIRMED) {
            s.setText(c.getTranslation("news.event.youAreIn"));
            s.addClassName("tafel-badge-success");
        } else if (e.mine() != null) {
            s.setText(c.getTranslation("news.event.youWait", e.mine().position()));
            s.addClassName("tafel-badge-contrast");
        } else if (e.started()) {
            s.setText(c.getTranslation("news.event.started"));
            s.addClassName("tafel-badge-muted");
        } else if (e.full()) {
            s.setText(c.getTranslation("news.event.fullWaitlist"));
            s.addClassName("tafel-badge-error");
        } else if (e.free() != null) {
            s.setText(c.getTranslation("news.event.seatsLeft", e.free()));
        } else {
            s.setText(c.getTranslation("news.event.open"));
        }
        s.addClassName("news-event-state");
        return s;
    }
}
