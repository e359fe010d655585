package nl.tafel.spaces.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SpaceRepository extends JpaRepository<SpaceEntity, UUID> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, UUID id);

    @Query("select s from SpaceEntity s order by s.archived, s.name")
    List<SpaceEntity> findAllOrdered();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SpaceEntity s where s.id = :id")
    Optional<SpaceEntity> lock(UUID id);
}
