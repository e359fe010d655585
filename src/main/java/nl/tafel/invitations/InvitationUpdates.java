package nl.tafel.invitations;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.tafel.meetings.MeetingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open meeting pages that invitations for a meeting went out (or changed), after commit, so that what they
 * say about invitees ("Bij publiceren krijgen 5 genodigden…", who has read what) follows without a reload. The
 * invitations go out after the publishing transaction, so the page that published cannot show them yet. In one JVM
 * only (as the minutes' live text, ADR 0010): with several instances another instance's page is current on reload.
 */
@org.springframework.stereotype.Component
public class InvitationUpdates {

    private static final Logger log = LoggerFactory.getLogger(InvitationUpdates.class);

    private final Map<MeetingId, List<Runnable>> listeners = new ConcurrentHashMap<>();

    /**
     * While {@code component} is attached, runs {@code refresh} in its UI (with the security context of the person
     * who opened the page) whenever the meeting's invitations change.
     */
    public void refreshWhileAttached(Component component, MeetingId meeting, Runnable refresh) {
        SecurityContext context = SecurityContextHolder.getContext();
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable asOpener = new DelegatingSecurityContextRunnable(refresh, context);
            Registration registration = register(meeting, () -> ui.access(asOpener::run));
            component.addDetachListener(detach -> {
                registration.remove();
                detach.unregisterListener();
            });
        });
    }

    Registration register(MeetingId meeting, Runnable listener) {
        listeners.computeIfAbsent(meeting, m -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(meeting, (m, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells the open pages of the meeting once the current transaction has committed. */
    public void afterCommit(MeetingId meeting) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tell(meeting);
                }
            });
        } else {
            tell(meeting);
        }
    }

    private void tell(MeetingId meeting) {
        listeners.getOrDefault(meeting, List.of()).forEach(l -> {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a page that went away (it unregisters on detach) must not stop the others
                log.debug("A meeting page could not be refreshed", e);
            }
        });
    }
}
