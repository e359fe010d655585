package nl.tafel.members.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.members.GroupKind;
import nl.tafel.members.GroupRole;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "member_group")
public class GroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private GroupKind kind;

    @Column(length = 2000)
    private @Nullable String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<GroupMembershipEntity> memberships = new ArrayList<>();

    @Version
    private long version;

    protected GroupEntity() {
        this.name = "";
        this.kind = GroupKind.WORKING_GROUP;
        this.createdAt = Instant.EPOCH;
    }

    public GroupEntity(String name, GroupKind kind, @Nullable String description, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.createdAt = createdAt;
    }

    public void addMember(PersonEntity person, GroupRole role) {
        memberships.add(new GroupMembershipEntity(this, person, role));
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public String getName() {
        return name;
    }

    public GroupKind getKind() {
        return kind;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public List<GroupMembershipEntity> getMemberships() {
        return memberships;
    }
}
