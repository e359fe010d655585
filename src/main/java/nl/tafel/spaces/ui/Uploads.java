package nl.tafel.spaces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.StoredDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads that stream straight into the document service: the browser shows a progress bar per file, the server
 * writes each file to disk as it arrives, and a refused file is marked failed with the reason in the person's
 * language. Outcomes are queued by the upload request and shown when the browser reports the files finished.
 */
final class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    /** The service call that stores one file. */
    @FunctionalInterface
    interface Store {
        StoredDocument store(String fileName, InputStream content, long size);
    }

    /** What happened to one file. */
    record Outcome(String fileName, StoredDocument stored, String error) {
        boolean ok() {
            return stored != null;
        }
    }

    private Uploads() {
    }

    static Upload create(Component owner, long maxBytes, boolean many, Store store, Consumer<List<Outcome>> done) {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        UploadHandler handler = event -> receive(event, store, outcomes);
        Upload upload = new Upload(handler);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        if (!many) {
            upload.setMaxFiles(1);
        }
        upload.setDropAllowed(true);
        // Each file as its own request body: streamed as it arrives, no multipart parsing or buffering first.
        upload.setUploadFormat(com.vaadin.flow.component.upload.UploadFormat.RAW);
        upload.setI18n(nl.tafel.shared.ui.UploadTexts.i18n(owner, maxBytes));
        upload.addFileRejectedListener(e -> {
            outcomes.add(new Outcome(e.getFileName(), null,
                    owner.getTranslation("upload.error.tooLarge", e.getFileName(), maxBytes / (1024 * 1024))));
            drain(outcomes, done);
        });
        upload.addAllFinishedListener(e -> drain(outcomes, done));
        return upload;
    }

    private static void receive(UploadEvent event, Store store, Queue<Outcome> outcomes) {
        UI ui = event.getUI();
        String fileName = event.getFileName();
        try (InputStream in = event.getInputStream()) {
            StoredDocument stored = store.store(fileName, in, event.getFileSize());
            outcomes.add(new Outcome(fileName, stored, null));
        } catch (TafelException e) {
            String message = ui.getTranslation(e.messageKey(), e.arguments());
            outcomes.add(new Outcome(fileName, null, message));
            event.reject(message);
        } catch (Exception e) {
            log.warn("Upload of {} failed", fileName, e);
            String message = ui.getTranslation("upload.error.interrupted", fileName);
            outcomes.add(new Outcome(fileName, null, message));
            event.reject(message);
        }
    }

    private static void drain(Queue<Outcome> outcomes, Consumer<List<Outcome>> done) {
        List<Outcome> finished = new java.util.ArrayList<>();
        Outcome next;
        while ((next = outcomes.poll()) != null) {
            finished.add(next);
        }
        if (!finished.isEmpty()) {
            done.accept(finished);
        }
    }
}
