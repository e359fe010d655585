package nl.tafel.members.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface GroupRepository extends JpaRepository<GroupEntity, Long> {

    @Query("select distinct g from GroupEntity g left join fetch g.memberships m left join fetch m.person order by g.name")
    List<GroupEntity> findAllWithMembers();
}
