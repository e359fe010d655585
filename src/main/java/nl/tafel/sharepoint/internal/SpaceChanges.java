package nl.tafel.sharepoint.internal;

import java.time.Clock;
import java.time.Duration;
import nl.tafel.spaces.DocumentChanged;
import nl.tafel.spaces.DocumentDeleted;
import nl.tafel.spaces.DocumentStored;
import nl.tafel.spaces.FolderChanged;
import nl.tafel.spaces.SpaceId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A change in a linked space brings its next sync pass forward (a few seconds later, so that a batch of uploads goes
 * in one pass). The events come through Modulith's durable registry: a change committed just before a crash still
 * triggers a pass after the restart — and the pass itself compares the whole space, so nothing depends on events.
 */
@Component
class SpaceChanges {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final SyncState state;
    private final Clock clock;

    SpaceChanges(SyncState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DocumentStored event) {
        if (!bySync(event.by())) {
            soon(event.spaceId());
        }
    }

    @ApplicationModuleListener
    void on(DocumentChanged event) {
        if (!bySync(event.by())) {
            soon(event.spaceId());
        }
    }

    @ApplicationModuleListener
    void on(DocumentDeleted event) {
        if (!event.permanently() && !bySync(event.by())) {
            soon(event.spaceId());
        }
    }

    /** The sync's own changes (what came down) need no pass to go up. */
    private static boolean bySync(nl.tafel.shared.@org.jspecify.annotations.Nullable PersonId by) {
        return nl.tafel.shared.CurrentUser.SHAREPOINT.equals(by);
    }

    @ApplicationModuleListener
    void on(FolderChanged event) {
        soon(event.spaceId());
    }

    private void soon(SpaceId space) {
        state.runSoon(space, clock.instant().plus(SETTLE), clock.instant());
    }
}
