package nl.tafel.invitations;

import java.time.Instant;
import nl.tafel.mail.MailStatus;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One invitee on the attendance page. {@code id} is null for a member of the space who has not been invited yet
 * (joined after publication). {@code mailStatus} and {@code mailError} describe the last invitation mail (the error
 * is for the log, never for a screen). {@code answerBeforeChange}: the answer was given before the time changed.
 * {@code withdrawn}: a member whose invitation was taken back, listed so that they can be invited again.
 */
public record InviteeRow(@Nullable Long id, @Nullable PersonId personId, String name, String email, boolean guest,
        boolean required, Answer answer, @Nullable Instant answeredAt, @Nullable AnsweredVia answeredVia,
        @Nullable String recordedBy, boolean invited, @Nullable MailStatus mailStatus, @Nullable String mailError,
        long version, boolean answerBeforeChange, boolean withdrawn) {
}
