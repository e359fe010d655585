package nl.tafel.sharepoint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync's persisted state, written as it goes so that a restart (even after kill -9) resumes from it: the links,
 * which local item is which remote item, upload sessions in progress, conflicts and problems.
 */
@Repository
public class SyncState {

    public enum LinkState {
        ACTIVE, STOPPED
    }

    public enum Kind {
        FOLDER, FILE
    }

    /** A space linked to a folder of a SharePoint library. */
    public record Link(UUID id, SpaceId space, String site, String library, String folderPath,
            @Nullable String driveId, @Nullable String rootItemId, @Nullable String deltaLink, LinkState state,
            @Nullable String stopReason, Instant nextRunAt, int failures, int pending,
            @Nullable Instant lastSuccessAt, @Nullable String lastError, @Nullable Instant lastErrorAt,
            @Nullable Instant throttledUntil, int allowDeletes, Instant createdAt, long version) {
    }

    /** One synced item: what it was locally and remotely at the last sync. */
    public static final class Item {
        public UUID id = UUID.randomUUID();
        public UUID linkId;
        public Kind kind;
        public UUID localId;
        public @Nullable UUID localParentId;
        public String localName;
        public String remoteId;
        public @Nullable String remoteParentId;
        public String remoteName;
        public @Nullable String eTag;
        public @Nullable String cTag;
        public @Nullable String quickXor;
        public @Nullable UUID syncedVersionId;
        public @Nullable String syncedSha256;

        public Item(UUID linkId, Kind kind, UUID localId, String localName, String remoteId, String remoteName) {
            this.linkId = linkId;
            this.kind = kind;
            this.localId = localId;
            this.localName = localName;
            this.remoteId = remoteId;
            this.remoteName = remoteName;
        }

        /** Takes over what the remote side says now. */
        public void seen(RemoteItem remote) {
            this.remoteId = remote.id();
            if (remote.name() != null) {
                this.remoteName = remote.name();
            }
            if (remote.parentId() != null) {
                this.remoteParentId = remote.parentId();
            }
            if (remote.eTag() != null) {
                this.eTag = remote.eTag();
            }
            if (remote.cTag() != null) {
                this.cTag = remote.cTag();
            }
            if (remote.quickXorHash() != null) {
                this.quickXor = remote.quickXorHash();
            }
        }
    }

    /** An upload session in progress for a document version. */
    public record Upload(UUID id, UUID linkId, UUID documentId, UUID versionId, String uploadUrl, Instant expiresAt,
            boolean newFile) {
    }

    /** Both sides changed a document: both were kept, one as a copy. */
    public record Conflict(UUID id, UUID linkId, SpaceId space, UUID documentId, String name,
            @Nullable UUID copyDocumentId, @Nullable String copyName, String kept, Instant createdAt) {
    }

    /**
     * One item that could not be synced.
     *
     * @param reason a translation key
     * @param arguments the key's arguments
     * @param fingerprint the item's state when the refusal cannot succeed as things stand: it is tried again only
     *        after the state changed; null when it is tried on every pass
     */
    public record Problem(String itemKey, String name, String reason, List<String> arguments,
            @Nullable String fingerprint, Instant seenAt) {
    }

    private final JdbcClient jdbc;

    SyncState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ links

    public void insertLink(UUID id, SpaceId space, String site, String library, String folderPath, Instant now,
            long by) {
        jdbc.sql("""
                insert into sharepoint_link (id, space_id, site, library, folder_path, state, next_run_at,
                    created_at, created_by, version)
                values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0)""")
                .params(id, space.value(), site, library, folderPath, ts(now), ts(now), by).update();
    }

    public void deleteLink(UUID id) {
        jdbc.sql("delete from sharepoint_link where id = ?").param(id).update();
    }

    public Optional<Link> link(SpaceId space) {
        return jdbc.sql("select * from sharepoint_link where space_id = ?").param(space.value()).query(this::mapLink)
                .optional();
    }

    public Optional<Link> linkById(UUID id) {
        return jdbc.sql("select * from sharepoint_link where id = ?").param(id).query(this::mapLink).optional();
    }

    public List<Link> links() {
        return jdbc.sql("select * from sharepoint_link").query(this::mapLink).list();
    }

