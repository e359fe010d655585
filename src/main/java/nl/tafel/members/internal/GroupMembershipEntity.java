package nl.tafel.members.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import nl.tafel.members.GroupRole;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "group_membership")
public class GroupMembershipEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private @Nullable GroupEntity group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private @Nullable PersonEntity person;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_role", nullable = false, length = 20)
    private GroupRole role;

    protected GroupMembershipEntity() {
        this.role = GroupRole.MEMBER;
    }

    GroupMembershipEntity(GroupEntity group, PersonEntity person, GroupRole role) {
        this.group = group;
        this.person = person;
        this.role = role;
    }

    public @Nullable PersonEntity getPerson() {
        return person;
    }

    public GroupRole getRole() {
        return role;
    }
}
