package nl.tafel.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.review.QuestionVisibility;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A question to an agenda item. */
@Entity
@Table(name = "review_question")
public class QuestionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "item_id", nullable = false)
    private UUID itemId;

    @Column(name = "asked_by", nullable = false)
    private long askedBy;

    @Column(nullable = false, length = 2000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private QuestionVisibility visibility;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "answered_at")
    private @Nullable Instant answeredAt;

    @Column(name = "answered_by")
    private @Nullable Long answeredBy;

    @Version
    private long version;

    protected QuestionEntity() {
        this.meetingId = new UUID(0, 0);
        this.itemId = meetingId;
        this.body = "";
        this.visibility = QuestionVisibility.LEADS;
        this.askedAt = Instant.EPOCH;
    }

    public QuestionEntity(MeetingId meeting, AgendaItemId item, PersonId askedBy, String body,
            QuestionVisibility visibility, Instant now) {
        this.meetingId = meeting.value();
        this.itemId = item.value();
        this.askedBy = askedBy.value();
        this.body = body;
        this.visibility = visibility;
        this.askedAt = now;
    }

    public void answered(@Nullable PersonId by, @Nullable Instant at) {
        this.answeredBy = by == null ? null : by.value();
        this.answeredAt = at;
    }

    public long id() {
        return java.util.Objects.requireNonNull(id);
    }

    public MeetingId meetingId() {
        return new MeetingId(meetingId);
    }

    public AgendaItemId itemId() {
        return new AgendaItemId(itemId);
    }

    public PersonId askedBy() {
        return new PersonId(askedBy);
    }

    public @Nullable PersonId answeredBy() {
        return answeredBy == null ? null : new PersonId(answeredBy);
    }

    public String getBody() {
        return body;
    }

    public QuestionVisibility getVisibility() {
        return visibility;
    }

    public Instant getAskedAt() {
        return askedAt;
    }

    public @Nullable Instant getAnsweredAt() {
        return answeredAt;
    }

    public long getVersion() {
        return version;
    }
}
