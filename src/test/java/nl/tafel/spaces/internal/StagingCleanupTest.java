package nl.tafel.spaces.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After kill -9 an upload's {@code .staging/*.part} file stayed until a start 24 hours later (issue 18). Now the
 * staged files of dead uploads go at start and every hour, while uploads still alive keep theirs.
 */
class StagingCleanupTest {

    @TempDir
    Path dir;

    @Test
    void stagedFilesOfDeadUploadsAreRemovedAndLiveOnesStay() throws Exception {
        LocalBlobStore store = new LocalBlobStore(dir);
        Path staging = dir.resolve(".staging");
        // what an upload leaves when its process is killed: a part file that nobody holds, written just now
        Path dead = staging.resolve(UUID.randomUUID() + ".part");
        Files.write(dead, new byte[1024 * 1024]);

        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int n;

            @Override
            public int read() {
                if (n == 10) {
                    streaming.countDown();
                    try {
                        finish.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return n++ < 20 ? 'a' : -1;
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<StagedBlob> uploading = pool.submit(() -> store.stage(slow, 1000));
            assertThat(streaming.await(10, TimeUnit.SECONDS)).isTrue();
            try (StagedBlob waiting = store.stage(new ByteArrayInputStream("staged".getBytes()), 100)) {
                assertThat(store.cleanStaging()).as("only the dead upload's file").isEqualTo(1);
                assertThat(dead).doesNotExist();
                assertThat(waiting.open()).hasContent("staged");
                finish.countDown();
                try (StagedBlob done = uploading.get(10, TimeUnit.SECONDS)) {
                    assertThat(done.size()).isEqualTo(20);
                    store.commit(done);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (var left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
    }

    /** Another process (another instance on the same disk) still uploading keeps its file, until it is killed. */
    @Test
    void aFileLockedByALiveProcessStaysUntilThatProcessIsKilled() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 holds the lock from outside");
        LocalBlobStore store = new LocalBlobStore(dir);
        Path part = dir.resolve(".staging").resolve(UUID.randomUUID() + ".part");
        Files.write(part, new byte[4096]);
        Process other = new ProcessBuilder("/usr/bin/python3", "-c", """
                import fcntl, sys, time
                f = open(sys.argv[1], 'r+')
                fcntl.lockf(f, fcntl.LOCK_EX)
                print('locked', flush=True)
                time.sleep(120)
                """, part.toString()).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(other.getInputStream())).readLine();
            assertThat(line).isEqualTo("locked");
            assertThat(store.cleanStaging()).isZero();
            assertThat(part).exists();

            other.destroyForcibly(); // kill -9
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.cleanStaging()).isEqualTo(1);
            assertThat(part).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }
}
