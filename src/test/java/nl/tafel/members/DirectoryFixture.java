package nl.tafel.members;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fresh people for one directory test, so tests never see each other's profiles: a subject in an organisation, a
 * space-mate who shares a new space with them, and an outsider in no space at all.
 */
public record DirectoryFixture(String subject, String mate, String outsider, PersonId subjectId, long organisationId,
        String organisationName, SpaceId space, String spaceName, String tag) {

    public static DirectoryFixture create(JdbcTemplate jdbc, RunAs as, SpaceService spaces,
            OrganisationService organisations, AccountDirectory accounts) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String subject = "onderwerp-" + tag + "@test.example";
        String mate = "genoot-" + tag + "@test.example";
        String outsider = "vreemde-" + tag + "@test.example";
        person(jdbc, subject, "Sietske Onderwerp " + tag);
        person(jdbc, mate, "Gijs Genoot " + tag);
        person(jdbc, outsider, "Vera Vreemd " + tag);
        String orgName = "Koepel " + tag;
        long orgId = as.call(TestAccounts.ADMIN, () -> organisations.create(orgName,
                "Wij <script>alert('x')</script> **verbinden** ondernemers. <img src=x onerror=alert(1)>",
                "https://koepel.example").id());
        jdbc.update("update person set organisation_id = ? where email = ?", orgId, subject);
        PersonId subjectId = accounts.findByEmail(subject).orElseThrow().id();
        String spaceName = "Gidsruimte " + tag;
        SpaceId space = as.call(TestAccounts.SECRETARY, () -> {
            SpaceId id = spaces.create(spaceName, null);
            spaces.setMember(id, subjectId, SpaceRole.READER);
            spaces.setMember(id, accounts.findByEmail(mate).orElseThrow().id(), SpaceRole.READER);
            return id;
        });
        return new DirectoryFixture(subject, mate, outsider, subjectId, orgId, orgName, space, spaceName, tag);
    }

    private static void person(JdbcTemplate jdbc, String email, String name) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into person (email, full_name, app_role, status, locale, password_hash, created_at,
                    activated_at, version)
                values (?, ?, 'MEMBER', 'ACTIVE', 'nl', 'x', ?, ?, 0)""", email, name, now, now);
    }

    /** A real PNG picture, 4 by 4 pixels. */
    public static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
