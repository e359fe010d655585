package nl.tafel;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts tests sign in with ({@code @WithUserDetails}), one per application role, created once per database.
 * The member sits in a test board so that group views have something to show.
 */
public class TestAccounts implements ApplicationRunner {

    public static final String ADMIN = "admin@test.example";
    public static final String SECRETARY = "secretaris@test.example";
    public static final String MEMBER = "lid@test.example";
    /** A second member, for what readers of a space may and may not do. */
    public static final String READER = "lezer@test.example";
    /** A member in no space at all: everything of a space is "not found" for them. */
    public static final String OUTSIDER = "buiten@test.example";
    public static final String PASSWORD = "Test-wachtwoord-1";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    TestAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = encoder.encode(PASSWORD);
        person(ADMIN, "Ada Admin", "ADMINISTRATOR", hash);
        person(SECRETARY, "Sanne Secretaris", "SECRETARY", hash);
        person(MEMBER, "Lars Lid", "MEMBER", hash);
        person(READER, "Lotte Lezer", "MEMBER", hash);
        person(OUTSIDER, "Bram Buiten", "MEMBER", hash);
        jdbc.update("""
                insert ignore into member_group (name, kind, description, created_at, version)
                values ('Testbestuur', 'BOARD', 'Het bestuur van de tests', ?, 0)""", now());
        jdbc.update("""
                insert ignore into group_membership (group_id, person_id, group_role)
                select g.id, p.id, 'CHAIR' from member_group g, person p
                where g.name = 'Testbestuur' and p.email = ?""", MEMBER);
    }

    private void person(String email, String name, String role, String hash) {
        jdbc.update("""
                insert ignore into person (email, full_name, app_role, status, locale, password_hash, created_at,
                    activated_at, version)
                values (?, ?, ?, 'ACTIVE', 'nl', ?, ?, ?, 0)""", email, name, role, hash, now(), now());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
