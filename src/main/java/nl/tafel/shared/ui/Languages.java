package nl.tafel.shared.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import nl.tafel.shared.i18n.TafelI18NProvider;

/** The session's language: Dutch until a person chooses otherwise (or their profile says so). */
public final class Languages {

    static final String CHOSEN = "tafel.localeChosen";

    private Languages() {
    }

    /** Uses the given language for this browser session from now on. */
    public static void choose(Locale locale) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(CHOSEN, Boolean.TRUE);
        session.setLocale(TafelI18NProvider.supported(locale));
    }

    static void applyDefault(VaadinSession session) {
        if (session.getAttribute(CHOSEN) == null) {
            session.setAttribute(CHOSEN, Boolean.TRUE);
            session.setLocale(TafelI18NProvider.DUTCH);
        }
    }
}
