package nl.tafel.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import nl.tafel.operations.internal.BackupArchive;
import nl.tafel.operations.internal.Manifest;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The command line's operations (README "Back-up en herstel"):
 * <pre>
 * java -jar tafel.jar backup --to FILE       one consistent archive (Tafel may be running)
 * java -jar tafel.jar backup --verify FILE   checks an archive without restoring it
 * java -jar tafel.jar restore --from FILE    into an empty data directory, or an empty database in prod
 * </pre>
 * They read the same settings as Tafel (TAFEL_DATA_DIR, the prod profile's TAFEL_DB_*), but start no web server,
 * no migrations and no jobs: only the embedded database when there is no running Tafel to use.
 */
public final class OperationsCommands {

    private OperationsCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs the command; returns the process exit code (0 success, 1 failure, 2 usage). */
    public static int run(String[] args, PrintStream out) {
        String command = args[0];
        String option = args.length > 1 ? args[1] : "";
        if (args.length != 3 || !(("backup".equals(command) && ("--to".equals(option) || "--verify".equals(option)))
                || ("restore".equals(command) && "--from".equals(option)))) {
            out.println("Usage: java -jar tafel.jar backup --to FILE | backup --verify FILE | restore --from FILE");
            return 2;
        }
        Path file = Path.of(args[2]).toAbsolutePath();
        BackupArchive archive = new BackupArchive(Clock.systemUTC());
        try {
            if ("--verify".equals(option)) {
                Verification v = archive.verify(file);
                out.println(describe(file, v));
                v.problems().forEach(p -> out.println("  problem: " + p));
                return v.ok() ? 0 : 1;
            }
            if ("--from".equals(option) && !Files.isRegularFile(file)) {
                out.println("No such file: " + file);
                return 1;
            }
            try (ConfigurableApplicationContext context = context("backup".equals(command));
                    Connection connection = connect(context.getEnvironment())) {
                Path blobDir = Path.of(context.getEnvironment().getProperty("tafel.spaces.blob-dir",
                        context.getEnvironment().getProperty("tafel.data-dir", "./data") + "/blobs")).toAbsolutePath();
                if ("backup".equals(command)) {
                    archive.write(connection, blobDir, file);
                    Verification v = archive.verify(file);
                    out.println(describe(file, v));
                    v.problems().forEach(p -> out.println("  problem: " + p));
                    return v.ok() ? 0 : 1;
                }
                Manifest m = archive.restore(file, connection, blobDir);
                out.println("Restored " + m.tables().size() + " tables (" + m.rows() + " rows) and "
                        + m.blobs().size() + " documents' content from " + file + " (schema version "
                        + m.schemaVersion() + "). Start Tafel as usual; a newer Tafel migrates it.");
                return 0;
            }
        } catch (Exception e) {
            out.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(Path file, Verification v) throws java.io.IOException {
        return (v.ok() ? "Verified " : "Does NOT verify: ") + file + " (" + Files.size(file) + " bytes): schema version "
                + v.schemaVersion() + ", " + v.tables() + " tables, " + v.rows() + " rows, " + v.blobs()
                + " documents' content (" + v.blobBytes() + " bytes)";
    }

    private static ConfigurableApplicationContext context(boolean attach) {
        SpringApplication app = new SpringApplication(Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("tafel.db.attach-running", String.valueOf(attach)));
        return app.run();
    }

    private static Connection connect(Environment env) throws java.sql.SQLException {
        return DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
    }

    /** The command's context holds nothing but the environment (and the embedded database's lease). */
    static final class Nothing {
    }
}
