package nl.tafel.shared.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Session-wide set-up: the translated error handler, the signed-in person's language, and an expired session
 * going straight back to the sign-in page instead of showing a technical notice.
 */
@Component
class TafelServiceInit implements VaadinServiceInitListener {

    private static final String LOCALE_APPLIED_FOR = "tafel.localeAppliedFor";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setSessionExpiredURL("login?expired");
            return messages;
        });
        event.getSource().addSessionInitListener(init -> {
            VaadinSession session = init.getSession();
            session.setErrorHandler(new TafelErrorHandler());
        });
        // The signed-in person's stored language applies once per person and session; a switch in the
        // user menu changes the session's locale afterwards and is not overridden on the next page.
        // Dutch first, whatever the browser prefers; the sign-in page and the user menu switch languages.
        event.getSource().addUIInitListener(init -> {
            VaadinSession session = init.getUI().getSession();
            CurrentUser.get().ifPresentOrElse(me -> {
                if (!me.personId().equals(session.getAttribute(LOCALE_APPLIED_FOR))) {
                    session.setAttribute(LOCALE_APPLIED_FOR, me.personId());
                    Languages.choose(me.locale());
                }
            }, () -> Languages.applyDefault(session));
            init.getUI().setLocale(session.getLocale());
        });
    }
}
