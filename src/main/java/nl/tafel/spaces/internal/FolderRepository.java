package nl.tafel.spaces.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FolderRepository extends JpaRepository<FolderEntity, UUID> {

    @Query("select f from FolderEntity f where f.spaceId = :spaceId and f.parentId is null")
    Optional<FolderEntity> findRoot(UUID spaceId);

    /** Locks a folder while a name in it is claimed, so that two people cannot take the same name at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from FolderEntity f where f.id = :id")
    Optional<FolderEntity> lock(UUID id);

    @Query("select count(f) from FolderEntity f where f.parentId = :parentId and f.deletedAt is null")
    long countLive(UUID parentId);

    @Query("select f from FolderEntity f where f.parentId = :parentId and f.deletedAt is null order by f.name")
    List<FolderEntity> findLive(UUID parentId, Pageable page);

    @Query("select f from FolderEntity f where f.parentId = :parentId and f.deletedAt is null order by f.name desc")
    List<FolderEntity> findLiveDescending(UUID parentId, Pageable page);

    @Query("select f from FolderEntity f where f.parentId = :parentId and f.liveNameKey = :key")
    Optional<FolderEntity> findLiveByName(UUID parentId, String key);

    @Query("select f from FolderEntity f where f.spaceId = :spaceId")
    List<FolderEntity> findBySpace(UUID spaceId);

    @Query("select f from FolderEntity f where f.spaceId = :spaceId and f.deletedAt is not null order by f.deletedAt desc")
    List<FolderEntity> findTrashed(UUID spaceId);

    @Query("select f from FolderEntity f where f.deletedAt < :before")
    List<FolderEntity> findTrashedBefore(Instant before);

    @Query("select f from FolderEntity f where f.parentId = :parentId")
    List<FolderEntity> findChildren(UUID parentId);
}
