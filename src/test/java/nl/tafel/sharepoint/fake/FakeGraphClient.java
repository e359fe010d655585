package nl.tafel.sharepoint.fake;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.net.URISyntaxException;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds a Graph SDK v6 client that talks to a {@link GraphFake}.
 *
 * <ul>
 * <li><b>Base URL:</b> {@code client.getRequestAdapter().setBaseUrl(fake.baseUrl())}.</li>
 * <li><b>Token:</b> an {@link AuthenticationProvider} that adds {@code Authorization: Bearer <token>} only for the
 * Graph host (127.0.0.1), as azure-identity's provider does only for its allowed hosts: requests the SDK sends to
 * upload URLs (e.g. by {@code LargeFileUploadTask}) carry no token.</li>
 * <li><b>Retries:</b> the SDK's RetryHandler retries 429/503/504 itself (3 times, sleeping on the calling thread).
 * {@code GraphClientFactory.create(RequestOption[])} builds the default Graph middleware with our
 * {@code RetryHandlerOption}; with 0 retries the 429s and 503s reach the caller. Passing a new
 * {@code RetryHandler} to {@code GraphClientFactory.create(Interceptor...)} does NOT work: that method skips an
 * interceptor whose class is already in the default list. A {@code RetryHandlerOption} can also be given per request
 * ({@code rc.options.add(...)}), which wins over the client's.</li>
 * </ul>
 */
public final class FakeGraphClient {

    private FakeGraphClient() {
    }

    /** A client with the fake's current token and no SDK retries. */
    public static GraphServiceClient create(GraphFake fake) {
        String token = fake.token();
        return create(fake.baseUrl(), () -> token, 0);
    }

    /**
     * A client for {@code baseUrl} sending {@code token.get()} to the Graph host, with {@code sdkRetries} retries of
     * 429/503/504 by the SDK (0 to see every answer).
     */
    public static GraphServiceClient create(String baseUrl, Supplier<String> token, int sdkRetries) {
        RetryHandlerOption retries = sdkRetries == 0
                ? new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0)
                : new RetryHandlerOption(RetryHandlerOption.DEFAULT_SHOULD_RETRY, sdkRetries,
                        RetryHandlerOption.DEFAULT_DELAY);
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {retries}).build();
        String graphHost = java.net.URI.create(baseUrl).getHost();
        AuthenticationProvider auth = (request, context) -> {
            try {
                if (graphHost.equals(request.getUri().getHost())) {
                    request.headers.add("Authorization", "Bearer " + token.get());
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        };
        GraphServiceClient client = new GraphServiceClient(auth, http);
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }
}
