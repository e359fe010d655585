package nl.tafel.spaces.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.tafel.spaces.DocumentDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empties the trash: what was deleted more than {@code tafel.spaces.trash-days} ago is removed for good, with its
 * versions, and content that no version points at any more leaves the blob store (after the database commit, so a
 * failed purge never leaves rows without content).
 */
@Component
public class TrashPurge {

    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);
    private static final Duration RECENT = Duration.ofMinutes(10);

    private final FolderRepository folders;
    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final BlobStore blobs;
    private final SpacesSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<nl.tafel.spaces.TrashHold> holds;

    TrashPurge(FolderRepository folders, DocumentRepository documents, DocumentVersionRepository versions,
            BlobStore blobs, SpacesSettings settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock, List<nl.tafel.spaces.TrashHold> holds) {
        this.holds = holds;
        this.folders = folders;
        this.documents = documents;
        this.versions = versions;
        this.blobs = blobs;
        this.settings = settings;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Every night at four, and on demand. Returns how many documents were removed for good. */
    @Scheduled(cron = "${tafel.spaces.purge-cron:0 0 4 * * *}", zone = "Europe/Amsterdam")
    public int purge() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.trashDays()));
        Set<String> candidates = new HashSet<>();
        Integer removed = transactions.execute(status -> {
            int count = 0;
            for (DocumentEntity document : documents.findTrashedBefore(cutoff)) {
                if (!held(document.spaceId())) {
                    count += removeDocument(document, candidates);
                }
            }
            for (FolderEntity folder : folders.findTrashedBefore(cutoff)) {
                if (!held(folder.spaceId())) {
                    count += removeFolder(folder, candidates);
                }
            }
            return count;
        });
        Instant recent = clock.instant().minus(RECENT);
        for (String sha : candidates) {
            Boolean used = transactions.execute(status -> versions.isReferenced(sha));
            if (!Boolean.TRUE.equals(used)) {
                try {
                    // An upload of the same bytes may be between its commit and its row: leave fresh blobs alone
                    // (the blob check reports them if they stay unused).
                    if (blobs.exists(sha) && blobs.lastCommitted(sha).isAfter(recent)) {
                        continue;
                    }
                    blobs.delete(sha);
                } catch (IOException e) {
                    log.warn("Could not remove unused content {}; the blob check will report it", sha, e);
                }
            }
        }
        int total = removed == null ? 0 : removed;
        if (total > 0) {
            log.info("Trash purge removed {} document(s) deleted before {}", total, cutoff);
        }
        return total;
    }

    private boolean held(nl.tafel.spaces.SpaceId space) {
        return holds.stream().anyMatch(h -> h.holds(space));
    }

    private int removeDocument(DocumentEntity document, Set<String> candidates) {
        List<DocumentVersionEntity> list = versions.findByDocument(document.getId());
        list.forEach(v -> candidates.add(v.getSha256()));
        versions.deleteAll(list);
        documents.delete(document);
        events.publishEvent(new DocumentDeleted(document.spaceId(), document.documentId(), document.getName(), true,
                null));
        return 1;
    }

    private int removeFolder(FolderEntity folder, Set<String> candidates) {
        int count = 0;
        for (FolderEntity child : new ArrayList<>(folders.findChildren(folder.getId()))) {
            count += removeFolder(child, candidates);
        }
        for (DocumentEntity document : documents.findAllInFolder(folder.getId())) {
            count += removeDocument(document, candidates);
        }
        documents.flush();
        folders.delete(folder);
        folders.flush();
        return count;
    }
}
