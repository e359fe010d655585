package nl.tafel.spaces.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "space_member")
public class SpaceMemberEntity {

    @Embeddable
    public record Key(@Column(name = "space_id") UUID spaceId, @Column(name = "person_id") long personId)
            implements Serializable {

        public static Key of(SpaceId space, PersonId person) {
            return new Key(space.value(), person.value());
        }
    }

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "space_role", nullable = false, length = 20)
    private SpaceRole role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "last_visit_at")
    private @Nullable Instant lastVisitAt;

    protected SpaceMemberEntity() {
        this.key = new Key(new UUID(0, 0), 0);
        this.role = SpaceRole.READER;
        this.addedAt = Instant.EPOCH;
    }

    public SpaceMemberEntity(SpaceId space, PersonId person, SpaceRole role, Instant addedAt) {
        this.key = Key.of(space, person);
        this.role = role;
        this.addedAt = addedAt;
    }

    public PersonId personId() {
        return new PersonId(key.personId());
    }

    public SpaceId spaceId() {
        return new SpaceId(key.spaceId());
    }

    public SpaceRole getRole() {
        return role;
    }

    public void setRole(SpaceRole role) {
        this.role = role;
    }

    public @Nullable Instant getLastVisitAt() {
        return lastVisitAt;
    }

    public void setLastVisitAt(Instant lastVisitAt) {
        this.lastVisitAt = lastVisitAt;
    }
}
