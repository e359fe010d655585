package nl.tafel;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every test context runs on real MariaDB: the server named by {@code TAFEL_TEST_DB_URL} (with
 * {@code TAFEL_TEST_DB_USER}, {@code TAFEL_TEST_DB_PASSWORD}), or else an embedded MariaDB under
 * {@code target/test-data}. Tests never get demo data and send mail to GreenMail's test port.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    /** GreenMail's port; {@code TAFEL_TEST_SMTP_PORT} moves it, so that two test runs on one machine don't meet. */
    public static final int SMTP_PORT = Integer.parseInt(env("TAFEL_TEST_SMTP_PORT", "3925"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String url = System.getenv("TAFEL_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            props.put("tafel.db.embedded", "false");
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", env("TAFEL_TEST_DB_USER", "root"));
            props.put("spring.datasource.password", env("TAFEL_TEST_DB_PASSWORD", ""));
        } else {
            props.put("tafel.db.embedded", "true");
        }
        props.put("tafel.data-dir", "target/test-data");
        props.put("tafel.demo-data", environment.getProperty("tafel.test.demo-data", "false"));
        // The database is cleaned once per test JVM; so is the blob store: one directory per JVM.
        props.put("tafel.spaces.blob-dir", "target/test-blobs/" + ProcessHandle.current().pid() + "/blobs");
        props.put("tafel.spaces.text-poll", "200ms");
        props.put("tafel.spaces.soffice", FakeSoffice.install().toString());
        props.put("tafel.spaces.max-upload-size", environment.getProperty("tafel.test.max-upload-size", "5MB"));
        props.put("spring.flyway.clean-disabled", "false");
        // tafel.test.smtp=false: no mail server, as in the embedded trial
        boolean smtp = environment.getProperty("tafel.test.smtp", Boolean.class, true);
        props.put("spring.mail.host", smtp ? "127.0.0.1" : "");
        props.put("spring.mail.port", String.valueOf(SMTP_PORT));
        props.put("tafel.mail.poll", "1s");
        props.put("tafel.mail.poll-initial-delay", "1s");
        props.put("tafel.base-url", "http://localhost:8080");
        props.put("vaadin.launch-browser", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("tafelTestDatabase", props));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public int getOrder() {
        // after application.properties is loaded, before the embedded database starts
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
