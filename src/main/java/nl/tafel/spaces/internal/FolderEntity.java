package nl.tafel.spaces.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** A folder; each space has one root folder (no parent, no name) that holds everything else. */
@Entity
@Table(name = "folder")
public class FolderEntity implements TrashableItem {

    @Id
    private UUID id;

    @Column(name = "space_id", nullable = false)
    private UUID spaceId;

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    @Column(nullable = false)
    private String name;

    @Column(name = "live_name_key")
    private @Nullable String liveNameKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Column(name = "deleted_by")
    private @Nullable Long deletedBy;

    @Version
    private long version;

    protected FolderEntity() {
        this.id = UUID.randomUUID();
        this.spaceId = this.id;
        this.name = "";
        this.createdAt = Instant.EPOCH;
    }

    private FolderEntity(SpaceId space, @Nullable FolderId parent, String name, PersonId by, Instant now) {
        this.id = UUID.randomUUID();
        this.spaceId = space.value();
        this.parentId = parent == null ? null : parent.value();
        this.name = name;
        this.liveNameKey = parent == null ? null : DocumentNames.key(name);
        this.createdBy = by.value();
        this.createdAt = now;
    }

    public static FolderEntity root(SpaceId space, PersonId by, Instant now) {
        return new FolderEntity(space, null, "", by, now);
    }

    public static FolderEntity child(FolderEntity parent, String name, PersonId by, Instant now) {
        return new FolderEntity(parent.spaceId(), parent.folderId(), name, by, now);
    }

    public FolderId folderId() {
        return new FolderId(id);
    }

    public SpaceId spaceId() {
        return new SpaceId(spaceId);
    }

    public @Nullable FolderId parentId() {
        return parentId == null ? null : new FolderId(parentId);
    }

    public boolean isRoot() {
        return parentId == null;
    }

    @Override
    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
        if (deletedAt == null && parentId != null) {
            this.liveNameKey = DocumentNames.key(name);
        }
    }

    public void moveTo(FolderEntity parent) {
        this.parentId = parent.getId();
    }

    public UUID getId() {
        return id;
    }

    @Override
    public @Nullable Instant getDeletedAt() {
        return deletedAt;
    }

    public @Nullable Long getDeletedBy() {
        return deletedBy;
    }

    @Override
    public void trash(PersonId by, Instant now) {
        this.deletedAt = now;
        this.deletedBy = by.value();
        this.liveNameKey = null;
    }

    @Override
    public void untrash() {
        this.deletedAt = null;
        this.deletedBy = null;
        this.liveNameKey = DocumentNames.key(name);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
