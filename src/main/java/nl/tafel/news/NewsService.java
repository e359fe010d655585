package nl.tafel.news;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.news.internal.ImageCheck;
import nl.tafel.news.internal.NewsStore;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.text.Markdown;
import nl.tafel.spaces.DocumentContent;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.DocumentSummary;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import nl.tafel.spaces.StoredDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * News posts: writing them (with attachments and a picture stored as documents), the timeline, a post's page,
 * comments and reactions. Every method checks what the signed-in person may see or change (see {@link Posts}): a
 * space's posts are for its members only, scheduled posts for their editors only.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NewsService {

    static final int TITLE_LENGTH = 200;
    static final int TEXT_LENGTH = 50_000;
    static final int COMMENT_LENGTH = 4000;
    static final int LOCATION_LENGTH = 300;
    static final int PROGRAM_LENGTH = 20_000;
    public static final int MAX_GUESTS = 10;
    static final int EXCERPT_LENGTH = 240;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final JdbcTemplate jdbc;
    private final Posts posts;
    private final Waitlist waitlist;
    private final SpaceService spaces;
    private final DocumentService documents;
    private final PeopleDirectory people;
    private final NewsStore store;
    private final ImageCheck images;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NewsService(JdbcTemplate jdbc, Posts posts, Waitlist waitlist, SpaceService spaces, DocumentService documents,
            PeopleDirectory people, NewsStore store, ImageCheck images, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.waitlist = waitlist;
        this.spaces = spaces;
        this.documents = documents;
        this.people = people;
        this.store = store;
        this.images = images;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- who may write

    /** Whether the person may write posts for the whole association (secretaries and administrators). */
    public boolean mayPostForAssociation() {
        return Posts.associationEditor();
    }

    /** The spaces the person may write posts for (not archived ones). */
    @Transactional(readOnly = true)
    public List<SpaceSummary> spacesToPostIn() {
        return spaces.mySpaces().stream().filter(s -> !s.archived() && Posts.mayPostIn(s.myRole())).toList();
    }

    /** Whether the person may write any post at all. */
    @Transactional(readOnly = true)
    public boolean mayPost() {
        return mayPostForAssociation() || !spacesToPostIn().isEmpty();
    }

    // ---------------------------------------------------------------- writing

    /** Writes a post. It is visible from its publish moment (now when not given). */
    @Transactional
    public PostId create(PostDraft draft) {
        if (draft.space() == null) {
            if (!Posts.associationEditor()) {
                throw new AccessDeniedException("Only secretaries write association-wide news");
            }
        } else {
            SpaceDetails space = posts.space(draft.space().value()).orElseThrow(SpaceNotFoundException::new);
            if (!Posts.mayPostIn(space.myRole())) {
                throw new TafelException("news.error.mayNotPost");
            }
            if (space.archived()) {
                throw new TafelException("news.error.spaceArchived");
            }
        }
        Checked c = check(draft);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        long me = Posts.me().value();
        jdbc.update("""
                insert into news_post (id, space_id, title, body, publish_at, pinned, comments_closed, author_id,
                    created_at, updated_at, updated_by, event_starts_at, event_ends_at, event_location,
                    event_program, capacity, max_guests, version)
                values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                id, draft.space() == null ? null : draft.space().value(), c.title, c.text,
                Timestamp.from(c.publishAt), draft.pinned(), me, now, now, me, ts(c.startsAt), ts(c.endsAt),
                c.location, c.program, c.capacity, c.maxGuests);
        events.publishEvent(new NewsPosted(new PostId(id), draft.space(), c.title, c.publishAt));
        return new PostId(id);
    }

    /**
     * Changes a post; {@code version} is the one the editor started from (a stale one is refused). Its audience
     * (space or association) stays. A larger capacity moves people up from the waiting list.
     */
    @Transactional
    public void update(PostId id, PostDraft draft, long version) {
        Posts.Access access = posts.editable(id, true);
        Posts.Row row = access.row();
        if (row.version() != version) {
            throw new ConcurrentEditException();
        }
        if (!java.util.Objects.equals(row.space(), draft.space() == null ? null : draft.space().value())) {
            throw new TafelException("news.error.audienceFixed");
        }
        Checked c = check(draft);
        if (draft.event() == null && row.isEvent() && hasSignups(row.id())) {
            throw new TafelException("news.error.eventHasSignups");
        }
        int updated = jdbc.update("""
                update news_post set title = ?, body = ?, publish_at = ?, pinned = ?, updated_at = ?,
                    updated_by = ?, event_starts_at = ?, event_ends_at = ?, event_location = ?, event_program = ?,
                    capacity = ?, max_guests = ?, version = version + 1
                where id = ? and version = ?""", c.title, c.text, Timestamp.from(c.publishAt), draft.pinned(),
                Timestamp.from(clock.instant()), Posts.me().value(), ts(c.startsAt), ts(c.endsAt), c.location,
                c.program, c.capacity, c.maxGuests, id.value(), version);
        if (updated == 0) {
            throw new ConcurrentEditException();
        }
        if (c.startsAt != null) {
            waitlist.promote(posts.find(id.value(), false).orElseThrow());
        }
    }

    /** Pins a post to the top of the timeline, or unpins it. */
    @Transactional
    public void setPinned(PostId id, boolean pinned) {
        posts.editable(id, false);
        jdbc.update("update news_post set pinned = ? where id = ?", pinned, id.value());
    }

    /** Closes comments (those written stay), or opens them again. The author and the managers may. */
    @Transactional
    public void setCommentsClosed(PostId id, boolean closed) {
        posts.editable(id, false);
        jdbc.update("update news_post set comments_closed = ? where id = ?", closed, id.value());
    }

    /** Deletes the post with its comments, reactions and sign-ups; its files stay in their space's folder. */
    @Transactional
    public void delete(PostId id) {
        posts.editable(id, true);
        jdbc.update("delete from news_post where id = ?", id.value());
    }

    /**
     * Attaches a file: it is stored as a document in the post's folder ("Nieuws/2026-03-01 Titel") of its space,
     * or of the association's news space, with the usual checks (size, type from content).
     */
    public PostDetails.Attachment attach(PostId id, String fileName, InputStream content, long size) {
        Posts.Access access = transactions.execute(s -> posts.editable(id, false));
        StoredDocument stored = asUploader(access, () -> documents.upload(folderFor(access), fileName, content,
                size));
        transactions.executeWithoutResult(s -> {
            posts.editable(id, true);
            Integer next = jdbc.queryForObject("select coalesce(max(position) + 1, 0) from news_attachment"
                    + " where post_id = ?", Integer.class, id.value());
            jdbc.update("insert ignore into news_attachment (post_id, document_id, position) values (?, ?, ?)",
                    id.value(), stored.documentId().value(), next);
        });
        return new PostDetails.Attachment(stored.documentId(), stored.name(), fileUrl(id, stored.documentId()));
    }

    /** Takes a file off the post (the document itself stays in its folder). */
    @Transactional
    public void detach(PostId id, DocumentId document) {
        posts.editable(id, false);
        jdbc.update("delete from news_attachment where post_id = ? and document_id = ?", id.value(),
                document.value());
    }

    /**
     * Sets the post's picture. Only real pictures (JPEG, PNG, GIF, WebP, by their bytes) are taken; anything else
     * is refused with a message naming the file, and nothing is stored.
     */
    public void setImage(PostId id, String fileName, InputStream content, long size) {
        Posts.Access access = transactions.execute(s -> posts.editable(id, false));
        long max = documents.maxUploadSize();
        Path staged = images.stage(content, max, fileName, max / (1024 * 1024));
        try {
            images.requireImage(staged, fileName);
            long length = Files.size(staged);
            StoredDocument stored = asUploader(access, () -> {
                try (InputStream in = Files.newInputStream(staged)) {
                    return documents.upload(folderFor(access), fileName, in, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            transactions.executeWithoutResult(s -> {
                posts.editable(id, true);
                jdbc.update("update news_post set image_document = ? where id = ?", stored.documentId().value(),
                        id.value());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a temporary file; the system cleans it up
            }
        }
    }

    /** Checks that a file is a picture before a post exists to put it on (the editor's early check). */
    public void checkImage(String fileName, Path file) {
        images.requireImage(file, fileName);
    }

    /** Removes the picture from the post. */
    @Transactional
    public void removeImage(PostId id) {
        posts.editable(id, false);
        jdbc.update("update news_post set image_document = null where id = ?", id.value());
    }

    // ---------------------------------------------------------------- reading

    /**
     * The timeline: the posts the person may see, pinned first, then newest first. Editors also see their scheduled
     * posts (marked). A space filter for a space the person is not in is refused.
     */
    @Transactional(readOnly = true)
    public List<PostSummary> timeline(NewsFilter filter, int offset, int limit) {
        Map<UUID, SpaceSummary> mine = new LinkedHashMap<>();
        spaces.mySpaces().forEach(s -> mine.put(s.id().value(), s));
        if (filter.space() != null && !mine.containsKey(filter.space().value())) {
            throw new SpaceNotFoundException();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + Posts.COLUMNS + " from news_post where ");
        if (filter.space() != null) {
            sql.append("space_id = ?");
            args.add(filter.space().value());
        } else if (filter.associationOnly() || mine.isEmpty()) {
            sql.append("space_id is null");
        } else {
            sql.append("(space_id is null or space_id in (").append(marks(mine.size())).append("))");
            args.addAll(mine.keySet());
        }
        sql.append(" and (publish_at <= ?");
        args.add(Timestamp.from(clock.instant()));
        if (Posts.associationEditor()) {
            sql.append(" or space_id is null");
        }
        List<UUID> editable = mine.values().stream().filter(s -> Posts.mayPostIn(s.myRole()))
                .map(s -> s.id().value()).toList();
        if (!editable.isEmpty()) {
            sql.append(" or space_id in (").append(marks(editable.size())).append(")");
            args.addAll(editable);
        }
        sql.append(") order by pinned desc, publish_at desc, id limit ? offset ?");
        args.add(Math.max(1, Math.min(limit, 100)));
        args.add(Math.max(0, offset));
        List<Posts.Row> rows = jdbc.query(sql.toString(), Posts::row, args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<PersonId, PersonName> authors = people.names(rows.stream().map(r -> new PersonId(r.authorId()))
                .collect(Collectors.toSet()));
        List<UUID> ids = rows.stream().map(Posts.Row::id).toList();
        Map<UUID, Integer> comments = new HashMap<>();
        jdbc.query("select post_id, count(*) from news_comment where post_id in (" + marks(ids.size())
                + ") group by post_id", rs -> {
                    comments.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }, ids.toArray());
        Map<UUID, EventInfo> infos = eventInfos(rows.stream().filter(Posts.Row::isEvent).toList());
        Instant now = clock.instant();
        List<PostSummary> result = new ArrayList<>();
        for (Posts.Row r : rows) {
            PersonName author = authors.get(new PersonId(r.authorId()));
            SpaceSummary space = r.space() == null ? null : mine.get(r.space());
            result.add(new PostSummary(r.postId(), r.spaceId(), space == null ? null : space.name(), r.title(),
                    excerpt(r.body()), r.publishAt(), r.publishAt().isAfter(now), r.pinned(),
                    author == null ? "?" : author.fullName(),
                    r.imageDocument() == null ? null : fileUrl(r.postId(), new DocumentId(r.imageDocument())),
                    infos.get(r.id()), comments.getOrDefault(r.id(), 0)));
        }
        return result;
    }

    /** One post with everything its page shows. */
    @Transactional(readOnly = true)
    public PostDetails get(PostId id) {
        Posts.Access access = posts.visible(id, false);
        Posts.Row r = access.row();
        PersonId me = Posts.me();
        List<UUID> attachmentIds = jdbc.queryForList("select document_id from news_attachment where post_id = ?"
                + " order by position", UUID.class, id.value());
        Set<DocumentId> wanted = new HashSet<>();
        attachmentIds.forEach(d -> wanted.add(new DocumentId(d)));
        if (r.imageDocument() != null) {
            wanted.add(new DocumentId(r.imageDocument()));
        }
        Map<DocumentId, DocumentSummary> live = liveDocuments(r, wanted);
        List<PostDetails.Attachment> attachments = attachmentIds.stream().map(DocumentId::new)
                .filter(live::containsKey)
                .map(d -> new PostDetails.Attachment(d, live.get(d).name(), fileUrl(id, d))).toList();
        String imageUrl = r.imageDocument() != null && live.containsKey(new DocumentId(r.imageDocument()))
                ? fileUrl(id, new DocumentId(r.imageDocument())) : null;

        Map<ReactionKind, int[]> counts = new EnumMap<>(ReactionKind.class);
        Set<ReactionKind> mineReacted = new HashSet<>();
        jdbc.query("select kind, person_id from news_reaction where post_id = ?", rs -> {
            ReactionKind kind = ReactionKind.valueOf(rs.getString(1));
            counts.computeIfAbsent(kind, k -> new int[1])[0]++;
            if (rs.getLong(2) == me.value()) {
                mineReacted.add(kind);
            }
        }, id.value());
        List<PostDetails.Reaction> reactions = new ArrayList<>();
        for (ReactionKind kind : ReactionKind.values()) {
            reactions.add(new PostDetails.Reaction(kind, counts.getOrDefault(kind, new int[1])[0],
                    mineReacted.contains(kind)));
        }

        record RawComment(long id, long author, String body, Instant at) {
        }
        List<RawComment> raw = jdbc.query("select id, author_id, body, created_at from news_comment"
                + " where post_id = ? order by created_at, id", (rs, n) -> new RawComment(rs.getLong(1),
                        rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()), id.value());
        Set<PersonId> named = raw.stream().map(c -> new PersonId(c.author())).collect(Collectors.toSet());
        named.add(new PersonId(r.authorId()));
        Map<PersonId, PersonName> names = people.names(named);
        List<PostDetails.CommentView> comments = raw.stream().map(c -> {
            PersonName author = names.get(new PersonId(c.author()));
            return new PostDetails.CommentView(c.id(), author == null ? "?" : author.fullName(),
                    Markdown.toSafeHtml(c.body()), c.at(), access.canEdit() || c.author() == me.value());
        }).toList();

        EventDraft event = r.isEvent() ? new EventDraft(r.eventStartsAt(), r.eventEndsAt(), r.location(),
                r.program(), r.capacity(), r.maxGuests()) : null;
        EventInfo info = r.isEvent() ? eventInfos(List.of(r)).get(r.id()) : null;
        PersonName author = names.get(new PersonId(r.authorId()));
        return new PostDetails(id, r.spaceId(), access.space() == null ? null : access.space().name(), r.title(),
                r.body(), Markdown.toSafeHtml(r.body()), r.publishAt(), !access.published(), r.pinned(),
                r.commentsClosed(), new PersonId(r.authorId()), author == null ? "?" : author.fullName(),
                r.updatedAt(), r.version(), imageUrl, attachments, event,
                r.program() == null ? null : Markdown.toSafeHtml(r.program()), info, reactions, comments,
                access.canEdit(), access.published() && !r.commentsClosed());
    }

    /**
     * A file of a post (its picture or an attachment) for the news file address: only for those who may read the
     * post, and only files that belong to it. Pictures open inline, everything else downloads.
     */
    @Transactional(readOnly = true)
    public NewsFile file(PostId id, DocumentId document) {
        Posts.Row r = posts.visible(id, false).row();
        boolean image = document.value().equals(r.imageDocument());
        Integer attached = jdbc.queryForObject("select count(*) from news_attachment where post_id = ?"
                + " and document_id = ?", Integer.class, id.value(), document.value());
        if (!image && (attached == null || attached == 0)) {
            throw new NewsNotFoundException();
        }
        DocumentContent content;
        try {
            content = CurrentUser.callAsSystem(() -> documents.currentContent(document));
        } catch (SpaceNotFoundException e) {
            throw new NewsNotFoundException();
        }
        return new NewsFile(content, ImageCheck.IMAGES.contains(content.mediaType()));
    }

    // ---------------------------------------------------------------- comments and reactions

    /** Comments on a published post, unless its comments are closed. The text is Markdown, sanitized when shown. */
    @Transactional
    public void comment(PostId id, String text) {
        Posts.Access access = posts.visible(id, false);
        if (!access.published() || access.row().commentsClosed()) {
            throw new TafelException("news.error.commentsClosed");
        }
        String body = markdown("comment", text, COMMENT_LENGTH);
        if (body == null) {
            throw new FieldException("comment", "validation.required");
        }
        jdbc.update("insert into news_comment (post_id, author_id, body, created_at) values (?, ?, ?, ?)",
                id.value(), Posts.me().value(), body, Timestamp.from(clock.instant()));
    }

    /** Removes a comment: its writer may, and the post's editors may. */
    @Transactional
    public void deleteComment(PostId id, long commentId) {
        Posts.Access access = posts.visible(id, false);
        List<Long> author = jdbc.queryForList("select author_id from news_comment where id = ? and post_id = ?",
                Long.class, commentId, id.value());
        if (author.isEmpty()) {
            return;
        }
        if (!access.canEdit() && author.getFirst() != Posts.me().value()) {
            throw new AccessDeniedException("Not the writer of comment " + commentId);
        }
        jdbc.update("delete from news_comment where id = ?", commentId);
    }

    /** Adds the person's reaction of this kind, or takes it back when it was there; true when it is now there. */
    @Transactional
    public boolean toggleReaction(PostId id, ReactionKind kind) {
        Posts.Access access = posts.visible(id, false);
        if (!access.published()) {
            throw new NewsNotFoundException();
        }
        long me = Posts.me().value();
        int added = jdbc.update("insert ignore into news_reaction (post_id, person_id, kind, reacted_at)"
                + " values (?, ?, ?, ?)", id.value(), me, kind.name(), Timestamp.from(clock.instant()));
        if (added == 0) {
            jdbc.update("delete from news_reaction where post_id = ? and person_id = ? and kind = ?", id.value(),
                    me, kind.name());
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    /** Where a post's file is served to those who may read the post (relative to the application's root). */
    public static String fileUrl(PostId post, DocumentId document) {
        return "nieuwsbestanden/" + post + "/" + document;
    }

    /** Markdown to the sanitized HTML a browser may get (for the editor's preview). */
    public static String preview(String markdown) {
        return Markdown.toSafeHtml(markdown);
    }

    private Map<UUID, EventInfo> eventInfos(List<Posts.Row> events) {
        Map<UUID, EventInfo> result = new HashMap<>();
        if (events.isEmpty()) {
            return result;
        }
        record Raw(UUID post, long person, int guests, @Nullable String names, SignupStatus status) {
        }
        List<UUID> ids = events.stream().map(Posts.Row::id).toList();
        List<Raw> all = jdbc.query("select post_id, person_id, guests, guest_names, status from news_signup"
                + " where post_id in (" + marks(ids.size()) + ") order by signed_up_at, id",
                (rs, n) -> new Raw(rs.getObject(1, UUID.class), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        SignupStatus.valueOf(rs.getString(5))), ids.toArray());
        long me = Posts.me().value();
        Instant now = clock.instant();
        for (Posts.Row r : events) {
            int taken = 0;
            int waiting = 0;
            EventInfo.MySignup mine = null;
            for (Raw s : all) {
                if (!s.post().equals(r.id())) {
                    continue;
                }
                if (s.status() == SignupStatus.CONFIRMED) {
                    taken += 1 + s.guests();
                } else {
                    waiting++;
                }
                if (s.person() == me) {
                    mine = new EventInfo.MySignup(s.status(), s.guests(), s.names(),
                            s.status() == SignupStatus.WAITING ? waiting : 0);
                }
            }
            boolean full = r.capacity() != null && (waiting > 0 || taken >= r.capacity());
            result.put(r.id(), new EventInfo(r.eventStartsAt(), r.eventEndsAt(), r.location(), r.capacity(),
                    r.maxGuests(), taken, waiting, full, !r.eventStartsAt().isAfter(now), mine));
        }
        return result;
    }

    /** The live documents among these, read as Tafel: the person's right to read the post was checked. */
    private Map<DocumentId, DocumentSummary> liveDocuments(Posts.Row r, Collection<DocumentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return CurrentUser.callAsSystem(() -> {
            SpaceId space = r.space() != null ? new SpaceId(r.space()) : store.space();
            return documents.summaries(space, ids);
        });
    }

    /** Uploads as the person when they contribute to the post's space; otherwise (the news space) as Tafel. */
    private <T> T asUploader(Posts.Access access, Supplier<T> work) {
        if (access.space() != null && access.space().myRole().includes(SpaceRole.CONTRIBUTOR)) {
            return work.get();
        }
        return CurrentUser.callAsSystem(work);
    }

    /** The post's folder: "Nieuws/2026-03-01 Titel (ab12cd34)" in its space, made when needed. */
    private FolderId folderFor(Posts.Access access) {
        Posts.Row r = access.row();
        SpaceId spaceId = r.space() != null ? new SpaceId(r.space()) : store.space();
        return transactions.execute(s -> {
            SpaceDetails space = spaces.get(spaceId);
            FolderId news = documents.folderNamed(space.rootFolder(), "Nieuws");
            String day = DateTimeFormatter.ISO_LOCAL_DATE.format(r.createdAt().atZone(ZONE));
            String title = DocumentNames.withoutForbiddenCharacters(r.title());
            if (title.length() > 90) {
                title = title.substring(0, 90).strip();
            }
            return documents.folderNamed(news, day + " " + title + " (" + r.id().toString().substring(0, 8) + ")");
        });
    }

    private boolean hasSignups(UUID post) {
        Integer n = jdbc.queryForObject("select count(*) from news_signup where post_id = ?", Integer.class, post);
        return n != null && n > 0;
    }

    private static String excerpt(String markdown) {
        String text = org.jsoup.Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown)).text();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH).strip() + "…";
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Markdown as typed: lines allowed; control characters and over-long text are refused. */
    static @Nullable String markdown(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > max) {
            throw new FieldException(field, "validation.tooLong", max);
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\t') {
                throw new FieldException(field, "validation.controlCharacters");
            }
        }
        return text;
    }

    private record Checked(String title, String text, Instant publishAt, @Nullable Instant startsAt,
            @Nullable Instant endsAt, @Nullable String location, @Nullable String program,
            @Nullable Integer capacity, int maxGuests) {
    }

    private Checked check(PostDraft draft) {
        String title = Texts.name("title", draft.title(), TITLE_LENGTH);
        String text = markdown("text", draft.text(), TEXT_LENGTH);
        if (text == null) {
            throw new FieldException("text", "validation.required");
        }
        Instant publishAt = draft.publishAt() == null ? clock.instant() : draft.publishAt();
        EventDraft e = draft.event();
        if (e == null) {
            return new Checked(title, text, publishAt, null, null, null, null, null, 0);
        }
        if (e.endsAt() != null && !e.endsAt().isAfter(e.startsAt())) {
            throw new FieldException("eventEnds", "news.error.endBeforeStart");
        }
        String location = Texts.plainText("location", e.location(), LOCATION_LENGTH);
        String program = markdown("program", e.program(), PROGRAM_LENGTH);
        if (e.capacity() != null && (e.capacity() < 1 || e.capacity() > 100_000)) {
            throw new FieldException("capacity", "news.error.capacity");
        }
        if (e.maxGuests() < 0 || e.maxGuests() > MAX_GUESTS) {
            throw new FieldException("maxGuests", "news.error.maxGuests", MAX_GUESTS);
        }
        return new Checked(title, text, publishAt, e.startsAt(), e.endsAt(), location, program, e.capacity(),
                e.maxGuests());
    }
}
