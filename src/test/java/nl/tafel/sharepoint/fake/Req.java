package nl.tafel.sharepoint.fake;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the routes see it, from the wire or from inside a {@code $batch}.
 *
 * @param path    percent-decoded path (Graph: without {@code /v1.0})
 * @param query   decoded query parameters
 * @param headers headers, names in lower case
 */
record Req(String method, HostKind host, String path, String rawQuery, Map<String, String> query,
        Map<String, String> headers, InputStream body, boolean inBatch) {

    @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String routeKey() {
        return method + " " + host + " " + path;
    }
}
