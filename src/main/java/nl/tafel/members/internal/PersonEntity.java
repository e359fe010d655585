package nl.tafel.members.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import nl.tafel.members.AppRole;
import nl.tafel.members.PersonStatus;
import nl.tafel.members.Visibility;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private @Nullable OrganisationEntity organisation;

    @Column(name = "function_title", length = 200)
    private @Nullable String function;

    @Column(length = 40)
    private @Nullable String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "app_role", nullable = false, length = 20)
    private AppRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PersonStatus status;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private @Nullable Instant activatedAt;

    @Column(name = "deactivated_at")
    private @Nullable Instant deactivatedAt;

    @Column(length = 2000)
    private @Nullable String bio;

    @Enumerated(EnumType.STRING)
    @Column(name = "function_visibility", nullable = false, length = 20)
    private Visibility functionVisibility = Visibility.EVERYONE;

    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_visibility", nullable = false, length = 20)
    private Visibility organisationVisibility = Visibility.EVERYONE;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_visibility", nullable = false, length = 20)
    private Visibility emailVisibility = Visibility.SPACE_MEMBERS;

    @Enumerated(EnumType.STRING)
    @Column(name = "phone_visibility", nullable = false, length = 20)
    private Visibility phoneVisibility = Visibility.SPACE_MEMBERS;

    @Enumerated(EnumType.STRING)
    @Column(name = "bio_visibility", nullable = false, length = 20)
    private Visibility bioVisibility = Visibility.EVERYONE;

    @Enumerated(EnumType.STRING)
    @Column(name = "photo_visibility", nullable = false, length = 20)
    private Visibility photoVisibility = Visibility.EVERYONE;

    @Version
    private long version;

    protected PersonEntity() {
        this.email = "";
        this.fullName = "";
        this.role = AppRole.MEMBER;
        this.status = PersonStatus.INVITED;
        this.locale = "nl";
        this.createdAt = Instant.EPOCH;
    }

    public PersonEntity(String email, String fullName, AppRole role, Locale locale, Instant createdAt) {
        this.email = email;
        this.fullName = fullName;
        this.role = role;
        this.status = PersonStatus.INVITED;
        this.locale = locale.toLanguageTag();
        this.createdAt = createdAt;
    }

    public PersonId personId() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return PersonId.of(id);
    }

    public void setPassword(String hash, Instant now) {
        this.passwordHash = hash;
        if (status == PersonStatus.INVITED) {
            status = PersonStatus.ACTIVE;
            activatedAt = now;
        }
    }

    public void deactivate(Instant now) {
        status = PersonStatus.DEACTIVATED;
        deactivatedAt = now;
    }

    public void reactivate() {
        status = passwordHash == null ? PersonStatus.INVITED : PersonStatus.ACTIVE;
        deactivatedAt = null;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public @Nullable OrganisationEntity getOrganisation() {
        return organisation;
    }

    public void setOrganisation(@Nullable OrganisationEntity organisation) {
        this.organisation = organisation;
    }

    public @Nullable String getFunction() {
        return function;
    }

    public void setFunction(@Nullable String function) {
        this.function = function;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    public void setPhone(@Nullable String phone) {
        this.phone = phone;
    }

    public AppRole getRole() {
        return role;
    }

    public void setRole(AppRole role) {
        this.role = role;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public void setLocale(Locale locale) {
        this.locale = locale.toLanguageTag();
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable String getBio() {
        return bio;
    }

    public void setBio(@Nullable String bio) {
        this.bio = bio;
    }

    public Visibility getFunctionVisibility() {
        return functionVisibility;
    }

    public Visibility getOrganisationVisibility() {
        return organisationVisibility;
    }

    public Visibility getEmailVisibility() {
        return emailVisibility;
    }

    public Visibility getPhoneVisibility() {
        return phoneVisibility;
    }

    public Visibility getBioVisibility() {
        return bioVisibility;
    }

    public Visibility getPhotoVisibility() {
        return photoVisibility;
    }

    /** Who sees what of this person in the directory. */
    public void setVisibilities(Visibility function, Visibility organisation, Visibility email, Visibility phone,
            Visibility bio, Visibility photo) {
        this.functionVisibility = function;
        this.organisationVisibility = organisation;
        this.emailVisibility = email;
        this.phoneVisibility = phone;
        this.bioVisibility = bio;
        this.photoVisibility = photo;
    }

    public long getVersion() {
        return version;
    }
}
