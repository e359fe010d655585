package nl.tafel.members.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's directory photo (at most a few megabytes, checked to be an image by its bytes). */
@Entity
@Table(name = "person_photo")
public class PersonPhotoEntity {

    @Id
    @Column(name = "person_id")
    private long personId;

    @Column(name = "media_type", nullable = false, length = 40)
    private String mediaType;

    @Lob
    @Column(nullable = false, columnDefinition = "MEDIUMBLOB")
    private byte[] content;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonPhotoEntity() {
        this.mediaType = "";
        this.content = new byte[0];
        this.sha256 = "";
        this.updatedAt = Instant.EPOCH;
    }

    public PersonPhotoEntity(long personId, String mediaType, byte[] content, String sha256, Instant updatedAt) {
        this.personId = personId;
        this.mediaType = mediaType;
        this.content = content.clone();
        this.sha256 = sha256;
        this.updatedAt = updatedAt;
    }

    public void replace(String mediaType, byte[] content, String sha256, Instant updatedAt) {
        this.mediaType = mediaType;
        this.content = content.clone();
        this.sha256 = sha256;
        this.updatedAt = updatedAt;
    }

    public long getPersonId() {
        return personId;
    }

    public String getMediaType() {
        return mediaType;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }
}
