package nl.tafel.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where Tafel is reachable for the people it mails ({@code tafel.base-url}), for links in mails and feeds. */
@Component
public class PublicAddress {

    private final String base;

    PublicAddress(@Value("${tafel.base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The address without a trailing slash, such as {@code https://tafel.ondernemendleiden.nl}. */
    public String base() {
        return base;
    }

    /** The full address of a path in Tafel ({@code "vergaderingen/…"} or {@code "/vergaderingen/…"}). */
    public String of(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
