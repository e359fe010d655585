package nl.tafel.notifications;

import java.util.List;
import java.util.UUID;
import nl.tafel.news.PostId;
import nl.tafel.spaces.SpaceId;
import org.jspecify.annotations.Nullable;

/**
 * A newsletter as its composer makes it. {@code id} is chosen when composing starts, so that sending it twice (a
 * double click, a retry) sends nothing twice.
 *
 * @param space the space whose members get it, or null for everyone
 */
public record NewsletterDraft(UUID id, @Nullable SpaceId space, String subject, String intro, List<PostId> posts) {
}
