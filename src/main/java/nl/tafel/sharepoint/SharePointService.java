package nl.tafel.sharepoint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.sharepoint.internal.GraphFailure;
import nl.tafel.sharepoint.internal.GraphGateway;
import nl.tafel.sharepoint.internal.LinkOverlap;
import nl.tafel.sharepoint.internal.SyncEngine;
import nl.tafel.sharepoint.internal.SyncRunner;
import nl.tafel.sharepoint.internal.SyncState;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Linking spaces to SharePoint and the state of their sync. Administrators link, unlink, test and resume; a space's
 * managers see its status, start a pass and mark conflicts resolved. Credentials never pass through here: they come
 * from the environment.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SharePointService {

    /** {@code hostname:/sites/path}, as Graph addresses a site. */
    private static final Pattern SITE = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d+)?:/(sites|teams)/[^\\s:*?\"<>|\\\\]+");

    private final SyncState state;
    private final SyncRunner runner;
    private final SyncEngine locator;
    private final GraphGateway graph;
    private final LinkOverlap overlap;
    private final SpaceService spaces;
    private final Clock clock;

    SharePointService(SyncState state, SyncRunner runner, SyncEngine locator, GraphGateway graph,
            LinkOverlap overlap, SpaceService spaces, Clock clock) {
        this.overlap = overlap;
        this.state = state;
        this.runner = runner;
        this.locator = locator;
        this.graph = graph;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** Whether SharePoint credentials are set in the environment. */
    public boolean configured() {
        return graph.configured();
    }

    /** The sync state of a space, for its managers; empty for anyone else. */
    public Optional<SyncStatus> status(SpaceId space) {
        SpaceDetails details = spaces.get(space);
        if (!details.canManage()) {
            return Optional.empty();
        }
        return Optional.of(status(details.id(), details.name()));
    }

    /** Every space with its sync state, for administrators. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public List<SyncStatus> all() {
        List<SyncStatus> result = new ArrayList<>();
        for (var space : spaces.mySpaces()) {
            result.add(status(space.id(), space.name()));
        }
        return result;
    }

    private SyncStatus status(SpaceId space, String name) {
        Optional<SyncState.Link> link = state.link(space);
        if (link.isEmpty()) {
            return new SyncStatus(space, name, configured() ? SyncStatus.State.NOT_LINKED
                    : SyncStatus.State.NOT_CONFIGURED, null, null, null, null, 0, null, null, null, 0, List.of(),
                    null, null);
        }
        SyncState.Link l = link.get();
        SyncStatus.State s;
        if (!configured()) {
            s = SyncStatus.State.NOT_CONFIGURED;
        } else if (l.state() == SyncState.LinkState.STOPPED) {
            s = SyncStatus.State.STOPPED;
        } else if (l.lastError() != null) {
            s = SyncStatus.State.ERROR;
        } else if (l.lastSuccessAt() == null) {
            s = SyncStatus.State.WAITING;
        } else {
            s = SyncStatus.State.OK;
        }
        Instant waiting = waitingUntil(l);
        if (waiting != null && s != SyncStatus.State.NOT_CONFIGURED && s != SyncStatus.State.STOPPED) {
            s = SyncStatus.State.THROTTLED; // not "Bijgewerkt" while changes wait for SharePoint
        }
        List<SyncStatus.Problem> problems = state.problems(l.id()).stream()
                .map(p -> new SyncStatus.Problem(p.name(), p.reason(), p.arguments(), p.seenAt())).toList();
        return new SyncStatus(space, name, s, l.site(), l.library(), l.folderPath(), l.lastSuccessAt(), l.pending(),
                l.lastError(), l.lastErrorAt(), l.stopReason(), state.countOpenConflicts(space), problems,
                l.nextRunAt(), waiting);
    }

    /** Until when SharePoint asked Tafel to wait, if that is still ahead (also a wait persisted before a restart). */
    private @Nullable Instant waitingUntil(SyncState.Link link) {
        Instant now = clock.instant();
        Instant until = graph.waitingUntil().orElse(null);
        if (link.throttledUntil() != null && link.throttledUntil().isAfter(now)
                && (until == null || link.throttledUntil().isAfter(until))) {
            until = link.throttledUntil();
        }
        return until;
    }

    /**
     * Tries the site, library and folder without linking anything.
     */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public ConnectionCheck testConnection(String site, String library, String folderPath) {
        Link checked = check(site, library, folderPath);
        if (!configured()) {
            return ConnectionCheck.NOT_CONFIGURED;
        }
        try {
            locator.locate(checked.site(), checked.library(), checked.folder(), false);
            return ConnectionCheck.REACHABLE;
        } catch (GraphFailure e) {
            return switch (e.code()) {
                case "libraryNotFound" -> ConnectionCheck.LIBRARY_NOT_FOUND;
                case "folderNotFound" -> ConnectionCheck.FOLDER_WILL_BE_CREATED;
                case "notConfigured" -> ConnectionCheck.NOT_CONFIGURED;
                default -> switch (e.status()) {
                    case 401 -> ConnectionCheck.SIGN_IN_FAILED;
                    case 403 -> ConnectionCheck.PERMISSIONS_MISSING;
                    case 404, 400 -> ConnectionCheck.SITE_NOT_FOUND;
                    default -> ConnectionCheck.UNREACHABLE;
                };
            };
        } catch (RuntimeException e) {
            return ConnectionCheck.UNREACHABLE;
        }
    }

    /** Links a space to a folder of a SharePoint library; the first pass starts at once. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void link(SpaceId space, String site, String library, String folderPath) {
        SpaceDetails details = spaces.get(space);
        Link checked = check(site, library, folderPath);
        if (state.link(details.id()).isPresent()) {
            throw new TafelException("sharepoint.error.alreadyLinked");
        }
        // two spaces in one folder (or one inside the other) would mix their documents: compared by what Graph
        // says (drive id, folder item id and the folders above it), never by the text typed
        Optional<SyncState.Link> taken = Optional.empty();
        if (configured()) {
            try {
                taken = overlap.overlapping(overlap.of(checked.site(), checked.library(), checked.folder()), null);
            } catch (GraphFailure e) {
                // SharePoint cannot be asked now: the spelling is compared here, and every link is compared by id
                // when it first runs (an overlap then stops both)
                taken = byText(checked);
            }
        } else {
            taken = byText(checked);
        }
        if (taken.isPresent()) {
            SyncState.Link other = taken.get();
            String name = spaces.mySpaces().stream().filter(x -> x.id().equals(other.space()))
                    .map(x -> x.name()).findFirst().orElse("?");
            throw new FieldException("folder", "sharepoint.error.folderInUse", name);
        }
        UUID id = UUID.randomUUID();
        state.insertLink(id, details.id(), checked.site(), checked.library(), checked.folder(), clock.instant(),
                CurrentUser.requirePersonId().value());
        runner.kick(id);
    }

    /** Ends the link; nothing is deleted on either side. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void unlink(SpaceId space) {
        state.link(space).ifPresent(l -> state.deleteLink(l.id()));
    }

    /** Restarts a sync the large-delete guard stopped. */
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void resume(SpaceId space) {
        state.link(space).ifPresent(l -> {
            state.resume(l.id(), clock.instant());
            runner.kick(l.id());
        });
    }

    /**
     * "Nu synchroniseren": a pass in the background, for the space's managers.
     *
     * @return empty when the pass started; otherwise until when SharePoint asked Tafel to wait (the pass runs then)
     */
    public Optional<Instant> syncNow(SpaceId space) {
        requireManager(space);
        SyncState.Link link = state.link(space).orElseThrow(() -> new TafelException("sharepoint.error.notLinked"));
        state.postpone(link.id(), clock.instant());
        Instant waiting = waitingUntil(link);
        if (waiting != null) {
            return Optional.of(waiting);
        }
        runner.kick(link.id());
        return Optional.empty();
    }

    /** The space's conflicts that no one has marked resolved yet. */
    public List<SyncConflict> conflicts(SpaceId space) {
        requireManager(space);
        return state.openConflicts(space).stream().map(c -> new SyncConflict(c.id(), new DocumentId(c.documentId()),
                c.name(), c.copyDocumentId() == null ? null : new DocumentId(c.copyDocumentId()), c.copyName(),
                SyncConflict.Side.valueOf(c.kept()), c.createdAt())).toList();
    }

    /** Marks a conflict resolved (the person kept or deleted the copy as they saw fit). */
    public void resolveConflict(SpaceId space, UUID conflict) {
        requireManager(space);
        state.resolveConflict(space, conflict, clock.instant(), CurrentUser.requirePersonId().value());
    }

    private void requireManager(SpaceId space) {
        if (!spaces.get(space).canManage()) {
            throw new TafelException("spaces.error.role.manager");
        }
    }

    private Optional<SyncState.Link> byText(Link checked) {
        return state.links().stream().filter(other -> normaliseSite(other.site()).equals(checked.site())
                && other.library().equalsIgnoreCase(checked.library())
                && overlap(other.folderPath(), checked.folder())).findFirst();
    }

    private static boolean overlap(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT) + "/";
        String y = b.toLowerCase(java.util.Locale.ROOT) + "/";
        return a.isEmpty() || b.isEmpty() || x.startsWith(y) || y.startsWith(x);
    }

    private record Link(String site, String library, String folder) {
    }

    /**
     * One spelling for one site: {@code https://Host/sites/X/}, {@code host:/sites/x}, {@code HOST:/sites/X},
     * {@code host/sites/x} and percent-encoded forms all become {@code host:/sites/x} (SharePoint's addresses
     * ignore case).
     */
    static String normaliseSite(String site) {
        String s = site.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("https://")) {
            s = s.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            s = s.substring("http://".length());
        }
        s = percentDecoded(s);
        int colon = s.indexOf(":/");
        int slash = s.indexOf('/');
        String host;
        String path;
        if (colon > 0 && (slash < 0 || colon < slash)) {
            host = s.substring(0, colon);
            path = s.substring(colon + 1);
        } else if (slash > 0) {
            host = s.substring(0, slash);
            path = s.substring(slash);
        } else {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        path = path.replaceAll("/{2,}", "/");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return (host + ":" + path).toLowerCase(java.util.Locale.ROOT);
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // not valid percent-encoding: the format check below says so
        }
    }

    private static Link check(@Nullable String site, @Nullable String library, @Nullable String folderPath) {
        String s = normaliseSite(site == null ? "" : site);
        if (s.isEmpty()) {
            throw new FieldException("site", "sharepoint.error.siteRequired");
        }
        if (!SITE.matcher(s).matches()) {
            throw new FieldException("site", "sharepoint.error.siteFormat");
        }
        String l = library == null ? "" : library.strip();
        if (l.isEmpty()) {
            throw new FieldException("library", "sharepoint.error.libraryRequired");
        }
        if (l.length() > 255) {
            throw new FieldException("library", "sharepoint.error.libraryTooLong");
        }
        String f = folderPath == null ? "" : folderPath.strip().replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : f.split("/")) {
            if (part.isBlank()) {
                continue;
            }
            DocumentNames.check(part.strip()).ifPresent(problem -> {
                throw new FieldException("folder", problem.messageKey(), problem.args());
            });
            parts.add(part.strip());
        }
        String folder = String.join("/", parts);
        if (folder.length() > DocumentNames.MAX_PATH_LENGTH - 100) {
            throw new FieldException("folder", "sharepoint.error.folderTooLong");
        }
        return new Link(s, l, folder);
    }
}
