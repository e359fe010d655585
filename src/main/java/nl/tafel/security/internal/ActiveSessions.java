package nl.tafel.security.internal;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Knows the open HTTP sessions of this instance, so that a deactivated person's sessions can be ended at once:
 * the session is invalidated, and the next request of their browser lands on the sign-in page.
 */
@Component
public class ActiveSessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(ActiveSessions.class);

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final SessionRegistry registry;

    ActiveSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        sessions.put(se.getSession().getId(), se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        sessions.remove(se.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent se, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(se.getSession().getId(), se.getSession());
    }

    /** Ends every session of the person; returns how many were open. */
    public int endAllOf(PersonId person) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof TafelPrincipal p && p.personId().equals(person)) {
                for (SessionInformation info : registry.getAllSessions(principal, false)) {
                    info.expireNow();
                    HttpSession session = sessions.remove(info.getSessionId());
                    if (session != null) {
                        try {
                            session.invalidate();
                        } catch (IllegalStateException alreadyGone) {
                            // invalidated meanwhile
                        }
                    }
                    registry.removeSessionInformation(info.getSessionId());
                    ended++;
                }
            }
        }
        log.info("Ended {} session(s) of person {}", ended, person);
        return ended;
    }
}
