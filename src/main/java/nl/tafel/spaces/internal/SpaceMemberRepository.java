package nl.tafel.spaces.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SpaceMemberRepository extends JpaRepository<SpaceMemberEntity, SpaceMemberEntity.Key> {

    @Query("select m from SpaceMemberEntity m where m.key.personId = :personId")
    List<SpaceMemberEntity> findByPerson(long personId);

    @Query("select m from SpaceMemberEntity m where m.key.spaceId = :spaceId")
    List<SpaceMemberEntity> findBySpace(UUID spaceId);

    @Query("select count(m) from SpaceMemberEntity m where m.key.spaceId = :spaceId")
    long countBySpace(UUID spaceId);

    @Query("select m from SpaceMemberEntity m where m.key.personId in :personIds")
    List<SpaceMemberEntity> findByPeople(java.util.Collection<Long> personIds);

    @Query("select m from SpaceMemberEntity m where m.key.spaceId in :spaceIds")
    List<SpaceMemberEntity> findBySpaces(java.util.Collection<UUID> spaceIds);
}
