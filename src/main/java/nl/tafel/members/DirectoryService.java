package nl.tafel.members;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.tafel.members.internal.OrganisationEntity;
import nl.tafel.members.internal.OrganisationRepository;
import nl.tafel.members.internal.PersonEntity;
import nl.tafel.members.internal.PersonPhotoEntity;
import nl.tafel.members.internal.PersonPhotoRepository;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.Images;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.text.Markdown;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member directory (ledengids): people and organisations as the viewer may see them.
 * <p>Each part of a person's profile (function, organisation, e-mail, phone, bio, photo) has a {@link Visibility}.
 * The rules are applied here, not in the views: a person always sees their whole own profile; administrators see
 * everything (they run the association and already manage these details); everyone else sees a part when it is
 * {@link Visibility#EVERYONE}, or {@link Visibility#SPACE_MEMBERS} and they share a not-archived space. Searching only
 * matches the parts the viewer may see, so a hidden function cannot be found by guessing. Deactivated people are not
 * in the directory.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DirectoryService {

    /** Most cards one search shows; a more precise search finds the rest. */
    public static final int MAX_RESULTS = 60;
    public static final long MAX_PHOTO_BYTES = 2L * 1024 * 1024;

    private static final Pattern PHONE = Pattern.compile("[+0-9 ()\\-]{6,40}");

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final PersonPhotoRepository photos;
    private final SpaceMemberships spaces;
    private final Clock clock;

    DirectoryService(PersonRepository people, OrganisationRepository organisations, PersonPhotoRepository photos,
            SpaceMemberships spaces, Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.photos = photos;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** People whose name, or visible organisation or function, contains the text; empty text lists everyone. */
    @Transactional(readOnly = true)
    public List<DirectoryCard> search(@Nullable String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Viewer viewer = viewer();
        List<PersonEntity> found = new ArrayList<>();
        int page = 0;
        while (found.size() < MAX_RESULTS) {
            List<PersonEntity> batch = people.directoryCandidates(q, PageRequest.of(page++, 200));
            for (PersonEntity p : batch) {
                if (found.size() < MAX_RESULTS && matches(p, q, viewer)) {
                    found.add(p);
                }
            }
            if (batch.size() < 200) {
                break;
            }
        }
        return cards(found, viewer);
    }

    @Transactional(readOnly = true)
    public DirectoryProfile person(PersonId id) {
        PersonEntity p = people.findById(id.value()).filter(DirectoryService::listed)
                .orElseThrow(DirectoryNotFoundException::new);
        Viewer viewer = viewer();
        OrganisationEntity org = viewer.sees(p, p.getOrganisationVisibility()) ? p.getOrganisation() : null;
        String bio = viewer.sees(p, p.getBioVisibility()) && p.getBio() != null ? Markdown.toSafeHtml(p.getBio())
                : null;
        return new DirectoryProfile(p.personId(), p.getFullName(),
                viewer.sees(p, p.getFunctionVisibility()) ? p.getFunction() : null,
                org == null ? null : org.id(), org == null ? null : org.getName(),
                viewer.sees(p, p.getEmailVisibility()) ? p.getEmail() : null,
                viewer.sees(p, p.getPhoneVisibility()) ? p.getPhone() : null, bio,
                photoUrls(List.of(p), viewer).get(p.personId()), viewer.me().equals(p.personId()));
    }

    /**
     * The e-mail addresses of these people that the signed-in person may see by the directory's rules (their own, all
     * for administrators, otherwise as each person's e-mail visibility allows); the others are left out.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, String> visibleEmails(java.util.Collection<PersonId> ids) {
        Map<PersonId, String> visible = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return visible;
        }
        Viewer viewer = viewer();
        people.findAllById(ids.stream().map(PersonId::value).distinct().toList()).forEach(p -> {
            if (viewer.sees(p, p.getEmailVisibility())) {
                visible.put(p.personId(), p.getEmail());
            }
        });
        return visible;
    }

    @Transactional(readOnly = true)
    public DirectoryOrganisation organisation(long id) {
        OrganisationEntity org = organisations.findById(id).orElseThrow(DirectoryNotFoundException::new);
        Viewer viewer = viewer();
        List<PersonEntity> members = people.activeInOrganisation(id).stream()
                .filter(p -> viewer.sees(p, p.getOrganisationVisibility())).toList();
        List<DirectoryOrganisation.Space> visible = new ArrayList<>();
        int others = 0;
        for (SpaceMemberships.SpaceRef ref : spaces.spacesOf(members.stream().map(PersonEntity::personId).toList())) {
            if (viewer.admin() || ref.members().contains(viewer.me())) {
                visible.add(new DirectoryOrganisation.Space(ref.name(), ref.path()));
            } else {
                others++;
            }
        }
        return new DirectoryOrganisation(org.id(), org.getName(),
                org.getDescription() == null ? null : Markdown.toSafeHtml(org.getDescription()), org.getWebsite(),
                cards(members, viewer), visible, others);
    }

    @Transactional(readOnly = true)
    public MyDirectoryEntry myEntry() {
        return entry(mine());
    }

    /** Saves the signed-in person's own directory entry; refused when someone saved it since {@code version}. */
    @Transactional
    public MyDirectoryEntry updateMyEntry(MyDirectoryEntry entry) {
        PersonEntity me = mine();
        if (me.getVersion() != entry.version()) {
            throw new ConcurrentEditException();
        }
        String function = Texts.optional("function", entry.function(), 200);
        if (function != null && (function.indexOf('<') >= 0 || function.indexOf('>') >= 0)) {
            throw new FieldException("function", "validation.noAngleBrackets");
        }
        String phone = Texts.optional("phone", entry.phone(), 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new FieldException("phone", "directory.error.phone");
        }
        me.setFunction(function);
        me.setPhone(phone);
        me.setBio(bio(entry.bio()));
        me.setVisibilities(entry.functionVisibility(), entry.organisationVisibility(), entry.emailVisibility(),
                entry.phoneVisibility(), entry.bioVisibility(), entry.photoVisibility());
        people.saveAndFlush(me);
        return entry(me);
    }

    /**
     * Sets the signed-in person's photo: at most {@link #MAX_PHOTO_BYTES}, and a JPEG, PNG, GIF or WebP picture by its
     * bytes; anything else is refused with a message that names the file.
     */
    @Transactional
    public void setMyPhoto(String fileName, InputStream content) {
        PersonEntity me = mine();
        byte[] bytes;
        try (InputStream in = content) {
            bytes = in.readNBytes((int) MAX_PHOTO_BYTES + 1);
        } catch (IOException e) {
            throw new FieldException("photo", "upload.error.interrupted", fileName);
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            throw new FieldException("photo", "directory.error.photoTooLarge", fileName,
                    MAX_PHOTO_BYTES / (1024 * 1024));
        }
        String type = Images.type(bytes)
                .orElseThrow(() -> new FieldException("photo", "directory.error.notAnImage", fileName));
        String sha = sha256(bytes);
        long id = me.personId().value();
        photos.findById(id).ifPresentOrElse(p -> p.replace(type, bytes, sha, clock.instant()),
                () -> photos.save(new PersonPhotoEntity(id, type, bytes, sha, clock.instant())));
    }

    @Transactional
    public void removeMyPhoto() {
        long id = mine().personId().value();
        photos.findById(id).ifPresent(photos::delete);
    }

    /** A person's photo, for a viewer who may see it; otherwise (or without a photo) not found. */
    @Transactional(readOnly = true)
    public PhotoContent photo(PersonId id) {
        PersonEntity p = people.findById(id.value()).filter(DirectoryService::listed)
                .orElseThrow(DirectoryNotFoundException::new);
        if (!viewer().sees(p, p.getPhotoVisibility())) {
            throw new DirectoryNotFoundException();
        }
        PersonPhotoEntity photo = photos.findById(id.value()).orElseThrow(DirectoryNotFoundException::new);
        return new PhotoContent(photo.getMediaType(), photo.getContent(), photo.getSha256());
    }

    private List<DirectoryCard> cards(List<PersonEntity> list, Viewer viewer) {
        Map<PersonId, String> urls = photoUrls(list, viewer);
        return list.stream().map(p -> {
            OrganisationEntity org = viewer.sees(p, p.getOrganisationVisibility()) ? p.getOrganisation() : null;
            return new DirectoryCard(p.personId(), p.getFullName(),
                    viewer.sees(p, p.getFunctionVisibility()) ? p.getFunction() : null,
                    org == null ? null : org.id(), org == null ? null : org.getName(), urls.get(p.personId()));
        }).toList();
    }

    private Map<PersonId, String> photoUrls(List<PersonEntity> list, Viewer viewer) {
        Map<PersonId, String> urls = new HashMap<>();
        List<Long> ids = list.stream().filter(p -> viewer.sees(p, p.getPhotoVisibility()))
                .map(p -> p.personId().value()).toList();
        if (ids.isEmpty()) {
            return urls;
        }
        for (Object[] row : photos.checksums(ids)) {
            long id = (Long) row[0];
            urls.put(PersonId.of(id), photoPath(PersonId.of(id), (String) row[1]));
        }
        return urls;
    }

    /** The photo controller's address; the checksum makes a new photo a new address. */
    public static String photoPath(PersonId id, String sha256) {
        return "ledenfoto/" + id.value() + "?v=" + sha256.substring(0, 12);
    }

    private static boolean matches(PersonEntity p, String q, Viewer viewer) {
        if (q.isEmpty() || contains(p.getFullName(), q)) {
            return true;
        }
        OrganisationEntity org = p.getOrganisation();
        if (org != null && contains(org.getName(), q) && viewer.sees(p, p.getOrganisationVisibility())) {
            return true;
        }
        return contains(p.getFunction(), q) && viewer.sees(p, p.getFunctionVisibility());
    }

    private static boolean contains(@Nullable String value, String q) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(q);
    }

    private static boolean listed(PersonEntity p) {
        return p.getStatus() != PersonStatus.DEACTIVATED;
    }

    private static @Nullable String bio(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip().replace("\r\n", "\n");
        if (text.length() > 2000) {
            throw new FieldException("bio", "validation.tooLong", 2000);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new FieldException("bio", "validation.controlCharacters");
            }
        }
        return text;
    }

    private MyDirectoryEntry entry(PersonEntity p) {
        return new MyDirectoryEntry(p.getFunction(), p.getFunctionVisibility(), p.getOrganisationVisibility(),
                p.getEmailVisibility(), p.getPhone(), p.getPhoneVisibility(), p.getBio(), p.getBioVisibility(),
                p.getPhotoVisibility(), photos.existsById(p.personId().value()), p.getVersion());
    }

    private PersonEntity mine() {
        return people.findById(CurrentUser.requirePersonId().value())
                .orElseThrow(() -> new TafelException("members.error.personGone"));
    }

    private Viewer viewer() {
        PersonId me = CurrentUser.requirePersonId();
        return new Viewer(me, CurrentUser.hasAnyRole(AppRole.ADMINISTRATOR.name()), spaces);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who is looking; their space-mates are looked up once, and only when a part is for space members. */
    private static final class Viewer {
        private final PersonId me;
        private final boolean admin;
        private final SpaceMemberships spaces;
        private @Nullable Set<PersonId> mates;

        Viewer(PersonId me, boolean admin, SpaceMemberships spaces) {
            this.me = me;
            this.admin = admin;
            this.spaces = spaces;
        }

        PersonId me() {
            return me;
        }

        boolean admin() {
            return admin;
        }

        boolean sees(PersonEntity p, Visibility visibility) {
            if (admin || me.equals(p.personId()) || visibility == Visibility.EVERYONE) {
                return true;
            }
            if (visibility == Visibility.HIDDEN) {
                return false;
            }
            Set<PersonId> known = mates;
            if (known == null) {
                known = new HashSet<>(spaces.spaceMates(me));
                mates = known;
            }
            return known.contains(p.personId());
        }
    }
}
