package nl.tafel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an embedded MariaDB that still runs on a data directory (its command line names that directory), and the
 * Tafel that owns the directory ({@code tafel.pid}: the JVM's pid and the server's port). A server whose Tafel has
 * gone is stopped cleanly (SIGTERM; InnoDB recovers at the next start); one whose Tafel still runs is left alone.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    static final String OWNER_FILE = "tafel.pid";

    private Leftovers() {
    }

    /** Stops a server left running on {@code data} by a Tafel that has gone; refuses when that Tafel still runs. */
    static void stopLeftoverServer(Path dir, Path data) {
        List<ProcessHandle> servers = serversOn(data);
        if (servers.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> owner = liveOwner(dir);
        if (owner.isPresent()) {
            throw new IllegalStateException("Another Tafel (process " + owner.get().pid()
                    + ") is running with data directory " + dir + ". Stop it first, or give this one another"
                    + " TAFEL_DATA_DIR.");
        }
        for (ProcessHandle server : servers) {
            server.destroy();
        }
        boolean stopped = awaitNoServerOn(data, Duration.ofSeconds(60));
        if (!stopped) {
            serversOn(data).forEach(ProcessHandle::destroyForcibly);
            awaitNoServerOn(data, Duration.ofSeconds(10));
        }
        log.warn("Stopped the embedded MariaDB (process {}) that a previous Tafel left running on {}{}; its last"
                + " writes are recovered now", servers.stream().map(p -> String.valueOf(p.pid())).toList(), data,
                stopped ? "" : " (it had to be killed)");
    }

    /** Server processes of this user whose command line names {@code data} as their data directory. */
    static List<ProcessHandle> serversOn(Path data) {
        java.util.Set<String> args = new java.util.HashSet<>();
        args.add("--datadir=" + data.toAbsolutePath().normalize());
        try {
            args.add("--datadir=" + data.toRealPath());
        } catch (IOException e) {
            // not there yet: no server can use it either
        }
        String me = System.getProperty("user.name");
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> {
                    ProcessHandle.Info info = p.info();
                    String command = info.command().orElse("");
                    if (!(command.endsWith("/mariadbd") || command.endsWith("/mysqld"))) {
                        return false;
                    }
                    if (info.user().isPresent() && me != null && !info.user().get().equals(me)) {
                        return false;
                    }
                    return info.arguments().map(List::of).orElse(List.of()).stream().anyMatch(args::contains);
                })
                .toList();
    }

    static boolean awaitNoServerOn(Path data, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ProcessHandle> servers = serversOn(data);
            if (servers.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                servers.getFirst().onExit().get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static void writeOwner(Path dir, int port) {
        try {
            Files.writeString(dir.resolve(OWNER_FILE), ProcessHandle.current().pid() + " " + port + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(OWNER_FILE), e);
        }
    }

    static void removeOwner(Path dir) {
        try {
            Path file = dir.resolve(OWNER_FILE);
            if (readOwner(file).map(o -> o[0] == ProcessHandle.current().pid()).orElse(false)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.debug("Cannot remove {}", dir.resolve(OWNER_FILE), e);
        }
    }

    /** The Tafel process (not this one) that started the server on {@code dir}, if it still runs. */
    static Optional<ProcessHandle> liveOwner(Path dir) {
        return readOwner(dir.resolve(OWNER_FILE))
                .filter(o -> o[0] != ProcessHandle.current().pid())
                .flatMap(o -> ProcessHandle.of(o[0]))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(true));
    }

    /** The port of the server that a running Tafel started on {@code dir} (for the backup command). */
    static OptionalInt portOfLiveOwner(Path dir) {
        if (liveOwner(dir).isEmpty() || serversOn(dir.resolve("mariadb")).isEmpty()) {
            return OptionalInt.empty();
        }
        return readOwner(dir.resolve(OWNER_FILE)).map(o -> OptionalInt.of((int) o[1])).orElse(OptionalInt.empty());
    }

    private static Optional<long[]> readOwner(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            return Optional.of(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
