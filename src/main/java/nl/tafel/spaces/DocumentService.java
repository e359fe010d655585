package nl.tafel.spaces;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.FolderDetails.Crumb;
import nl.tafel.spaces.internal.BlobStore;
import nl.tafel.spaces.internal.BlobTooLargeException;
import nl.tafel.spaces.internal.ContentTypes;
import nl.tafel.spaces.internal.DocumentEntity;
import nl.tafel.spaces.internal.DocumentRepository;
import nl.tafel.spaces.internal.DocumentVersionEntity;
import nl.tafel.spaces.internal.DocumentVersionRepository;
import nl.tafel.spaces.internal.FolderEntity;
import nl.tafel.spaces.internal.FolderRepository;
import nl.tafel.spaces.internal.OfficeConversion;
import nl.tafel.spaces.internal.SpaceAccess;
import nl.tafel.spaces.internal.SpaceEntity;
import nl.tafel.spaces.internal.SpaceRepository;
import nl.tafel.spaces.internal.SpacesSettings;
import nl.tafel.spaces.internal.StagedBlob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folders and versioned documents in a space. Every method checks the caller's role in the space of the item it
 * touches; items of a space the caller is not in answer "not found".
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final SpaceRepository spaces;
    private final FolderRepository folders;
    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final SpaceAccess access;
    private final BlobStore blobs;
    private final ContentTypes types;
    private final PeopleDirectory people;
    private final SpacesSettings settings;
    private final OfficeConversion conversion;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DocumentService(SpaceRepository spaces, FolderRepository folders, DocumentRepository documents,
            DocumentVersionRepository versions, SpaceAccess access, BlobStore blobs, ContentTypes types,
            PeopleDirectory people, SpacesSettings settings, OfficeConversion conversion,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.spaces = spaces;
        this.folders = folders;
        this.documents = documents;
        this.versions = versions;
        this.access = access;
        this.blobs = blobs;
        this.types = types;
        this.people = people;
        this.settings = settings;
        this.conversion = conversion;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The largest file an upload may be, in bytes. */
    public long maxUploadSize() {
        return settings.maxUploadSize().toBytes();
    }

    // ---------------------------------------------------------------- folders

    @Transactional(readOnly = true)
    public FolderDetails folder(FolderId id) {
        FolderEntity folder = liveFolder(id);
        SpaceRole role = access.require(folder.spaceId(), SpaceRole.READER);
        return details(folder, role);
    }

    @Transactional(readOnly = true)
    public long count(FolderId id) {
        FolderEntity folder = liveFolder(id);
        return folders.countLive(folder.getId()) + documents.countLive(folder.getId());
    }

    /** A page of a folder's contents: folders first (by name), then documents in the asked order. */
    @Transactional(readOnly = true)
    public List<FolderItem> list(FolderId id, int offset, int limit, FolderSort sort) {
        FolderEntity folder = liveFolder(id);
        List<FolderEntity> subfolders = List.of();
        long folderCount = folders.countLive(folder.getId());
        if (offset < folderCount) {
            PageRequest page = PageRequest.of(0, (int) Math.min(folderCount, offset + limit));
            boolean descending = sort.field() == FolderSort.Field.NAME && sort.descending();
            List<FolderEntity> all = descending ? folders.findLiveDescending(folder.getId(), page)
                    : folders.findLive(folder.getId(), page);
            subfolders = all.subList(Math.min(offset, all.size()), all.size());
        }
        int documentOffset = (int) Math.max(0, offset - folderCount);
        int documentLimit = limit - subfolders.size();
        List<DocumentEntity> docs = List.of();
        if (documentLimit > 0) {
            docs = documents.findLive(folder.getId(), new OffsetPage(documentOffset, documentLimit, sort(sort)));
        }
        Set<PersonId> ids = new HashSet<>();
        docs.forEach(d -> ids.add(d.updatedBy()));
        Map<PersonId, PersonName> names = people.names(ids);
        List<FolderItem> items = new ArrayList<>(subfolders.size() + docs.size());
        for (FolderEntity f : subfolders) {
            items.add(new FolderItem(FolderItem.Kind.FOLDER, f.getId(), f.getName(), null, 0, f.getCreatedAt(), "",
                    0, f.getVersion()));
        }
        for (DocumentEntity d : docs) {
            items.add(new FolderItem(FolderItem.Kind.DOCUMENT, d.getId(), d.getName(), d.getMediaType(),
                    d.getSize(), d.getUpdatedAt(), name(names, d.updatedBy()), d.getCurrentVersion(),
                    d.getVersion()));
        }
        return items;
    }

    private static Sort sort(FolderSort sort) {
        Sort.Direction direction = sort.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        return switch (sort.field()) {
            case NAME -> Sort.by(direction, "name");
            case MODIFIED -> Sort.by(direction, "updatedAt").and(Sort.by("name"));
            case SIZE -> Sort.by(direction, "size").and(Sort.by("name"));
        };
    }

    /** Every live folder of a space, as move targets, in tree order. */
    @Transactional(readOnly = true)
    public List<FolderChoice> folderTree(SpaceId space) {
        access.require(space, SpaceRole.READER);
        List<FolderEntity> all = folders.findBySpace(space.value());
        List<FolderChoice> result = new ArrayList<>();
        all.stream().filter(FolderEntity::isRoot).findFirst()
                .ifPresent(root -> addTree(root, all, "", 0, result));
        return result;
    }

    private static void addTree(FolderEntity folder, List<FolderEntity> all, String path, int depth,
            List<FolderChoice> result) {
        String here = folder.isRoot() ? "/" : path + "/" + folder.getName();
        result.add(new FolderChoice(folder.folderId(), here, depth));
        all.stream()
                .filter(f -> folder.getId().equals(f.parentId() == null ? null : f.parentId().value()))
                .filter(f -> f.getDeletedAt() == null)
                .sorted(Comparator.comparing(FolderEntity::getName, String.CASE_INSENSITIVE_ORDER))
                .forEach(f -> addTree(f, all, folder.isRoot() ? "" : here, depth + 1, result));
    }

    @Transactional
    public FolderId createFolder(FolderId parentId, String name) {
        FolderEntity parent = lockedLiveFolder(parentId);
        requireWritable(parent.spaceId());
        String checked = checkName(name, details(parent, SpaceRole.CONTRIBUTOR));
        requireFree(parent, checked, null);
        FolderEntity folder = folders.save(FolderEntity.child(parent, checked, me(), clock.instant()));
        flushForName();
        events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.CREATED));
        return folder.folderId();
    }

    /** The folder of this name under the parent, created when it is not there yet (meetings keep papers so). */
    @Transactional
    public FolderId folderNamed(FolderId parentId, String name) {
        FolderEntity parent = lockedLiveFolder(parentId);
        requireWritable(parent.spaceId());
        Optional<FolderEntity> existing = folders.findLiveByName(parent.getId(), DocumentNames.key(name));
        if (existing.isPresent()) {
            return existing.get().folderId();
        }
        String checked = checkName(name, details(parent, SpaceRole.CONTRIBUTOR));
        requireFree(parent, checked, null);
        FolderEntity folder = folders.save(FolderEntity.child(parent, checked, me(), clock.instant()));
        flushForName();
        events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.CREATED));
        return folder.folderId();
    }

    @Transactional
    public void renameFolder(FolderId id, String name, long version) {
        FolderEntity folder = liveFolder(id);
        if (folder.isRoot()) {
            throw new SpaceNotFoundException();
        }
        FolderEntity parent = lockedLiveFolder(folder.parentId());
        requireWritable(folder.spaceId());
        requireVersion(folder.getVersion(), version);
        String checked = checkName(name, details(parent, SpaceRole.CONTRIBUTOR));
        requireFree(parent, checked, folder.getId());
        folder.rename(checked);
        flushForName();
        events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.RENAMED));
    }

    /** Moves a folder into another folder of the same space; never into itself or one of its own folders. */
    @Transactional
    public void moveFolder(FolderId id, FolderId targetId, long version) {
        FolderEntity folder = liveFolder(id);
        if (folder.isRoot()) {
            throw new SpaceNotFoundException();
        }
        requireWritable(folder.spaceId());
        requireVersion(folder.getVersion(), version);
        FolderEntity target = lockedLiveFolder(targetId);
        if (!target.spaceId().equals(folder.spaceId())) {
            throw new SpaceNotFoundException();
        }
        for (FolderEntity f = target; f != null; f = parentOf(f)) {
            if (f.getId().equals(folder.getId())) {
                throw new TafelException("spaces.error.moveIntoItself", folder.getName());
            }
        }
        if (target.getId().equals(folder.parentId() == null ? null : folder.parentId().value())) {
            return;
        }
        checkPath(details(target, SpaceRole.CONTRIBUTOR), folder.getName());
        requireFree(target, folder.getName(), folder.getId());
        folder.moveTo(target);
        flushForName();
        events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.MOVED));
    }

    /** Puts a folder, with everything in it, in the trash. */
    @Transactional
    public void deleteFolder(FolderId id) {
        FolderEntity folder = liveFolder(id);
        if (folder.isRoot()) {
            throw new SpaceNotFoundException();
        }
        requireWritable(folder.spaceId());
        folder.trash(me(), clock.instant());
        events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.DELETED));
    }

    /**
     * Every live folder and document of a space with its current version, for the SharePoint sync. Managers only
     * (the sync runs as the system, which is one).
     */
    @Transactional(readOnly = true)
    public SpaceTree tree(SpaceId space) {
        access.require(space, SpaceRole.MANAGER);
        List<FolderEntity> all = folders.findBySpace(space.value());
        Map<UUID, FolderEntity> byId = new java.util.HashMap<>();
        all.forEach(f -> byId.put(f.getId(), f));
        FolderEntity root = all.stream().filter(FolderEntity::isRoot).findFirst()
                .orElseThrow(SpaceNotFoundException::new);
        List<SpaceTree.Folder> liveFolders = all.stream().filter(f -> liveIn(byId, f.getId()))
                .map(f -> new SpaceTree.Folder(f.folderId(), f.parentId(), f.getName(), f.getVersion())).toList();
        List<DocumentEntity> live = documents.findAllLiveInSpace(space.value()).stream()
                .filter(d -> liveIn(byId, d.folderId().value())).toList();
        Map<UUID, DocumentVersionEntity> current = new java.util.HashMap<>();
        versions.findCurrent(live.stream().map(DocumentEntity::getId).toList())
                .forEach(v -> current.put(v.getDocumentId(), v));
        List<SpaceTree.Document> liveDocuments = new ArrayList<>();
        for (DocumentEntity d : live) {
            DocumentVersionEntity v = current.get(d.getId());
            if (v != null) {
                liveDocuments.add(new SpaceTree.Document(d.documentId(), d.folderId(), d.getName(), v.versionId(),
                        v.getNumber(), v.getSha256(), v.getSize(), v.getUploadedAt(), d.getVersion()));
            }
        }
        return new SpaceTree(space, root.folderId(), liveFolders, liveDocuments);
    }

    // ---------------------------------------------------------------- documents

    /** Documents of a space whose name contains the text, for pickers (such as attaching papers to an agenda). */
    @Transactional(readOnly = true)
    public List<DocumentChoice> findDocuments(SpaceId space, String text, int limit) {
        access.require(space, SpaceRole.READER);
        Map<UUID, FolderEntity> byId = new java.util.HashMap<>();
        folders.findBySpace(space.value()).forEach(f -> byId.put(f.getId(), f));
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return documents.findLiveInSpace(space.value(), needle, PageRequest.of(0, Math.max(1, limit))).stream()
                .filter(d -> isLive(byId.get(d.folderId().value())))
                .map(d -> new DocumentChoice(d.documentId(), d.getName(), place(byId, d.folderId())))
                .toList();
    }

    /**
     * Stores an uploaded file in a folder: a new document, or a new version when a document of that name is there.
     * The content streams to disk (never whole in memory), is checked (size, type from its bytes), and is committed
     * to the blob store before the database row that points at it.
     *
     * @param declaredSize the size the browser announced, or -1; content that ends early is refused as cut off
     */
    public StoredDocument upload(FolderId folderId, String fileName, InputStream content, long declaredSize) {
        String name = read(() -> {
            FolderEntity folder = liveFolder(folderId);
            requireWritable(folder.spaceId());
            return checkName(fileName, details(folder, SpaceRole.CONTRIBUTOR));
        });
        return store(name, null, content, declaredSize, type -> write(() -> {
            FolderEntity folder = lockedLiveFolder(folderId);
            requireWritable(folder.spaceId());
            Optional<DocumentEntity> existing = documents.findLiveByName(folder.getId(), DocumentNames.key(name));
            if (existing.isPresent()) {
                DocumentEntity document = documents.lock(existing.get().getId()).orElseThrow();
                return addVersion(document, type, name, null);
            }
            requireFree(folder, name, null);
            DocumentEntity document = documents.save(new DocumentEntity(folder, name, me(), clock.instant()));
            return addVersion(document, type, name, null);
        }));
    }

    /** Stores an uploaded file as the newest version of this document, whatever the file's own name. */
    public StoredDocument uploadVersion(DocumentId documentId, String fileName, InputStream content,
            long declaredSize) {
        return uploadVersion(documentId, fileName, content, declaredSize, -1);
    }

    /**
     * Stores a new version only if the document is still at version {@code expectedCurrent} (checked under the
     * document's row lock), for work that decided from an earlier look (the SharePoint sync).
     *
     * @throws ConcurrentEditException when another version came meanwhile
     */
    public StoredDocument uploadVersion(DocumentId documentId, String fileName, InputStream content,
            long declaredSize, int expectedCurrent) {
        String name = read(() -> {
            DocumentEntity document = liveDocument(documentId);
            requireWritable(document.spaceId());
            DocumentNames.check(fileName).ifPresent(problem -> {
                throw new NameException(problem);
            });
            return document.getName();
        });
        return store(fileName, name, content, declaredSize, type -> write(() -> {
            DocumentEntity document = documents.lock(documentId.value()).orElseThrow(SpaceNotFoundException::new);
            if (document.getDeletedAt() != null) {
                throw new SpaceNotFoundException();
            }
            if (expectedCurrent >= 0 && document.getCurrentVersion() != expectedCurrent) {
                throw new ConcurrentEditException();
            }
            requireWritable(document.spaceId());
            return addVersion(document, type, fileName, null);
        }));
    }

    private record Staged(String sha256, long size, String mediaType) {
    }

    /**
     * Streams, checks and commits content, then saves the row.
     *
     * @param documentName for a new version: the document's name, whose type the content must have
     */
    private StoredDocument store(String name, @Nullable String documentName, InputStream content, long declaredSize,
            java.util.function.Function<Staged, StoredDocument> save) {
        long max = maxUploadSize();
        if (declaredSize == 0) {
            throw new UploadException("upload.error.empty", name);
        }
        if (declaredSize > max) {
            throw new UploadException("upload.error.tooLarge", name, megabytes(max));
        }
        try (StagedBlob staged = stage(name, content, declaredSize, max)) {
            String byContent = types.detectContentOnly(staged);
            types.check(name, byContent).ifPresent(problem -> {
                throw new UploadException(problem.messageKey(), problem.args());
            });
            if (documentName != null) {
                types.checkVersion(documentName, byContent).ifPresent(problem -> {
                    throw new UploadException(problem.messageKey(), problem.args());
                });
            }
            String mediaType = types.detect(staged, name);
            blobs.commit(staged);
            return save.apply(new Staged(staged.sha256(), staged.size(), mediaType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StagedBlob stage(String name, InputStream content, long declaredSize, long max) {
        StagedBlob staged;
        try {
            staged = blobs.stage(content, max);
        } catch (BlobTooLargeException e) {
            throw new UploadException("upload.error.tooLarge", name, megabytes(max));
        } catch (EOFException e) {
            throw new UploadException("upload.error.interrupted", name);
        } catch (IOException e) {
            log.info("Upload of {} broke off: {}", name, e.toString());
            throw new UploadException("upload.error.interrupted", name);
        }
        if (staged.size() == 0 || (declaredSize > 0 && staged.size() != declaredSize)) {
            closeQuietly(staged);
            throw new UploadException(staged.size() == 0 ? "upload.error.empty" : "upload.error.interrupted", name);
        }
        return staged;
    }

    private StoredDocument addVersion(DocumentEntity document, Staged content, String originalName,
            @Nullable Integer restoredFrom) {
        PersonId me = me();
        Instant now = clock.instant();
        boolean first = document.getCurrentVersion() == 0;
        DocumentVersionEntity version = versions.save(new DocumentVersionEntity(document,
                document.getCurrentVersion() + 1, content.sha256(), content.size(), content.mediaType(),
                originalName, me, now, restoredFrom));
        document.advanceTo(version, me, now);
        documents.saveAndFlush(document);
        events.publishEvent(new DocumentStored(document.spaceId(), document.folderId(), document.documentId(),
                version.versionId(), version.getNumber(), document.getName(), version.getMediaType(),
                version.getSize(), version.getSha256(), me));
        return new StoredDocument(document.documentId(), version.versionId(), version.getNumber(), first,
                document.getName());
    }

    @Transactional(readOnly = true)
    public DocumentDetails document(DocumentId id) {
        DocumentEntity document = liveDocument(id);
        SpaceRole role = access.require(document.spaceId(), SpaceRole.READER);
        FolderEntity folder = folders.findById(document.folderId().value()).orElseThrow();
        DocumentVersionEntity current = versions.findByNumber(document.getId(), document.getCurrentVersion())
                .orElseThrow(SpaceNotFoundException::new);
        return new DocumentDetails(document.documentId(), details(folder, role), document.getName(),
                document.getMediaType(), document.getSize(), document.getCurrentVersion(), current.versionId(),
                document.getUpdatedAt(), name(people.names(List.of(document.updatedBy())), document.updatedBy()),
                document.getVersion());
    }

    /** All versions of a document, newest first. */
    @Transactional(readOnly = true)
    public List<VersionInfo> versions(DocumentId id) {
        DocumentEntity document = liveDocument(id);
        List<DocumentVersionEntity> list = versions.findByDocument(document.getId());
        Map<PersonId, PersonName> names = people.names(list.stream().map(DocumentVersionEntity::uploadedBy).toList());
        return list.stream().map(v -> new VersionInfo(v.versionId(), v.getNumber(), v.getSize(), v.getSha256(),
                v.getMediaType(), v.getOriginalName(), name(names, v.uploadedBy()), v.getUploadedAt(),
                v.getRestoredFrom(), v.getTextStatus())).toList();
    }

    /** Makes an older version the newest again, as a new version; the history stays complete. */
    @Transactional
    public StoredDocument restoreVersion(DocumentId id, int number) {
        DocumentEntity document = documents.lock(id.value()).filter(d -> d.getDeletedAt() == null)
                .orElseThrow(SpaceNotFoundException::new);
        requireWritable(document.spaceId());
        DocumentVersionEntity old = versions.findByNumber(document.getId(), number)
                .orElseThrow(SpaceNotFoundException::new);
        if (!blobs.exists(old.getSha256())) {
            throw new TafelException("spaces.error.contentMissing");
        }
        return addVersion(document, new Staged(old.getSha256(), old.getSize(), old.getMediaType()),
                old.getOriginalName(), number);
    }

    @Transactional
    public void renameDocument(DocumentId id, String name, long version) {
        DocumentEntity document = liveDocument(id);
        FolderEntity folder = lockedLiveFolder(document.folderId());
        requireWritable(document.spaceId());
        requireVersion(document.getVersion(), version);
        String checked = checkName(name, details(folder, SpaceRole.CONTRIBUTOR));
        if (checked.equals(document.getName())) {
            return;
        }
        requireFree(folder, checked, document.getId());
        document.rename(checked);
        document.touch(me(), clock.instant());
        flushForName();
        events.publishEvent(new DocumentChanged(document.spaceId(), document.folderId(), document.documentId(),
                checked, DocumentChanged.Change.RENAMED, me()));
    }

    @Transactional
    public void moveDocument(DocumentId id, FolderId targetId, long version) {
        DocumentEntity document = liveDocument(id);
        requireWritable(document.spaceId());
        requireVersion(document.getVersion(), version);
        FolderEntity target = lockedLiveFolder(targetId);
        if (!target.spaceId().equals(document.spaceId())) {
            throw new SpaceNotFoundException();
        }
        if (target.folderId().equals(document.folderId())) {
            return;
        }
        checkPath(details(target, SpaceRole.CONTRIBUTOR), document.getName());
        requireFree(target, document.getName(), document.getId());
        document.moveTo(target);
        document.touch(me(), clock.instant());
        flushForName();
        events.publishEvent(new DocumentChanged(document.spaceId(), target.folderId(), document.documentId(),
                document.getName(), DocumentChanged.Change.MOVED, me()));
    }

    @Transactional
    public void deleteDocument(DocumentId id) {
        deleteDocument(id, -1);
    }

    /**
     * Puts a document in the trash only if it is still at version {@code expectedCurrent} (under its row lock).
     *
     * @throws ConcurrentEditException when another version came meanwhile
     */
    @Transactional
    public void deleteDocument(DocumentId id, int expectedCurrent) {
        liveDocument(id);
        DocumentEntity document = documents.lock(id.value()).orElseThrow(SpaceNotFoundException::new);
        if (expectedCurrent >= 0 && document.getCurrentVersion() != expectedCurrent) {
            throw new ConcurrentEditException();
        }
        requireWritable(document.spaceId());
        document.trash(me(), clock.instant());
        events.publishEvent(new DocumentDeleted(document.spaceId(), document.documentId(), document.getName(),
                false, me()));
    }

    /** The content of one version, for the download and viewer handlers. */
    @Transactional(readOnly = true)
    public DocumentContent content(VersionId id) {
        DocumentVersionEntity version = versions.findById(id.value()).orElseThrow(SpaceNotFoundException::new);
        return content(liveDocument(new DocumentId(version.getDocumentId())), version);
    }

    /**
     * The content of several versions in one space at once: one access check and three queries, for work over many
     * papers such as the agenda pack. Versions of documents that are gone (or in another space) are left out.
     */
    @Transactional(readOnly = true)
    public Map<VersionId, DocumentContent> contents(SpaceId space, java.util.Collection<VersionId> ids) {
        access.require(space, SpaceRole.READER);
        Map<VersionId, DocumentContent> result = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<UUID, FolderEntity> byId = new java.util.HashMap<>();
        folders.findBySpace(space.value()).forEach(f -> byId.put(f.getId(), f));
        List<DocumentVersionEntity> found = versions.findAllById(ids.stream().map(VersionId::value).toList());
        Map<UUID, DocumentEntity> live = new java.util.HashMap<>();
        for (DocumentEntity d : documents.findAllById(found.stream().map(DocumentVersionEntity::getDocumentId)
                .distinct().toList())) {
            if (d.spaceId().equals(space) && d.getDeletedAt() == null && liveIn(byId, d.folderId().value())) {
                live.put(d.getId(), d);
            }
        }
        for (DocumentVersionEntity v : found) {
            DocumentEntity d = live.get(v.getDocumentId());
            if (d != null) {
                result.put(v.versionId(), content(d, v));
            }
        }
        return result;
    }

    private DocumentContent content(DocumentEntity document, DocumentVersionEntity version) {
        String sha = version.getSha256();
        return new DocumentContent(fileName(document, version), version.getMediaType(), version.getSize(), sha,
                version.versionId(), version.getNumber(), new DocumentContent.Source() {
                    @Override
                    public InputStream open() throws IOException {
                        return blobs.open(sha);
                    }

                    @Override
                    public Optional<java.nio.file.Path> file() {
                        return blobs.localFile(sha);
                    }
                });
    }

    /**
     * Several documents of one space at once, with their current version: one access check and two queries, for
     * lists such as an agenda's papers. Documents that are gone (or in another space) are left out.
     */
    @Transactional(readOnly = true)
    public Map<DocumentId, DocumentSummary> summaries(SpaceId space, java.util.Collection<DocumentId> ids) {
        access.require(space, SpaceRole.READER);
        Map<DocumentId, DocumentSummary> result = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<UUID, FolderEntity> byId = new java.util.HashMap<>();
        folders.findBySpace(space.value()).forEach(f -> byId.put(f.getId(), f));
        Map<UUID, DocumentEntity> live = new java.util.HashMap<>();
        for (DocumentEntity d : documents.findAllById(ids.stream().map(DocumentId::value).toList())) {
            if (d.spaceId().equals(space) && d.getDeletedAt() == null && liveIn(byId, d.folderId().value())) {
                live.put(d.getId(), d);
            }
        }
        Map<UUID, DocumentVersionEntity> current = new java.util.HashMap<>();
        versions.findCurrent(live.keySet()).forEach(v -> current.put(v.getDocumentId(), v));
        for (DocumentId id : ids) {
            DocumentEntity d = live.get(id.value());
            DocumentVersionEntity v = d == null ? null : current.get(d.getId());
            if (v != null) {
                result.put(id, new DocumentSummary(id, d.getName(), d.getMediaType(), d.getCurrentVersion(),
                        v.versionId()));
            }
        }
        return result;
    }

    private static boolean liveIn(Map<UUID, FolderEntity> byId, UUID folderId) {
        for (FolderEntity f = byId.get(folderId); f != null; f = f.parentId() == null ? null
                : byId.get(f.parentId().value())) {
            if (f.getDeletedAt() != null) {
                return false;
            }
        }
        return byId.containsKey(folderId);
    }

    /** The current version's content of a document. */
    @Transactional(readOnly = true)
    public DocumentContent currentContent(DocumentId id) {
        DocumentEntity document = liveDocument(id);
        DocumentVersionEntity current = versions.findByNumber(document.getId(), document.getCurrentVersion())
                .orElseThrow(SpaceNotFoundException::new);
        return content(document, current);
    }

    /** How this kind of file can be read in the browser here. */
    public Reading reading(String mediaType) {
        if (mediaType.equals("application/pdf")) {
            return Reading.PDF;
        }
        if (ContentTypes.showsInline(mediaType)) {
            return Reading.IMAGE;
        }
        if (ContentTypes.isOfficeDocument(mediaType)) {
            return conversion.available() ? Reading.CONVERTED_PDF : Reading.CONVERTER_MISSING;
        }
        return Reading.DOWNLOAD_ONLY;
    }

    /** A version as PDF for reading: office files converted by LibreOffice; empty when that cannot be done. */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> readableCopy(VersionId id) {
        DocumentContent original = content(id);
        if (reading(original.mediaType()) != Reading.CONVERTED_PDF) {
            return Optional.empty();
        }
        String base = original.fileName().contains(".")
                ? original.fileName().substring(0, original.fileName().lastIndexOf('.')) : original.fileName();
        return conversion.pdf(original.sha256(), DocumentNames.extension(original.fileName()))
                .map(pdf -> new DocumentContent(base + ".pdf", "application/pdf", size(pdf), original.sha256(),
                        original.versionId(), original.versionNumber(),
                        new DocumentContent.Source() {
                            @Override
                            public InputStream open() throws IOException {
                                return java.nio.file.Files.newInputStream(pdf);
                            }

                            @Override
                            public Optional<java.nio.file.Path> file() {
                                return Optional.of(pdf);
                            }
                        }));
    }

    private static long size(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Old versions keep the document's name with their number, so that two downloads cannot be confused. */
    private static String fileName(DocumentEntity document, DocumentVersionEntity version) {
        if (version.getNumber() == document.getCurrentVersion()) {
            return document.getName();
        }
        String name = document.getName();
        int dot = name.lastIndexOf('.');
        String suffix = " (v" + version.getNumber() + ")";
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    }

    // ---------------------------------------------------------------- trash

    /** What was deleted in a space and can still be restored, newest first. */
    @Transactional(readOnly = true)
    public List<TrashItem> trash(SpaceId space) {
        access.require(space, SpaceRole.CONTRIBUTOR);
        List<FolderEntity> all = folders.findBySpace(space.value());
        Map<UUID, FolderEntity> byId = new java.util.HashMap<>();
        all.forEach(f -> byId.put(f.getId(), f));
        List<FolderEntity> trashedFolders = folders.findTrashed(space.value());
        List<DocumentEntity> trashedDocuments = documents.findTrashed(space.value());
        Set<PersonId> ids = new HashSet<>();
        trashedFolders.forEach(f -> ids.add(new PersonId(f.getDeletedBy())));
        trashedDocuments.forEach(d -> ids.add(new PersonId(d.getDeletedBy())));
        Map<PersonId, PersonName> names = people.names(ids);
        List<TrashItem> items = new ArrayList<>();
        for (FolderEntity f : trashedFolders) {
            items.add(new TrashItem(FolderItem.Kind.FOLDER, f.getId(), f.getName(), place(byId, f.parentId()),
                    f.getDeletedAt(), name(names, new PersonId(f.getDeletedBy())), purgeAfter(f.getDeletedAt())));
        }
        for (DocumentEntity d : trashedDocuments) {
            items.add(new TrashItem(FolderItem.Kind.DOCUMENT, d.getId(), d.getName(), place(byId, d.folderId()),
                    d.getDeletedAt(), name(names, new PersonId(d.getDeletedBy())), purgeAfter(d.getDeletedAt())));
        }
        items.sort(Comparator.comparing(TrashItem::deletedAt).reversed());
        return items;
    }

    /**
     * Brings an item back from the trash to where it was (or to the space's top when that folder is gone). When its
     * name has been taken since, it comes back as "name (2)".
     */
    @Transactional
    public String restore(FolderItem.Kind kind, UUID id) {
        if (kind == FolderItem.Kind.FOLDER) {
            FolderEntity folder = folders.findById(id).filter(f -> f.getDeletedAt() != null)
                    .orElseThrow(SpaceNotFoundException::new);
            access.require(folder.spaceId(), SpaceRole.CONTRIBUTOR);
            requireWritable(folder.spaceId());
            FolderEntity parent = restoreTarget(folder.spaceId(), folder.parentId());
            String name = freeName(parent, folder.getName());
            folder.untrash();
            folder.rename(name);
            folder.moveTo(parent);
            flushForName();
            events.publishEvent(new FolderChanged(folder.spaceId(), folder.folderId(), FolderChanged.Change.RESTORED));
            return name;
        }
        DocumentEntity document = documents.findById(id).filter(d -> d.getDeletedAt() != null)
                .orElseThrow(SpaceNotFoundException::new);
        access.require(document.spaceId(), SpaceRole.CONTRIBUTOR);
        requireWritable(document.spaceId());
        FolderEntity parent = restoreTarget(document.spaceId(), document.folderId());
        String name = freeName(parent, document.getName());
        document.untrash();
        document.rename(name);
        document.moveTo(parent);
        document.touch(me(), clock.instant());
        flushForName();
        events.publishEvent(new DocumentChanged(document.spaceId(), parent.folderId(), document.documentId(), name,
                DocumentChanged.Change.RESTORED, me()));
        return name;
    }

    private FolderEntity restoreTarget(SpaceId space, @Nullable FolderId original) {
        if (original != null) {
            Optional<FolderEntity> folder = folders.findById(original.value()).filter(this::isLive);
            if (folder.isPresent()) {
                return folders.lock(folder.get().getId()).orElseThrow();
            }
        }
        FolderEntity root = folders.findRoot(space.value()).orElseThrow(SpaceNotFoundException::new);
        return folders.lock(root.getId()).orElseThrow();
    }

    private String freeName(FolderEntity parent, String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; taken(parent, candidate, null); n++) {
            candidate = base + " (" + n + ")" + extension;
        }
        return candidate;
    }

    private Instant purgeAfter(@Nullable Instant deletedAt) {
        return (deletedAt == null ? clock.instant() : deletedAt).plus(java.time.Duration.ofDays(settings.trashDays()));
    }

    private static String place(Map<UUID, FolderEntity> byId, @Nullable FolderId folderId) {
        List<String> names = new ArrayList<>();
        FolderEntity f = folderId == null ? null : byId.get(folderId.value());
        while (f != null && !f.isRoot()) {
            names.addFirst(f.getName());
            f = f.parentId() == null ? null : byId.get(f.parentId().value());
        }
        return "/" + String.join("/", names);
    }

    // ---------------------------------------------------------------- helpers

    private FolderEntity liveFolder(FolderId id) {
        FolderEntity folder = folders.findById(id.value()).orElseThrow(SpaceNotFoundException::new);
        access.require(folder.spaceId(), SpaceRole.READER);
        if (!isLive(folder)) {
            throw new SpaceNotFoundException();
        }
        return folder;
    }

    private FolderEntity lockedLiveFolder(@Nullable FolderId id) {
        if (id == null) {
            throw new SpaceNotFoundException();
        }
        liveFolder(id);
        return folders.lock(id.value()).orElseThrow(SpaceNotFoundException::new);
    }

    private DocumentEntity liveDocument(DocumentId id) {
        DocumentEntity document = documents.findById(id.value()).orElseThrow(SpaceNotFoundException::new);
        access.require(document.spaceId(), SpaceRole.READER);
        if (document.getDeletedAt() != null
                || !isLive(folders.findById(document.folderId().value()).orElseThrow(SpaceNotFoundException::new))) {
            throw new SpaceNotFoundException();
        }
        return document;
    }

    /** A folder is live when neither it nor any folder above it is in the trash. */
    private boolean isLive(FolderEntity folder) {
        for (FolderEntity f = folder; f != null; f = parentOf(f)) {
            if (f.getDeletedAt() != null) {
                return false;
            }
        }
        return true;
    }

    private @Nullable FolderEntity parentOf(FolderEntity folder) {
        FolderId parent = folder.parentId();
        return parent == null ? null : folders.findById(parent.value()).orElse(null);
    }

    private void requireWritable(SpaceId space) {
        access.require(space, SpaceRole.CONTRIBUTOR);
        SpaceEntity entity = spaces.findById(space.value()).orElseThrow(SpaceNotFoundException::new);
        if (entity.isArchived()) {
            throw new TafelException("spaces.error.archived");
        }
    }

    private FolderDetails details(FolderEntity folder, SpaceRole role) {
        SpaceEntity space = spaces.findById(folder.spaceId().value()).orElseThrow(SpaceNotFoundException::new);
        FolderEntity root = folder;
        List<Crumb> path = new ArrayList<>();
        for (FolderEntity f = parentOf(folder); f != null; f = parentOf(f)) {
            path.addFirst(new Crumb(f.folderId(), f.getName()));
            root = f;
        }
        SpaceDetails spaceDetails = new SpaceDetails(space.spaceId(), space.getName(), space.getDescription(),
                space.isArchived(), role, root.folderId(), space.getVersion());
        return new FolderDetails(spaceDetails, folder.folderId(), folder.getName(), folder.isRoot(), path,
                folder.getVersion());
    }

    private static String checkName(String name, FolderDetails parent) {
        DocumentNames.check(name).ifPresent(problem -> {
            throw new NameException(problem);
        });
        checkPath(parent, name);
        return name;
    }

    private static void checkPath(FolderDetails parent, String name) {
        DocumentNames.checkPath(parent.fullPath(), name).ifPresent(problem -> {
            throw new NameException(problem);
        });
    }

    private void requireFree(FolderEntity parent, String name, @Nullable UUID self) {
        if (taken(parent, name, self)) {
            throw new NameException(new NameProblem("names.taken", name));
        }
    }

    private boolean taken(FolderEntity parent, String name, @Nullable UUID self) {
        String key = DocumentNames.key(name);
        Optional<DocumentEntity> document = documents.findLiveByName(parent.getId(), key);
        if (document.isPresent() && !document.get().getId().equals(self)) {
            return true;
        }
        Optional<FolderEntity> folder = folders.findLiveByName(parent.getId(), key);
        return folder.isPresent() && !folder.get().getId().equals(self);
    }

    /** Writes now, so that the unique name index (the last line of defence) answers inside this call. */
    private void flushForName() {
        try {
            folders.flush();
        } catch (DataIntegrityViolationException e) {
            throw new NameException(new NameProblem("names.takenAnyCase"));
        }
    }

    private static void requireVersion(long actual, long expected) {
        if (actual != expected) {
            throw new ConcurrentEditException();
        }
    }

    private static PersonId me() {
        return CurrentUser.requirePersonId();
    }

    private static String name(Map<PersonId, PersonName> names, PersonId id) {
        PersonName name = names.get(id);
        return name == null ? "?" : name.fullName();
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    private <T> T read(Supplier<T> work) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> work.get());
    }

    private <T> T write(Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (DataIntegrityViolationException e) {
            throw new NameException(new NameProblem("names.takenAnyCase"));
        }
    }

    private static void closeQuietly(StagedBlob staged) {
        try {
            staged.close();
        } catch (IOException e) {
            log.warn("Could not remove staged upload", e);
        }
    }
}
