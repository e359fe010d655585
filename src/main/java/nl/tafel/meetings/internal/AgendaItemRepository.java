package nl.tafel.meetings.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgendaItemRepository extends JpaRepository<AgendaItemEntity, UUID> {

    @Query("select i from AgendaItemEntity i where i.meetingId = :meetingId order by i.position")
    List<AgendaItemEntity> findByMeeting(UUID meetingId);

    boolean existsByIdAndMeetingId(UUID id, UUID meetingId);
}
