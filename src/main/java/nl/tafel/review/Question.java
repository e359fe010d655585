package nl.tafel.review;

import java.time.Instant;
import nl.tafel.meetings.AgendaItemId;
import org.jspecify.annotations.Nullable;

/**
 * A question to an agenda item, as the person may see it.
 *
 * @param mine whether the person asked it (they may withdraw it while it is open)
 * @param canMarkAnswered whether the person leads the meeting (chair, secretary, minute taker)
 */
public record Question(long id, AgendaItemId itemId, String text, String askedBy, boolean mine,
        QuestionVisibility visibility, Instant askedAt, @Nullable Instant answeredAt, @Nullable String answeredBy,
        boolean canMarkAnswered, long version) {

    public boolean answered() {
        return answeredAt != null;
    }
}
