package nl.tafel.members;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's directory page: its short profile (sanitized HTML), the people whose link to it the viewer may
 * see, and the spaces those people take part in that the viewer may see (administrators: all of them), with the
 * number of other spaces.
 */
public record DirectoryOrganisation(long id, String name, @Nullable String descriptionHtml, @Nullable String website,
        List<DirectoryCard> people, List<Space> spaces, int otherSpaces) {

    /** A space the organisation takes part in, with the path of its page. */
    public record Space(String name, String path) {
    }
}
