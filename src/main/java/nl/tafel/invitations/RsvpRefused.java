package nl.tafel.invitations;

import nl.tafel.shared.TafelException;

/** An RSVP link that cannot be used: tampered with, expired, or for a meeting that was cancelled or is over. */
public class RsvpRefused extends TafelException {

    public RsvpRefused(String messageKey) {
        super(messageKey);
    }
}
