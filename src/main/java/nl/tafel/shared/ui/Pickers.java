package nl.tafel.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Date and time pickers in the person's language: Dutch month and day names, weeks starting on Monday. */
public final class Pickers {

    private Pickers() {
    }

    public static DatePicker date(String label, Locale locale) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList());
        List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        i18n.setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        i18n.setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        i18n.setFirstDayOfWeek(1);
        boolean dutch = locale.getLanguage().equals("nl");
        i18n.setToday(picker.getTranslation("picker.today"));
        i18n.setCancel(picker.getTranslation("action.cancel"));
        i18n.setDateFormat(dutch ? "d-M-yyyy" : "d/M/yyyy");
        picker.setI18n(i18n);
        return picker;
    }

    public static TimePicker time(String label, Locale locale) {
        TimePicker picker = new TimePicker(label);
        picker.setLocale(locale.getLanguage().equals("nl") ? Locale.forLanguageTag("nl-NL") : Locale.UK);
        picker.setStep(Duration.ofMinutes(15));
        return picker;
    }
}
