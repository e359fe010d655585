package nl.tafel.sharepoint.fake;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An answer: a status, headers, and a JSON body, a range of a stored file, or nothing. */
final class Reply {

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte @Nullable [] body;
    @Nullable final JsonElement json;
    @Nullable final Path file;
    final long offset;
    final long length;

    private Reply(int status, @Nullable JsonElement json, @Nullable Path file, long offset, long length) {
        this.status = status;
        this.json = json;
        this.body = json == null ? null : json.toString().getBytes(StandardCharsets.UTF_8);
        this.file = file;
        this.offset = offset;
        this.length = length;
        if (json != null) {
            headers.put("Content-Type", "application/json; odata.metadata=minimal; charset=utf-8");
        }
    }

    static Reply json(int status, JsonElement json) {
        return new Reply(status, json, null, 0, 0);
    }

    static Reply empty(int status) {
        return new Reply(status, null, null, 0, 0);
    }

    static Reply error(GraphError error) {
        Reply reply = json(error.status, error.body());
        reply.headers.putAll(error.headers);
        return reply;
    }

    static Reply file(int status, Path file, long offset, long length) {
        Reply reply = new Reply(status, null, file, offset, length);
        reply.headers.put("Content-Type", "application/octet-stream");
        return reply;
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The body length, or -1 for none. */
    long contentLength() {
        if (file != null) {
            return length;
        }
        return body == null ? -1 : body.length;
    }
}
