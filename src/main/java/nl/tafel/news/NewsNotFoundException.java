package nl.tafel.news;

import nl.tafel.shared.TafelException;

/**
 * A post that does not exist, or that the person may not see (another space's, or not yet published): the two are
 * answered alike.
 */
public class NewsNotFoundException extends TafelException {

    public NewsNotFoundException() {
        super("news.error.notFound");
    }
}
