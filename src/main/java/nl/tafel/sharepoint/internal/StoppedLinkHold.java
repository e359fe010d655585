package nl.tafel.sharepoint.internal;

import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.TrashHold;
import org.springframework.stereotype.Component;

/**
 * While a space's link is stopped (the guard, the linked folder gone, an overlap), the trash purge leaves that
 * space's trash alone: what the sync moved there stays restorable until an administrator has looked.
 */
@Component
class StoppedLinkHold implements TrashHold {

    private final SyncState state;

    StoppedLinkHold(SyncState state) {
        this.state = state;
    }

    @Override
    public boolean holds(SpaceId space) {
        return state.link(space).map(l -> l.state() == SyncState.LinkState.STOPPED).orElse(false);
    }
}
