package nl.tafel.minutes.internal;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.tafel.meetings.MeetingId;
import nl.tafel.minutes.MinutesTextSaved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Passes saved minutes text to the other open minutes pages of the same meeting, after commit. In one JVM only:
 * with several instances, a page sees others' text when it reloads or saves (ADR 0010). Not a Spring event: those
 * would be stored in the event publication registry, text and all.
 */
@Component
public class MinutesUpdates {

    private final Map<MeetingId, List<Consumer<MinutesTextSaved>>> listeners = new ConcurrentHashMap<>();

    public Registration register(MeetingId meeting, Consumer<MinutesTextSaved> listener) {
        listeners.computeIfAbsent(meeting, m -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(meeting, (m, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Tells the open pages once the current transaction has committed. */
    public void afterCommit(MinutesTextSaved saved) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tell(saved);
                }
            });
        } else {
            tell(saved);
        }
    }

    private void tell(MinutesTextSaved saved) {
        listeners.getOrDefault(saved.meetingId(), List.of()).forEach(l -> {
            try {
                l.accept(saved);
            } catch (RuntimeException e) {
                // a page that went away; it unregisters on detach
            }
        });
    }
}
