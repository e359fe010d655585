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

public interface DocumentRepository extends JpaRepository<DocumentEntity, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from DocumentEntity d where d.id = :id")
    Optional<DocumentEntity> lock(UUID id);

    @Query("select count(d) from DocumentEntity d where d.folderId = :folderId and d.deletedAt is null")
    long countLive(UUID folderId);

    /** A page of a folder's documents; the sort comes with the page. */
    @Query("select d from DocumentEntity d where d.folderId = :folderId and d.deletedAt is null")
    List<DocumentEntity> findLive(UUID folderId, Pageable page);

    @Query("select d from DocumentEntity d where d.spaceId = :spaceId and d.deletedAt is null")
    List<DocumentEntity> findAllLiveInSpace(UUID spaceId);

    @Query("""
            select d from DocumentEntity d where d.spaceId = :spaceId and d.deletedAt is null
            and d.liveNameKey like concat('%', :text, '%') order by d.updatedAt desc""")
    List<DocumentEntity> findLiveInSpace(UUID spaceId, String text, Pageable page);

    @Query("select d from DocumentEntity d where d.folderId = :folderId and d.liveNameKey = :key")
    Optional<DocumentEntity> findLiveByName(UUID folderId, String key);

    @Query("select d from DocumentEntity d where d.folderId = :folderId")
    List<DocumentEntity> findAllInFolder(UUID folderId);

    @Query("select d from DocumentEntity d where d.spaceId = :spaceId and d.deletedAt is not null order by d.deletedAt desc")
    List<DocumentEntity> findTrashed(UUID spaceId);

    @Query("select d from DocumentEntity d where d.deletedAt < :before")
    List<DocumentEntity> findTrashedBefore(Instant before);

    @Query("""
            select d from DocumentEntity d where d.spaceId = :spaceId and d.updatedAt > :since and d.updatedBy <> :me
            order by d.updatedAt desc""")
    List<DocumentEntity> findChangedSince(UUID spaceId, Instant since, long me, Pageable page);

    @Query("""
            select count(d) from DocumentEntity d where d.spaceId = :spaceId and d.updatedAt > :since
            and d.updatedBy <> :me""")
    long countChangedSince(UUID spaceId, Instant since, long me);
}
