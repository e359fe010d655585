package nl.tafel.members.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.DirectoryFixture;
import nl.tafel.members.DirectoryNotFoundException;
import nl.tafel.members.DirectoryService;
import nl.tafel.members.MyDirectoryEntry;
import nl.tafel.members.OrganisationService;
import nl.tafel.members.Visibility;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The photo address answers the photo to who may see it, as a picture that cannot be sniffed into anything else. */
@TafelTest
class DirectoryPhotoControllerTest {

    @Autowired
    PhotoController controller;
    @Autowired
    DirectoryService directory;
    @Autowired
    OrganisationService organisations;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;

    @Test
    void thePhotoIsServedToSpaceMatesOnlyWhenSoChosen() {
        DirectoryFixture f = DirectoryFixture.create(jdbc, as, spaces, organisations, accounts);
        as.run(f.subject(), () -> {
            MyDirectoryEntry e = directory.myEntry();
            directory.updateMyEntry(new MyDirectoryEntry(null, Visibility.EVERYONE, Visibility.EVERYONE,
                    Visibility.EVERYONE, null, Visibility.EVERYONE, null, Visibility.EVERYONE,
                    Visibility.SPACE_MEMBERS, false, e.version()));
            directory.setMyPhoto("ik.png", new ByteArrayInputStream(DirectoryFixture.png()));
        });
        String id = String.valueOf(f.subjectId().value());

        ResponseEntity<byte[]> ok = as.call(f.mate(), () -> controller.photo(id));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getHeaders().getContentType()).hasToString("image/png");
        assertThat(ok.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ok.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
        assertThat(ok.getBody()).isEqualTo(DirectoryFixture.png());

        assertThat(refused(f.outsider(), id)).isTrue();
        assertThat(refused(f.outsider(), "geen-nummer")).isTrue();
        assertThat(controller.notFound().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private boolean refused(String viewer, String id) {
        try {
            as.call(viewer, () -> controller.photo(id));
            return false;
        } catch (DirectoryNotFoundException e) {
            return true;
        }
    }
}
