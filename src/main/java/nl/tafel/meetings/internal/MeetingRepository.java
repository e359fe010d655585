package nl.tafel.meetings.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface MeetingRepository extends JpaRepository<MeetingEntity, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MeetingEntity m where m.id = :id")
    Optional<MeetingEntity> lock(UUID id);

    @Query("""
            select m from MeetingEntity m where m.spaceId in :spaces and m.startsAt >= :from and m.startsAt < :to
            order by m.startsAt""")
    List<MeetingEntity> findInSpaces(Collection<UUID> spaces, Instant from, Instant to);
}
