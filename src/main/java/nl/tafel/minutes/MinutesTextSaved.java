package nl.tafel.minutes;

import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;

/** An item's minutes text was saved: what others who have the minutes open should now see (in-JVM, after commit). */
public record MinutesTextSaved(MeetingId meetingId, AgendaItemId itemId, long version, String text, String html,
        String by) {
}
