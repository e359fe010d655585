package nl.tafel.shared.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML for minutes, news and comments: commonmark renders (raw HTML in the text is escaped, not passed on), and jsoup's
 * allow-list cleaner removes anything that is not plain formatting, so no script, style, event handler or
 * {@code javascript:} link reaches a browser.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.basic().addTags("h1", "h2", "h3", "h4", "table", "thead", "tbody",
            "tr", "th", "td", "hr").addAttributes("a", "rel").addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return Jsoup.clean(html, SAFE);
    }
}
