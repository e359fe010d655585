package nl.tafel.review.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoteRepository extends JpaRepository<NoteEntity, Long> {

    /** The person's own notes on a document and the ones others shared, oldest first. */
    @Query("""
            select n from NoteEntity n where n.documentId = :document and (n.authorId = :author or n.shared = true)
            order by n.createdAt, n.id""")
    List<NoteEntity> visibleOn(UUID document, long author);

    @Query("select n from NoteEntity n where n.authorId = :author order by n.updatedAt desc, n.id desc")
    List<NoteEntity> byAuthor(long author);
}
