package nl.tafel.meetings;

import java.time.LocalDate;
import java.time.LocalTime;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;

/** What a secretary fills in for a meeting; date and times are in Europe/Amsterdam. */
public record MeetingDraft(String title, @Nullable LocalDate date, @Nullable LocalTime start,
        @Nullable LocalTime end, MeetingForm form, @Nullable String location, @Nullable String joinUrl,
        @Nullable PersonId chair, @Nullable PersonId minuteTaker) {
}
