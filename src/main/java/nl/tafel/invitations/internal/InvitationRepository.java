package nl.tafel.invitations.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InvitationRepository extends JpaRepository<InvitationEntity, UUID> {

    /** Creates the empty row if it is missing, so that the lock below always has a row to hold. */
    @Modifying
    @Query(value = "insert ignore into invitation (meeting_id, uid, sequence, cancelled, version)"
            + " values (:meeting, :uid, 0, false, 0)", nativeQuery = true)
    void createIfMissing(@Param("meeting") UUID meeting, @Param("uid") String uid);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from InvitationEntity i where i.meetingId = :meeting")
    Optional<InvitationEntity> lock(@Param("meeting") UUID meeting);

    /** Invited meetings starting within the reminder window that have not had their reminder yet. */
    @Query(value = """
            select meeting_id from invitation
            where cancelled = false and fingerprint is not null and reminded_at is null
              and starts_at > :now and starts_at <= :until
            order by starts_at limit 20 for update skip locked""", nativeQuery = true)
    List<UUID> dueForReminder(@Param("now") Instant now, @Param("until") Instant until);
}
