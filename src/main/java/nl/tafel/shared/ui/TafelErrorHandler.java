package nl.tafel.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.UUID;
import nl.tafel.shared.TafelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Turns an exception thrown while handling a click or a change into a translated message. Nothing technical reaches
 * the browser; unexpected errors are logged with a reference the person can quote.
 */
public class TafelErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TafelErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", event.getThrowable());
            return;
        }
        String message = messageFor(ui, event.getThrowable());
        ui.access(() -> Notifications.error(message));
    }

    static String messageFor(UI ui, Throwable thrown) {
        Throwable t = thrown;
        while (t != null) {
            if (t instanceof TafelException te) {
                return ui.getTranslation(te.messageKey(), te.arguments());
            }
            if (t instanceof OptimisticLockingFailureException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return ui.getTranslation("error.concurrentEdit");
            }
            if (t instanceof AccessDeniedException) {
                return ui.getTranslation("error.accessDenied");
            }
            t = t.getCause();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (reference {})", reference, thrown);
        return ui.getTranslation("error.unexpected", reference);
    }
}
