package nl.tafel.spaces.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentVersionRepository extends JpaRepository<DocumentVersionEntity, UUID> {

    @Query("select v from DocumentVersionEntity v where v.documentId = :documentId order by v.number desc")
    List<DocumentVersionEntity> findByDocument(UUID documentId);

    @Query("select v from DocumentVersionEntity v where v.documentId = :documentId and v.number = :number")
    Optional<DocumentVersionEntity> findByNumber(UUID documentId, int number);

    /** The current versions of these documents. */
    @Query("""
            select v from DocumentVersionEntity v, DocumentEntity d
            where v.documentId = d.id and v.number = d.currentVersion and d.id in :documentIds""")
    List<DocumentVersionEntity> findCurrent(java.util.Collection<UUID> documentIds);

    @Query("select distinct v.sha256 from DocumentVersionEntity v")
    List<String> allHashes();

    @Query("select count(v) > 0 from DocumentVersionEntity v where v.sha256 = :sha256")
    boolean isReferenced(String sha256);
}
