package nl.tafel.members.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonPhotoRepository extends JpaRepository<PersonPhotoEntity, Long> {

    /** Person id and checksum of the photos of these people, without loading the images. */
    @Query("select p.personId, p.sha256 from PersonPhotoEntity p where p.personId in :ids")
    List<Object[]> checksums(Collection<Long> ids);
}
