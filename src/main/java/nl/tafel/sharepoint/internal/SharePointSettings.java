package nl.tafel.sharepoint.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code tafel.sharepoint}. Credentials come from the environment only.
 *
 * @param graphBaseUrl where Graph is ({@code TAFEL_SHAREPOINT_GRAPH_BASE_URL})
 * @param accessToken a static bearer token, for a local Graph test server only; when set, azure-identity is not used
 * @param tenantId the Microsoft Entra tenant, for app-only sign-in
 * @param clientId the app registration's client id
 * @param clientSecret the app's client secret (or use a certificate)
 * @param clientCertificatePath a PEM certificate with its private key, instead of a secret
 * @param largeDeleteLimit more remote deletes than this in one round stop the sync and alert the administrators
 * @param budgetPerMinute the resource units Tafel may spend per minute (SharePoint counts 1 for a read, 2 for a write)
 * @param pieceSize the size of one upload-session piece, rounded down to a multiple of 320 KiB
 * @param pollInterval how often a linked space asks SharePoint for remote changes
 * @param callTimeout the longest one Graph call (a whole piece or download) may take
 * @param parallelUploads how many files a pass sends at once (Graph's latency, not bandwidth, limits one at a time)
 */
@ConfigurationProperties("tafel.sharepoint")
public record SharePointSettings(String graphBaseUrl, @Nullable String accessToken, @Nullable String tenantId,
        @Nullable String clientId, @Nullable String clientSecret, @Nullable String clientCertificatePath,
        int largeDeleteLimit, int budgetPerMinute, DataSize pieceSize, Duration pollInterval, Duration callTimeout,
        int parallelUploads) {

    /** Graph wants upload pieces in multiples of this many bytes. */
    public static final int PIECE_UNIT = 320 * 1024;

    public SharePointSettings {
        if (graphBaseUrl == null || graphBaseUrl.isBlank()) {
            graphBaseUrl = "https://graph.microsoft.com/v1.0";
        }
        graphBaseUrl = graphBaseUrl.endsWith("/") ? graphBaseUrl.substring(0, graphBaseUrl.length() - 1)
                : graphBaseUrl;
        accessToken = blankToNull(accessToken);
        tenantId = blankToNull(tenantId);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        clientCertificatePath = blankToNull(clientCertificatePath);
        if (largeDeleteLimit <= 0) {
            largeDeleteLimit = 50;
        }
        if (budgetPerMinute <= 0) {
            budgetPerMinute = 1200;
        }
        if (pieceSize == null) {
            pieceSize = DataSize.ofMegabytes(10);
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofMinutes(2);
        }
        if (callTimeout == null) {
            callTimeout = Duration.ofMinutes(10);
        }
        if (parallelUploads <= 0) {
            parallelUploads = 4;
        }
    }

    /** Whether Tafel has a way to sign in to Graph. */
    public boolean configured() {
        return accessToken != null
                || (tenantId != null && clientId != null && (clientSecret != null || clientCertificatePath != null));
    }

    /** The piece size as Graph wants it: a multiple of 320 KiB, at least one unit, under 60 MiB. */
    public int pieceBytes() {
        long units = Math.max(1, Math.min(pieceSize.toBytes(), 59L * 1024 * 1024) / PIECE_UNIT);
        return (int) (units * PIECE_UNIT);
    }

    /** Never shows the secret or the token (records print every field). */
    @Override
    public String toString() {
        return "SharePointSettings[graphBaseUrl=" + graphBaseUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + ", accessToken="
                + (accessToken == null ? "none" : "***") + ", largeDeleteLimit=" + largeDeleteLimit
                + ", budgetPerMinute=" + budgetPerMinute + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
