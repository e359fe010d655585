package nl.tafel.review.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuestionRepository extends JpaRepository<QuestionEntity, Long> {

    List<QuestionEntity> findByMeetingIdOrderByAskedAtAscIdAsc(UUID meetingId);
}
