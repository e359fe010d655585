package nl.tafel.sharepoint.fake;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An error answer as Graph gives it: {@code {"error":{"code":"...","message":"..."}}} with a status. */
final class GraphError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> headers = new LinkedHashMap<>();
    @Nullable String innerCode;

    GraphError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    GraphError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    GraphError inner(String innerCode) {
        this.innerCode = innerCode;
        return this;
    }

    static GraphError notFound(String what) {
        return new GraphError(404, "itemNotFound", "The resource could not be found: " + what);
    }

    static GraphError invalid(String message) {
        return new GraphError(400, "invalidRequest", message);
    }

    static GraphError nameExists(String name) {
        return new GraphError(409, "nameAlreadyExists", "The specified item name already exists: " + name);
    }

    static GraphError preconditionFailed() {
        return new GraphError(412, "resourceModified", "ETag does not match current item's value");
    }

    static JsonObject body(int status, String code, String message, @Nullable String innerCode) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject inner = new JsonObject();
        if (innerCode != null) {
            inner.addProperty("code", innerCode);
        }
        inner.addProperty("request-id", java.util.UUID.randomUUID().toString());
        error.add("innerError", inner);
        JsonObject root = new JsonObject();
        root.add("error", error);
        return root;
    }

    JsonObject body() {
        return body(status, code, getMessage(), innerCode);
    }
}
