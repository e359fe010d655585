package nl.tafel.meetings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The open actions a meeting's "Actielijst" item (by its role) shows: on the agenda page, in the prepare view and as
 * an annex of the agenda pack. The actions module implements it (actions depends on meetings, not the reverse); without
 * it the list is empty.
 */
public interface OpenActions {

    /** What the meeting's action list lists, for someone who may see the meeting. */
    List<OpenAction> of(MeetingId meeting);

    /**
     * One action: its number (A-2026-001), text, owners, due date, status (a translation key) and last progress
     * note.
     */
    record OpenAction(String number, String text, String owners, @Nullable LocalDate due, String statusKey,
            @Nullable String lastNote) {
    }
}
