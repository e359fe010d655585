package nl.tafel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.tafel.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a monitoring probe or a curious visitor gets over plain HTTP, without signing in. */
@TafelServerTest
class HttpEndpointsIT {

    @LocalServerPort
    int port;
    @Autowired
    OneTimeTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersWithoutSignInAndSaysNoMore() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db").doesNotContain("diskSpace");
    }

    @Test
    void noOtherActuatorEndpointIsReachable() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/info",
                "/actuator/configprops", "/actuator/heapdump"}) {
            assertThat(get(path).statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void pagesNeedSignInButTheStylesDoNot() throws Exception {
        HttpResponse<String> people = get("/beheer/leden");
        assertThat(people.statusCode()).isEqualTo(302);
        assertThat(people.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login"));
        assertThat(get("/styles/tafel.css").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void errorsShowNoStackTrace() throws Exception {
        HttpResponse<String> bad = get("/login/ott?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(bad.body()).doesNotContain("<script>alert(1)").doesNotContain("Exception");
    }

    @Test
    void aSignInLinkPostedWithoutCsrfTokenIsRefusedAndStaysUnused() throws Exception {
        String token = tokens.generate(new GenerateOneTimeTokenRequest(TestAccounts.MEMBER)).getTokenValue();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login/ott")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("refused for want of a CSRF token").isIn(302, 403);
        assertThat(post.headers().firstValue("Location").orElse("")).doesNotContain("wachtwoord-instellen");
        assertThat(post.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(jdbc.queryForObject("select count(*) from one_time_tokens where token_value = ?", Integer.class,
                token)).as("the link was not used up").isEqualTo(1);
        assertThat(post.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
