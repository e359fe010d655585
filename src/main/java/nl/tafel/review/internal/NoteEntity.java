package nl.tafel.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.VersionId;
import org.jspecify.annotations.Nullable;

/** A note of one person on a document (and page) as it was in one version. */
@Entity
@Table(name = "review_note")
public class NoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "space_id", nullable = false)
    private UUID spaceId;

    @Column(name = "document_id", nullable = false)
    private UUID documentId;

    @Column(name = "version_id", nullable = false)
    private UUID versionId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(name = "document_name", nullable = false, length = 255)
    private String documentName;

    private @Nullable Integer page;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(nullable = false)
    private boolean shared;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected NoteEntity() {
        this.spaceId = new UUID(0, 0);
        this.documentId = spaceId;
        this.versionId = spaceId;
        this.documentName = "";
        this.body = "";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = createdAt;
    }

    public NoteEntity(PersonId author, SpaceId space, DocumentId document, VersionId version, int versionNumber,
            String documentName, @Nullable Integer page, String body, boolean shared, Instant now) {
        this.authorId = author.value();
        this.spaceId = space.value();
        this.documentId = document.value();
        this.versionId = version.value();
        this.versionNumber = versionNumber;
        this.documentName = documentName;
        this.page = page;
        this.body = body;
        this.shared = shared;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void change(String body, boolean shared, Instant now) {
        this.body = body;
        this.shared = shared;
        this.updatedAt = now;
    }

    public void renamed(String documentName) {
        this.documentName = documentName;
    }

    public long id() {
        return java.util.Objects.requireNonNull(id);
    }

    public PersonId author() {
        return new PersonId(authorId);
    }

    public SpaceId spaceId() {
        return new SpaceId(spaceId);
    }

    public DocumentId documentId() {
        return new DocumentId(documentId);
    }

    public VersionId versionId() {
        return new VersionId(versionId);
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getDocumentName() {
        return documentName;
    }

    public @Nullable Integer getPage() {
        return page;
    }

    public String getBody() {
        return body;
    }

    public boolean isShared() {
        return shared;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
