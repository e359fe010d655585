package nl.tafel.shared.i18n;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dutch first, English second. Reads {@code vaadin-i18n/translations_nl.properties} and {@code _en}; any other
 * locale is answered in Dutch, whatever the JVM's default locale is.
 */
@Component
public class TafelI18NProvider extends DefaultI18NProvider {

    public static final Locale DUTCH = Locale.of("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(DUTCH, ENGLISH);

    public TafelI18NProvider() {
        super(LOCALES, TafelI18NProvider.class.getClassLoader());
    }

    /** The supported locale closest to the given one: English for any English, otherwise Dutch. */
    public static Locale supported(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : DUTCH;
    }

    @Override
    public Locale getDefaultLocale() {
        return DUTCH;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return super.getTranslation(key, supported(locale), params);
    }

    /** Shorthand for code outside a component, such as mail. */
    public String translate(Locale locale, String key, Object... params) {
        return getTranslation(key, locale, params);
    }
}
