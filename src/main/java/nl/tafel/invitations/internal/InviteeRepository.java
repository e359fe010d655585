package nl.tafel.invitations.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InviteeRepository extends JpaRepository<InviteeEntity, Long> {

    List<InviteeEntity> findByMeetingIdOrderByNameAscIdAsc(UUID meetingId);

    Optional<InviteeEntity> findByMeetingIdAndEmail(UUID meetingId, String email);

    Optional<InviteeEntity> findByMeetingIdAndPersonId(UUID meetingId, Long personId);

    List<InviteeEntity> findByPersonIdAndRemovedFalse(Long personId);
}
