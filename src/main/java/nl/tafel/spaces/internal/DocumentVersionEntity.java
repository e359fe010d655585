package nl.tafel.spaces.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.TextStatus;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;

/** One stored version of a document; never changed once written, except for its text extraction status. */
@Entity
@Table(name = "document_version")
public class DocumentVersionEntity {

    @Id
    private UUID id;

    @Column(name = "document_id", nullable = false)
    private UUID documentId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "uploaded_by", nullable = false)
    private long uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "restored_from")
    private @Nullable Integer restoredFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "text_status", nullable = false, length = 20)
    private TextStatus textStatus;

    @Column(name = "text_claimed_at")
    private @Nullable Instant textClaimedAt;

    protected DocumentVersionEntity() {
        this.id = UUID.randomUUID();
        this.documentId = id;
        this.sha256 = "";
        this.mediaType = "";
        this.originalName = "";
        this.uploadedAt = Instant.EPOCH;
        this.textStatus = TextStatus.PENDING;
    }

    public DocumentVersionEntity(DocumentEntity document, int number, String sha256, long size, String mediaType,
            String originalName, PersonId by, Instant now, @Nullable Integer restoredFrom) {
        this.id = UUID.randomUUID();
        this.documentId = document.getId();
        this.number = number;
        this.sha256 = sha256;
        this.size = size;
        this.mediaType = mediaType;
        this.originalName = originalName;
        this.uploadedBy = by.value();
        this.uploadedAt = now;
        this.restoredFrom = restoredFrom;
        this.textStatus = TextStatus.PENDING;
    }

    public VersionId versionId() {
        return new VersionId(id);
    }

    public UUID getId() {
        return id;
    }

    public UUID getDocumentId() {
        return documentId;
    }

    public int getNumber() {
        return number;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getOriginalName() {
        return originalName;
    }

    public PersonId uploadedBy() {
        return new PersonId(uploadedBy);
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public @Nullable Integer getRestoredFrom() {
        return restoredFrom;
    }

    public TextStatus getTextStatus() {
        return textStatus;
    }
}
