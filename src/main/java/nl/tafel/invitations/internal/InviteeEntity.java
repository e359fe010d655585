package nl.tafel.invitations.internal;

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
import java.util.Locale;
import java.util.UUID;
import nl.tafel.invitations.Answer;
import nl.tafel.invitations.AnsweredVia;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** A member of the space or a guest, invited to one meeting, with their answer and their last invitation mail. */
@Entity
@Table(name = "invitee")
public class InviteeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "person_id")
    private @Nullable Long personId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 20)
    private String locale;

    @Column(nullable = false)
    private boolean required;

    @Column(nullable = false)
    private boolean guest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Answer answer;

    @Column(name = "answered_at")
    private @Nullable Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "answered_via", length = 20)
    private @Nullable AnsweredVia answeredVia;

    @Column(name = "recorded_by")
    private @Nullable Long recordedBy;

    /** The meeting's time when the answer was given; an answer for another time predates a change of time. */
    @Column(name = "answered_starts_at")
    private @Nullable Instant answeredStartsAt;

    @Column(name = "answered_ends_at")
    private @Nullable Instant answeredEndsAt;

    @Column(nullable = false)
    private boolean removed;

    @Column(name = "invited_sequence")
    private @Nullable Integer invitedSequence;

    @Column(name = "last_mail_id")
    private @Nullable Long lastMailId;

    @Version
    private long version;

    protected InviteeEntity() {
        this.meetingId = new UUID(0, 0);
        this.email = "";
        this.name = "";
        this.locale = "nl";
        this.answer = Answer.NEEDS_ACTION;
    }

    public InviteeEntity(UUID meetingId, @Nullable PersonId person, String email, String name, Locale locale,
            boolean required, boolean guest) {
        this.meetingId = meetingId;
        this.personId = person == null ? null : person.value();
        this.email = email;
        this.name = name;
        this.locale = locale.toLanguageTag();
        this.required = required;
        this.guest = guest;
        this.answer = Answer.NEEDS_ACTION;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public UUID getMeetingId() {
        return meetingId;
    }

    public @Nullable PersonId personId() {
        return personId == null ? null : new PersonId(personId);
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public boolean isGuest() {
        return guest;
    }

    public Answer getAnswer() {
        return answer;
    }

    public @Nullable Instant getAnsweredAt() {
        return answeredAt;
    }

    public @Nullable AnsweredVia getAnsweredVia() {
        return answeredVia;
    }

    public @Nullable PersonId recordedBy() {
        return recordedBy == null ? null : new PersonId(recordedBy);
    }

    /** Records an answer for the meeting as it is planned now ({@code startsAt}–{@code endsAt}). */
    public void answer(Answer answer, AnsweredVia via, Instant now, @Nullable PersonId recordedBy, Instant startsAt,
            Instant endsAt) {
        this.answer = answer;
        this.answeredVia = via;
        this.answeredAt = now;
        this.recordedBy = recordedBy == null ? null : recordedBy.value();
        this.answeredStartsAt = startsAt;
        this.answeredEndsAt = endsAt;
    }

    /**
     * Whether the answer was given before the meeting moved to {@code startsAt}–{@code endsAt}: it is kept, but shown
     * as given before the change. Answers recorded before Tafel remembered the time count as current.
     */
    public boolean answeredBeforeChange(Instant startsAt, Instant endsAt) {
        return answer != Answer.NEEDS_ACTION && answeredStartsAt != null && answeredEndsAt != null
                && (!answeredStartsAt.equals(startsAt) || !answeredEndsAt.equals(endsAt));
    }

    /** A row made for a guest whose address turns out to be a member's: they are invited as the member they are. */
    public void becomeMember(PersonId person, String name, Locale locale) {
        this.personId = person.value();
        this.name = name;
        this.locale = locale.toLanguageTag();
        this.guest = false;
        this.required = true;
    }

    /** The SEQUENCE of the last calendar mail this invitee was sent, or -1 if none. */
    public int lastSequence() {
        return invitedSequence == null ? -1 : invitedSequence;
    }

    public boolean isRemoved() {
        return removed;
    }

    public void setRemoved(boolean removed) {
        this.removed = removed;
    }

    /** Whether this invitee has been sent an invitation for the meeting. */
    public boolean isInvited() {
        return invitedSequence != null;
    }

    public void mailed(int sequence, long mailId) {
        this.invitedSequence = sequence;
        this.lastMailId = mailId;
    }

    public @Nullable Long getLastMailId() {
        return lastMailId;
    }

    public long getVersion() {
        return version;
    }
}
