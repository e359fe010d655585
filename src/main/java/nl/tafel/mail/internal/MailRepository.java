package nl.tafel.mail.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailRepository extends JpaRepository<MailEntity, Long> {

    Page<MailEntity> findAllByOrderByIdDesc(Pageable page);

    java.util.Optional<MailEntity> findByDedupeKey(String dedupeKey);

    /** Claims one due mail; other instances skip the locked row instead of sending it twice. */
    @Query(value = """
            select id from mail_outbox
            where status = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at, id limit 1
            for update skip locked""", nativeQuery = true)
    List<Long> claimDue(@Param("now") Instant now);

    /**
     * Locks one given mail if it is still due: not sent, and not waiting for a retry (the poller may have tried it
     * first and failed; a second try right after would burn a retry without waiting).
     */
    @Query(value = """
            select id from mail_outbox where id = :id and status = 'PENDING' and next_attempt_at <= :now
            for update skip locked""", nativeQuery = true)
    List<Long> claim(@Param("id") long id, @Param("now") Instant now);
}
