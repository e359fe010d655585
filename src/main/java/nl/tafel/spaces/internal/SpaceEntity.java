package nl.tafel.spaces.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "space")
public class SpaceEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 2000)
    private @Nullable String description;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Version
    private long version;

    protected SpaceEntity() {
        this.id = UUID.randomUUID();
        this.name = "";
        this.createdAt = Instant.EPOCH;
    }

    public SpaceEntity(String name, @Nullable String description, PersonId createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.description = description;
        this.createdBy = createdBy.value();
        this.createdAt = createdAt;
    }

    public SpaceId spaceId() {
        return new SpaceId(id);
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
