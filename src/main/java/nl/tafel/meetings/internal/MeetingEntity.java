package nl.tafel.meetings.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "meeting")
public class MeetingEntity {

    @Id
    private UUID id;

    @Column(name = "space_id", nullable = false)
    private UUID spaceId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MeetingForm form;

    @Column(length = 300)
    private @Nullable String location;

    @Column(name = "join_url", length = 1000)
    private @Nullable String joinUrl;

    @Column(name = "chair_id")
    private @Nullable Long chairId;

    @Column(name = "minute_taker_id")
    private @Nullable Long minuteTakerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MeetingStatus status;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @Column(name = "series_id")
    private @Nullable UUID seriesId;

    @Column(name = "agenda_version", nullable = false)
    private long agendaVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    /** Recorded afterwards: a meeting that took place before Tafel ("archief"). */
    @Column(nullable = false)
    private boolean archive;

    @Column(name = "send_invitations", nullable = false)
    private boolean sendInvitations = true;

    @Version
    private long version;

    protected MeetingEntity() {
        this.id = UUID.randomUUID();
        this.spaceId = id;
        this.title = "";
        this.startsAt = Instant.EPOCH;
        this.endsAt = Instant.EPOCH;
        this.form = MeetingForm.PHYSICAL;
        this.status = MeetingStatus.CONCEPT;
        this.createdAt = Instant.EPOCH;
    }

    public MeetingEntity(SpaceId space, PersonId by, Instant now) {
        this();
        this.id = UUID.randomUUID();
        this.spaceId = space.value();
        this.createdBy = by.value();
        this.createdAt = now;
    }

    public MeetingId meetingId() {
        return new MeetingId(id);
    }

    public SpaceId spaceId() {
        return new SpaceId(spaceId);
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public MeetingForm getForm() {
        return form;
    }

    public @Nullable String getLocation() {
        return location;
    }

    public @Nullable String getJoinUrl() {
        return joinUrl;
    }

    public PersonId createdBy() {
        return new PersonId(createdBy);
    }

    public @Nullable PersonId chair() {
        return chairId == null ? null : new PersonId(chairId);
    }

    public @Nullable PersonId minuteTaker() {
        return minuteTakerId == null ? null : new PersonId(minuteTakerId);
    }

    /** Sets the meeting's data; returns whether time, place or link changed (what invitations care about). */
    public boolean set(String title, Instant startsAt, Instant endsAt, MeetingForm form, @Nullable String location,
            @Nullable String joinUrl, @Nullable PersonId chair, @Nullable PersonId minuteTaker) {
        boolean significant = !startsAt.equals(this.startsAt) || !endsAt.equals(this.endsAt) || form != this.form
                || !java.util.Objects.equals(location, this.location)
                || !java.util.Objects.equals(joinUrl, this.joinUrl);
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.form = form;
        this.location = location;
        this.joinUrl = joinUrl;
        this.chairId = chair == null ? null : chair.value();
        this.minuteTakerId = minuteTaker == null ? null : minuteTaker.value();
        return significant;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public void setStatus(MeetingStatus status) {
        this.status = status;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    public void publish(Instant now) {
        this.status = MeetingStatus.PUBLISHED;
        this.publishedAt = now;
    }

    /** Publishes; invitations go out only when asked for, and never for an archived meeting. */
    public void publish(Instant now, boolean invitations) {
        publish(now);
        this.sendInvitations = invitations && !archive;
    }

    public boolean isArchive() {
        return archive;
    }

    /** Marks the meeting as recorded afterwards: it never sends invitations. */
    public void markArchive() {
        this.archive = true;
        this.sendInvitations = false;
    }

    public boolean sendsInvitations() {
        return sendInvitations;
    }

    public @Nullable UUID getSeriesId() {
        return seriesId;
    }

    public void setSeriesId(@Nullable UUID seriesId) {
        this.seriesId = seriesId;
    }

    public long getAgendaVersion() {
        return agendaVersion;
    }

    public void agendaChanged() {
        this.agendaVersion++;
    }

    public long getVersion() {
        return version;
    }
}
