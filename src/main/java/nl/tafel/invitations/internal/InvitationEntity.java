package nl.tafel.invitations.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The calendar identity of an invited meeting: a UID that never changes, a SEQUENCE raised on every change that
 * invitees must hear of, and a fingerprint of what the last invitation said.
 */
@Entity
@Table(name = "invitation")
public class InvitationEntity {

    @Id
    @Column(name = "meeting_id")
    private UUID meetingId;

    @Column(nullable = false, length = 200)
    private String uid;

    @Column(nullable = false)
    private int sequence;

    @Column(length = 64)
    private @Nullable String fingerprint;

    @Column(name = "starts_at")
    private @Nullable Instant startsAt;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "reminded_at")
    private @Nullable Instant remindedAt;

    @Version
    private long version;

    protected InvitationEntity() {
        this.meetingId = new UUID(0, 0);
        this.uid = "";
    }

    public UUID getMeetingId() {
        return meetingId;
    }

    public String getUid() {
        return uid;
    }

    public int getSequence() {
        return sequence;
    }

    /** Whether invitations went out (the row is created empty, under a lock, before the first ones are sent). */
    public boolean isSent() {
        return fingerprint != null;
    }

    public @Nullable String getFingerprint() {
        return fingerprint;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Records what is being sent now; a later change of the start time asks for a new reminder. */
    public void sending(String fingerprint, Instant startsAt) {
        if (this.fingerprint != null) {
            sequence++;
        }
        if (this.startsAt != null && !this.startsAt.equals(startsAt)) {
            remindedAt = null;
        }
        this.fingerprint = fingerprint;
        this.startsAt = startsAt;
    }

    /** Raises the SEQUENCE to at least {@code atLeast}, for a mail to one person (see {@code Inviter}). */
    public void raise(int atLeast) {
        sequence = Math.max(sequence + 1, atLeast);
    }

    public void cancel() {
        sequence++;
        cancelled = true;
    }

    public void reminded(Instant now) {
        remindedAt = now;
    }
}