    public List<Link> dueLinks(Instant now) {
        return jdbc.sql("select * from sharepoint_link where state = 'ACTIVE' and next_run_at <= ? order by next_run_at")
                .param(ts(now)).query(this::mapLink).list();
    }

    public void resolved(UUID link, String driveId, String rootItemId) {
        jdbc.sql("update sharepoint_link set drive_id = ?, root_item_id = ? where id = ?")
                .params(driveId, rootItemId, link).update();
    }

    public void deltaLink(UUID link, @Nullable String deltaLink) {
        jdbc.sql("update sharepoint_link set delta_link = ? where id = ?").params(deltaLink, link).update();
    }

    public void succeeded(UUID link, Instant now, Instant next, int pending) {
        succeeded(link, now, next, pending, now);
    }

    /**
     * A pass that started at {@code started} ended well; when the space changed meanwhile, the next pass is due at
     * once instead of after the poll interval.
     */
    public void succeeded(UUID link, Instant now, Instant next, int pending, Instant started) {
        jdbc.sql("""
                update sharepoint_link set last_success_at = ?, failures = 0, last_error = null, last_error_at = null,
                    next_run_at = case when local_change_at is not null and local_change_at >= ?
                        then greatest(?, coalesce(throttled_until, ?)) else ? end,
                    pending = ? where id = ?""")
                .params(ts(now), ts(started), ts(now), ts(now), ts(next), pending, link).update();
    }

    public void failed(UUID link, Instant now, Instant next, String error) {
        jdbc.sql("""
                update sharepoint_link set failures = failures + 1, last_error = ?, last_error_at = ?,
                    next_run_at = greatest(?, coalesce(throttled_until, ?)) where id = ?""")
                .params(cut(error, 2000), ts(now), ts(next), ts(next), link).update();
    }

    /** Sets the next run, but never before a wait SharePoint asked for. */
    public void postpone(UUID link, Instant next) {
        jdbc.sql("update sharepoint_link set next_run_at = greatest(?, coalesce(throttled_until, ?)) where id = ?")
                .params(ts(next), ts(next), link).update();
    }

    /** SharePoint asked to wait until {@code until}: persisted, so that a restart waits too. */
    public void throttled(UUID link, Instant until) {
        jdbc.sql("""
                update sharepoint_link set throttled_until = greatest(?, coalesce(throttled_until, ?)),
                    next_run_at = greatest(?, next_run_at) where id = ?""")
                .params(ts(until), ts(until), ts(until), link).update();
    }

    /** The latest wait SharePoint asked for on any link (Tafel's calls share one app budget). */
    public Optional<Instant> throttledUntil() {
        return jdbc.sql("select max(throttled_until) from sharepoint_link").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Brings a link's next run forward to {@code at} (never later than it already is, never into a wait). */
    public void runSoon(SpaceId space, Instant at) {
        runSoon(space, at, at);
    }

    /** A change in the space at {@code changedAt}: the next pass at {@code at} (and right after a running one). */
    public void runSoon(SpaceId space, Instant at, Instant changedAt) {
        jdbc.sql("""
                update sharepoint_link set next_run_at = greatest(least(next_run_at, ?), coalesce(throttled_until, ?)),
                    local_change_at = ?
                where space_id = ?""")
                .params(ts(at), ts(at), ts(changedAt), space.value()).update();
    }

    /** How many remote deletes the next round may apply beyond the guard (an administrator's go-ahead). */
    public void allowDeletes(UUID link, int count) {
        jdbc.sql("update sharepoint_link set allow_deletes = ? where id = ?").params(count, link).update();
    }

    public void pending(UUID link, int pending) {
        jdbc.sql("update sharepoint_link set pending = ? where id = ?").params(pending, link).update();
    }

    public void stop(UUID link, String reason) {
        jdbc.sql("update sharepoint_link set state = 'STOPPED', stop_reason = ? where id = ?")
                .params(cut(reason, 2000), link).update();
    }

    public void resume(UUID link, Instant now) {
        // the administrator looked and resumes: the round that stopped may now apply its deletes (to Tafel's trash)
        jdbc.sql("update sharepoint_link set state = 'ACTIVE', stop_reason = null, next_run_at = ?, failures = 0,"
                + " allow_deletes = 2147483647 where id = ?").params(ts(now), link).update();
    }

    private Link mapLink(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getObject("id", UUID.class), new SpaceId(rs.getObject("space_id", UUID.class)),
                rs.getString("site"), rs.getString("library"), rs.getString("folder_path"), rs.getString("drive_id"),
                rs.getString("root_item_id"), rs.getString("delta_link"), LinkState.valueOf(rs.getString("state")),
                rs.getString("stop_reason"), instant(rs, "next_run_at"), rs.getInt("failures"), rs.getInt("pending"),
                instant(rs, "last_success_at"), rs.getString("last_error"), instant(rs, "last_error_at"),
                instant(rs, "throttled_until"), rs.getInt("allow_deletes"), instant(rs, "created_at"),
                rs.getLong("version"));
    }

