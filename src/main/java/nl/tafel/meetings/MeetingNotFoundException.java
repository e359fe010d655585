package nl.tafel.meetings;

import nl.tafel.shared.TafelException;

/** A meeting or item that does not exist or that the person may not see (a concept, for a reader). */
public class MeetingNotFoundException extends TafelException {

    public MeetingNotFoundException() {
        super("meetings.error.notFound");
    }
}
