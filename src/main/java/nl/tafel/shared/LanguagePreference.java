package nl.tafel.shared;

import java.util.Locale;

/** Remembers the signed-in person's language. Implemented by the members module. */
public interface LanguagePreference {

    void remember(Locale locale);
}
