package nl.tafel.news;

import java.time.Instant;
import java.util.List;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * One post for its page and its editor.
 *
 * @param text the Markdown as written (for the editor)
 * @param html the text rendered and sanitized: the only form a browser gets
 * @param programHtml the event's program, rendered and sanitized, or null
 * @param canEdit the person may change it, pin it, close comments and see the sign-ups
 */
public record PostDetails(PostId id, @Nullable SpaceId space, @Nullable String spaceName, String title,
        String text, String html, Instant publishAt, boolean scheduled, boolean pinned, boolean commentsClosed,
        PersonId authorId, String authorName, Instant updatedAt, long version, @Nullable String imageUrl,
        List<Attachment> attachments, @Nullable EventDraft event, @Nullable String programHtml,
        @Nullable EventInfo eventInfo, List<Reaction> reactions, List<CommentView> comments, boolean canEdit,
        boolean canComment) {

    /** A document attached to the post, with the address that serves it to those who may read the post. */
    public record Attachment(DocumentId id, String name, String url) {
    }

    /** How many reacted with this kind, and whether the person did. */
    public record Reaction(ReactionKind kind, int count, boolean mine) {
    }

    /** A comment; its text rendered and sanitized. */
    public record CommentView(long id, String authorName, String html, Instant at, boolean canDelete) {
    }
}