    // ------------------------------------------------------------------ items

    public List<Item> items(UUID link) {
        return jdbc.sql("select * from sharepoint_item where link_id = ?").param(link).query(this::item).list();
    }

    public void save(Item item) {
        jdbc.sql("""
                insert into sharepoint_item (id, link_id, kind, local_id, local_parent_id, local_name, remote_id,
                    remote_parent_id, remote_name, etag, ctag, quick_xor, synced_version_id, synced_sha256, synced_at)
                values (:id, :link, :kind, :localId, :localParent, :localName, :remoteId, :remoteParent,
                    :remoteName, :etag, :ctag, :xor, :syncedVersion, :syncedSha, :at)
                on duplicate key update local_id = :localId, local_parent_id = :localParent, local_name = :localName,
                    remote_id = :remoteId, remote_parent_id = :remoteParent, remote_name = :remoteName, etag = :etag,
                    ctag = :ctag, quick_xor = :xor, synced_version_id = :syncedVersion, synced_sha256 = :syncedSha,
                    synced_at = :at""")
                .param("id", item.id).param("link", item.linkId).param("kind", item.kind.name())
                .param("localId", item.localId).param("localParent", item.localParentId)
                .param("localName", item.localName).param("remoteId", item.remoteId)
                .param("remoteParent", item.remoteParentId).param("remoteName", item.remoteName)
                .param("etag", item.eTag).param("ctag", item.cTag).param("xor", item.quickXor)
                .param("syncedVersion", item.syncedVersionId).param("syncedSha", item.syncedSha256)
                .param("at", ts(Instant.now())).update();
    }

    public void deleteItem(UUID id) {
        jdbc.sql("delete from sharepoint_item where id = ?").param(id).update();
    }

    private Item item(ResultSet rs, int row) throws SQLException {
        Item item = new Item(rs.getObject("link_id", UUID.class), Kind.valueOf(rs.getString("kind")),
                rs.getObject("local_id", UUID.class), rs.getString("local_name"), rs.getString("remote_id"),
                rs.getString("remote_name"));
        item.id = rs.getObject("id", UUID.class);
        item.localParentId = rs.getObject("local_parent_id", UUID.class);
        item.remoteParentId = rs.getString("remote_parent_id");
        item.eTag = rs.getString("etag");
        item.cTag = rs.getString("ctag");
        item.quickXor = rs.getString("quick_xor");
        item.syncedVersionId = rs.getObject("synced_version_id", UUID.class);
        item.syncedSha256 = rs.getString("synced_sha256");
        return item;
    }

    // ------------------------------------------------------------------ uploads in progress

    public Optional<Upload> upload(UUID link, UUID document) {
        return jdbc.sql("select * from sharepoint_upload where link_id = ? and document_id = ?").params(link, document)
                .query((rs, row) -> new Upload(rs.getObject("id", UUID.class), link, document,
                        rs.getObject("version_id", UUID.class), rs.getString("upload_url"),
                        instant(rs, "expires_at"), rs.getBoolean("new_file")))
                .optional();
    }

    public List<Upload> uploads(UUID link) {
        return jdbc.sql("select * from sharepoint_upload where link_id = ?").param(link)
                .query((rs, row) -> new Upload(rs.getObject("id", UUID.class), link,
                        rs.getObject("document_id", UUID.class), rs.getObject("version_id", UUID.class),
                        rs.getString("upload_url"), instant(rs, "expires_at"), rs.getBoolean("new_file")))
                .list();
    }

