package nl.tafel.meetings.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.ItemRole;
import org.jspecify.annotations.Nullable;

/** An agenda item; its number comes from its position (and its parent's, for a sub-item). */
@Entity
@Table(name = "agenda_item")
public class AgendaItemEntity {

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ItemPurpose purpose;

    @Column(length = 200)
    private @Nullable String presenter;

    @Column(nullable = false)
    private int minutes;

    @Column(length = 4000)
    private @Nullable String description;

    @Column(nullable = false)
    private boolean standing;

    /** A standing item that closes the agenda (Rondvraag, Sluiting): new items go in before these. */
    @Column(nullable = false)
    private boolean closing;

    /** What a standing item is for (Actielijst, Rondvraag...), kept when it is renamed; null for other items. */
    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private @Nullable ItemRole role;

    protected AgendaItemEntity() {
        this.id = UUID.randomUUID();
        this.meetingId = id;
        this.title = "";
        this.purpose = ItemPurpose.INFORMATION;
    }

    public AgendaItemEntity(UUID meetingId, @Nullable UUID parentId, int position, boolean standing) {
        this();
        this.meetingId = meetingId;
        this.parentId = parentId;
        this.position = position;
        this.standing = standing;
    }

    public AgendaItemId itemId() {
        return new AgendaItemId(id);
    }

    public UUID getId() {
        return id;
    }

    public UUID getMeetingId() {
        return meetingId;
    }

    public @Nullable UUID getParentId() {
        return parentId;
    }

    public void place(@Nullable UUID parentId, int position) {
        this.parentId = parentId;
        this.position = position;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getTitle() {
        return title;
    }

    public ItemPurpose getPurpose() {
        return purpose;
    }

    public @Nullable String getPresenter() {
        return presenter;
    }

    public int getMinutes() {
        return minutes;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public boolean isStanding() {
        return standing;
    }

    public boolean isClosing() {
        return closing;
    }

    public void setClosing(boolean closing) {
        this.closing = closing;
    }

    public @Nullable ItemRole getRole() {
        return role;
    }

    public void setRole(@Nullable ItemRole role) {
        this.role = role;
    }

    public void set(String title, ItemPurpose purpose, @Nullable String presenter, int minutes,
            @Nullable String description) {
        this.title = title;
        this.purpose = purpose;
        this.presenter = presenter;
        this.minutes = minutes;
        this.description = description;
    }
}
