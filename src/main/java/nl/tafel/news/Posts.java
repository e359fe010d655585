package nl.tafel.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tafel.members.AppRole;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who sees and who edits a post. Association-wide posts are for everyone signed in;
 * a space's posts for that space's members. Scheduled posts (published in the future) exist only for their editors.
 * Secretaries (and administrators) write association-wide posts; a space's managers, and secretaries who contribute
 * there, write the space's posts.
 */
@Component
class Posts {

    static final String COLUMNS = """
            id, space_id, title, body, publish_at, pinned, comments_closed, image_document, author_id, created_at,
            updated_at, event_starts_at, event_ends_at, event_location, event_program, capacity, max_guests,
            version""";

    /** A post as stored. */
    record Row(UUID id, @Nullable UUID space, String title, String body, Instant publishAt, boolean pinned,
            boolean commentsClosed, @Nullable UUID imageDocument, long authorId, Instant createdAt,
            Instant updatedAt, @Nullable Instant eventStartsAt, @Nullable Instant eventEndsAt,
            @Nullable String location, @Nullable String program, @Nullable Integer capacity, int maxGuests,
            long version) {

        boolean isEvent() {
            return eventStartsAt != null;
        }

        PostId postId() {
            return new PostId(id);
        }

        @Nullable SpaceId spaceId() {
            return space == null ? null : new SpaceId(space);
        }
    }

    /** A post the person may see, with their role in its space (null for association-wide) and rights. */
    record Access(Row row, @Nullable SpaceDetails space, boolean canEdit, boolean published) {
    }

    private final JdbcTemplate jdbc;
    private final SpaceService spaces;
    private final Clock clock;

    Posts(JdbcTemplate jdbc, SpaceService spaces, Clock clock) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.clock = clock;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp starts = rs.getTimestamp("event_starts_at");
        Timestamp ends = rs.getTimestamp("event_ends_at");
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Row(rs.getObject("id", UUID.class), rs.getObject("space_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getTimestamp("publish_at").toInstant(), rs.getBoolean("pinned"),
                rs.getBoolean("comments_closed"), rs.getObject("image_document", UUID.class),
                rs.getLong("author_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), starts == null ? null : starts.toInstant(),
                ends == null ? null : ends.toInstant(), rs.getString("event_location"),
                rs.getString("event_program"), cap, rs.getInt("max_guests"), rs.getLong("version"));
    }

    Optional<Row> find(UUID id, boolean lock) {
        List<Row> rows = jdbc.query("select " + COLUMNS + " from news_post where id = ?" + (lock ? " for update" : ""),
                Posts::row, id);
        return rows.stream().findFirst();
    }

    static boolean associationEditor() {
        return CurrentUser.hasAnyRole(AppRole.Names.ADMINISTRATOR, AppRole.Names.SECRETARY);
    }

    /** Whether someone with this role in a space may write that space's posts. */
    static boolean mayPostIn(SpaceRole role) {
        return role.includes(SpaceRole.MANAGER)
                || (CurrentUser.hasAnyRole(AppRole.Names.SECRETARY) && role.includes(SpaceRole.CONTRIBUTOR));
    }

    /** The space as the person sees it, or empty when they are not in it. */
    Optional<SpaceDetails> space(UUID space) {
        try {
            return Optional.of(spaces.get(new SpaceId(space)));
        } catch (SpaceNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The post when the person may see it; otherwise "not found", whether it exists or not. */
    Access visible(PostId id, boolean lock) {
        Row row = find(id.value(), lock).orElseThrow(NewsNotFoundException::new);
        SpaceDetails space = null;
        boolean canEdit;
        if (row.space() == null) {
            canEdit = associationEditor();
        } else {
            space = space(row.space()).orElseThrow(NewsNotFoundException::new);
            canEdit = mayPostIn(space.myRole());
        }
        boolean published = !row.publishAt().isAfter(clock.instant());
        if (!published && !canEdit) {
            throw new NewsNotFoundException();
        }
        return new Access(row, space, canEdit, published);
    }

    /** The post when the person may change it. */
    Access editable(PostId id, boolean lock) {
        Access access = visible(id, lock);
        if (!access.canEdit()) {
            throw new AccessDeniedException("Not an editor of post " + id);
        }
        return access;
    }

    static PersonId me() {
        return CurrentUser.requirePersonId();
    }
}