    public void startUpload(UUID link, UUID document, UUID version, String url, Instant expires, boolean newFile) {
        jdbc.sql("delete from sharepoint_upload where link_id = ? and document_id = ?").params(link, document)
                .update();
        jdbc.sql("""
                insert into sharepoint_upload (id, link_id, document_id, version_id, upload_url, expires_at, new_file,
                    started_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), link, document, version, url, ts(expires), newFile, ts(Instant.now()))
                .update();
    }

    public void endUpload(UUID link, UUID document) {
        jdbc.sql("delete from sharepoint_upload where link_id = ? and document_id = ?").params(link, document)
                .update();
    }

    // ------------------------------------------------------------------ conflicts and problems

    public void conflict(UUID link, SpaceId space, UUID document, String name, @Nullable UUID copy,
            @Nullable String copyName, String kept, Instant now) {
        jdbc.sql("""
                insert into sharepoint_conflict (id, link_id, space_id, document_id, name, copy_document_id, copy_name,
                    kept, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), link, space.value(), document, name, copy, copyName, kept, ts(now))
                .update();
    }

    public boolean conflictExists(UUID document, UUID copy) {
        return jdbc.sql("select count(*) from sharepoint_conflict where document_id = ? and copy_document_id = ?")
                .params(document, copy).query(Integer.class).single() > 0;
    }

    public List<Conflict> openConflicts(SpaceId space) {
        return jdbc.sql("""
                select * from sharepoint_conflict where space_id = ? and resolved_at is null order by created_at""")
                .param(space.value())
                .query((rs, row) -> new Conflict(rs.getObject("id", UUID.class), rs.getObject("link_id", UUID.class),
                        space, rs.getObject("document_id", UUID.class), rs.getString("name"),
                        rs.getObject("copy_document_id", UUID.class), rs.getString("copy_name"), rs.getString("kept"),
                        instant(rs, "created_at")))
                .list();
    }

    public int countOpenConflicts(SpaceId space) {
        return jdbc.sql("select count(*) from sharepoint_conflict where space_id = ? and resolved_at is null")
                .param(space.value()).query(Integer.class).single();
    }

    public boolean resolveConflict(SpaceId space, UUID id, Instant now, long by) {
        return jdbc.sql("""
                update sharepoint_conflict set resolved_at = ?, resolved_by = ?
                where id = ? and space_id = ? and resolved_at is null""")
                .params(ts(now), by, id, space.value()).update() == 1;
    }

    public void problem(UUID link, String key, String name, String reason, Instant now) {
        problem(link, key, name, reason, List.of(), null, now);
    }

    /** Records why an item was not synced (a translation key and its arguments). */
    public void problem(UUID link, String key, String name, String reason, List<?> arguments,
            @Nullable String fingerprint, Instant now) {
        String args = arguments.isEmpty() ? null
                : String.join(SEPARATOR, arguments.stream().map(String::valueOf).toList());
        jdbc.sql("""
                insert into sharepoint_problem (id, link_id, item_key, name, reason, arguments, fingerprint, seen_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on duplicate key update name = values(name), reason = values(reason), arguments = values(arguments),
                    fingerprint = values(fingerprint), seen_at = values(seen_at)""")
                .params(UUID.randomUUID(), link, cut(key, 200), cut(name, 400), cut(reason, 2000),
                        args == null ? null : cut(args, 2000), fingerprint == null ? null : cut(fingerprint, 600),
                        ts(now)).update();
    }

    private static final String SEPARATOR = "\u001F";

    /** The problem recorded for an item, if any. */
    public Optional<Problem> problem(UUID link, String key) {
        return jdbc.sql("select * from sharepoint_problem where link_id = ? and item_key = ?")
                .params(link, cut(key, 200)).query(this::mapProblem).optional();
    }

    private Problem mapProblem(ResultSet rs, int row) throws SQLException {
        String args = rs.getString("arguments");
        return new Problem(rs.getString("item_key"), rs.getString("name"), rs.getString("reason"),
                args == null ? List.of() : List.of(args.split(SEPARATOR, -1)), rs.getString("fingerprint"),
                instant(rs, "seen_at"));
    }

    public void clearProblem(UUID link, String key) {
        jdbc.sql("delete from sharepoint_problem where link_id = ? and item_key = ?").params(link, cut(key, 200))
                .update();
    }

    public List<Problem> problems(UUID link) {
        return jdbc.sql("select * from sharepoint_problem where link_id = ? order by seen_at desc").param(link)
                .query(this::mapProblem).list();
    }

    // ------------------------------------------------------------------ helpers

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
