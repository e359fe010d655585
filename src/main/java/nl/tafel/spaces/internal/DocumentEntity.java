package nl.tafel.spaces.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/** A document: a name in a folder and a numbered list of versions, the newest of which is current. */
@Entity
@Table(name = "document")
public class DocumentEntity implements TrashableItem {

    @Id
    private UUID id;

    @Column(name = "space_id", nullable = false)
    private UUID spaceId;

    @Column(name = "folder_id", nullable = false)
    private UUID folderId;

    @Column(nullable = false)
    private String name;

    @Column(name = "live_name_key")
    private @Nullable String liveNameKey;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private long updatedBy;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Column(name = "deleted_by")
    private @Nullable Long deletedBy;

    @Version
    private long version;

    protected DocumentEntity() {
        this.id = UUID.randomUUID();
        this.spaceId = id;
        this.folderId = id;
        this.name = "";
        this.mediaType = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    public DocumentEntity(FolderEntity folder, String name, PersonId by, Instant now) {
        this.id = UUID.randomUUID();
        this.spaceId = folder.spaceId().value();
        this.folderId = folder.getId();
        this.name = name;
        this.liveNameKey = DocumentNames.key(name);
        this.mediaType = "application/octet-stream";
        this.createdAt = now;
        this.createdBy = by.value();
        this.updatedAt = now;
        this.updatedBy = by.value();
    }

    /** Makes this version the current one. */
    public void advanceTo(DocumentVersionEntity version, PersonId by, Instant now) {
        this.currentVersion = version.getNumber();
        this.mediaType = version.getMediaType();
        this.size = version.getSize();
        touch(by, now);
    }

    public void touch(PersonId by, Instant now) {
        this.updatedAt = now;
        this.updatedBy = by.value();
    }

    public DocumentId documentId() {
        return new DocumentId(id);
    }

    public SpaceId spaceId() {
        return new SpaceId(spaceId);
    }

    public FolderId folderId() {
        return new FolderId(folderId);
    }

    public UUID getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
        if (deletedAt == null) {
            this.liveNameKey = DocumentNames.key(name);
        }
    }

    public void moveTo(FolderEntity folder) {
        this.folderId = folder.getId();
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSize() {
        return size;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public PersonId updatedBy() {
        return new PersonId(updatedBy);
    }

    public Instant getCreatedAt() {
        return createdAt;
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
        touch(by, now);
    }

    @Override
    public void untrash() {
        this.deletedAt = null;
        this.deletedBy = null;
        this.liveNameKey = DocumentNames.key(name);
    }

    public long getVersion() {
        return version;
    }
}
