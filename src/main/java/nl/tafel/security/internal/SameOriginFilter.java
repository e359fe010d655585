package nl.tafel.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second line against cross-site requests, after the CSRF token: a request that changes something (any method
 * but GET, HEAD, OPTIONS, TRACE) is refused with 403 when the browser says it comes from another site
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) or names another origin in {@code Origin}. Requests
 * without these headers (servers, old browsers) pass on to the CSRF check. The request's own origin is what the
 * server sees (behind a trusted proxy: its forwarded scheme and host), or Tafel's configured base address.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String baseOrigin;

    SameOriginFilter(String baseUrl) {
        this.baseOrigin = origin(baseUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused a cross-site {} to {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                request.getRequestURI(), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"));
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String s = site.strip().toLowerCase(Locale.ROOT);
            if (s.equals("cross-site") || s.equals("same-site")) {
                return false;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String claimed = origin(origin);
        return claimed != null && (claimed.equals(ownOrigin(request)) || claimed.equals(baseOrigin));
    }

    private static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host[:port] in lower case, without the default port; null for "null" or nonsense. */
    static String origin(String url) {
        if (url == null || url.isBlank() || url.strip().equals("null")) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
