package nl.tafel.sharepoint.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.tafel.sharepoint.internal.SyncState.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether two links would sync the same SharePoint folder, or one inside the other: then a space's members would see
 * another space's documents. Decided by what Graph says, never by the text an administrator typed: the site is
 * resolved to its drive, and the folders are compared by drive id and item id, with each folder's ancestry (the ids
 * of the folders above it). Only a folder that does not exist yet is compared by its path, within the same drive.
 */
@Component
public class LinkOverlap {

    private static final Logger log = LoggerFactory.getLogger(LinkOverlap.class);

    private final SyncEngine engine;
    private final SyncState state;

    LinkOverlap(SyncEngine engine, SyncState state) {
        this.engine = engine;
        this.state = state;
    }

    /** A folder as Graph knows it: the drive, the folder ids from the top down, and its path as typed. */
    public record Place(String driveId, List<String> chain, boolean complete, String folderPath) {
    }

    /** Where a link to be made would be. */
    public Place of(String site, String library, String folderPath) {
        SyncEngine.Placement p = engine.place(site, library, folderPath);
        return new Place(p.driveId(), p.chain(), p.complete(), folderPath);
    }

    /** Where an existing link is: by its folder's id once resolved (it may have been moved), else by its path. */
    public Place of(Link link) {
        if (link.driveId() != null && link.rootItemId() != null) {
            List<String> chain = engine.ancestry(link.driveId(), link.rootItemId());
            if (chain.isEmpty()) {
                throw new GraphFailure(404, "rootGone", link.folderPath(), null, null);
            }
            return new Place(link.driveId(), chain, true, link.folderPath());
        }
        return of(link.site(), link.library(), link.folderPath());
    }

    /** The first other link whose folder is this one, lies inside it or holds it. */
    public Optional<Link> overlapping(Place place, @org.jspecify.annotations.Nullable UUID except) {
        for (Link other : state.links()) {
            if (other.id().equals(except)) {
                continue;
            }
            Place there;
            try {
                there = of(other);
            } catch (GraphFailure e) {
                log.info("Link {} could not be placed to compare it ({}); it is compared when it runs", other.id(),
                        e.code());
                continue;
            }
            if (overlap(place, there)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    static boolean overlap(Place a, Place b) {
        if (!a.driveId().equals(b.driveId())) {
            return false;
        }
        if (a.complete() && b.chain().contains(a.chain().getLast())
                || b.complete() && a.chain().contains(b.chain().getLast())) {
            return true;
        }
        if (a.complete() && b.complete()) {
            return false;
        }
        // a folder still to be made: its path says where it will be (on the safe side, also when the other folder
        // exists: it may have been made since the chain was read)
        String x = a.folderPath().toLowerCase(Locale.ROOT) + "/";
        String y = b.folderPath().toLowerCase(Locale.ROOT) + "/";
        return a.folderPath().isEmpty() || b.folderPath().isEmpty() || x.startsWith(y) || y.startsWith(x);
    }
}
