package nl.tafel.spaces.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** File sizes as people read them: 12 kB, 3,4 MB. */
final class Sizes {

    private Sizes() {
    }

    static String format(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        double value = bytes;
        String[] units = {"kB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return number.format(value) + " " + units[unit];
    }
}
