package nl.tafel.sharepoint;

import java.time.Clock;
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
    private final SpaceService spaces;
    private final Clock clock;

    SharePointService(SyncState state, SyncRunner runner, SyncEngine locator, GraphGateway graph,
            SpaceService spaces, Clock clock) {
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
        List<SyncStatus.Problem> problems = state.problems(l.id()).stream()
                .map(p -> new SyncStatus.Problem(p.name(), p.reason(), p.seenAt())).toList();
        return new SyncStatus(space, name, s, l.site(), l.library(), l.folderPath(), l.lastSuccessAt(), l.pending(),
                l.lastError(), l.lastErrorAt(), l.stopReason(), state.countOpenConflicts(space), problems,
                l.nextRunAt(), graph.waitingUntil().orElse(null));
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
        // two spaces in one folder (or one inside the other) would mix their documents
        for (SyncState.Link other : state.links()) {
            if (other.site().equalsIgnoreCase(checked.site()) && other.library().equalsIgnoreCase(checked.library())
                    && overlap(other.folderPath(), checked.folder())) {
                String name = spaces.mySpaces().stream().filter(x -> x.id().equals(other.space()))
                        .map(x -> x.name()).findFirst().orElse("?");
                throw new FieldException("folder", "sharepoint.error.folderInUse", name);
            }
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

    /** "Nu synchroniseren": a pass in the background, for the space's managers. */
    public void syncNow(SpaceId space) {
        requireManager(space);
        SyncState.Link link = state.link(space).orElseThrow(() -> new TafelException("sharepoint.error.notLinked"));
        state.postpone(link.id(), clock.instant());
        runner.kick(link.id());
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

    private static boolean overlap(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT) + "/";
        String y = b.toLowerCase(java.util.Locale.ROOT) + "/";
        return a.isEmpty() || b.isEmpty() || x.startsWith(y) || y.startsWith(x);
    }

    private record Link(String site, String library, String folder) {
    }

    private static Link check(@Nullable String site, @Nullable String library, @Nullable String folderPath) {
        String s = site == null ? "" : site.strip();
        if (s.startsWith("https://")) {
            // accept a pasted address: https://host/sites/x -> host:/sites/x
            String rest = s.substring("https://".length());
            int slash = rest.indexOf('/');
            s = slash < 0 ? rest : rest.substring(0, slash) + ":" + rest.substring(slash);
            s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
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
