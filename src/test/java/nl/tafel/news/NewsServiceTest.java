package nl.tafel.news;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.UploadException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Posts on MariaDB: who sees which post, who may write, scheduling, pinning, comments, reactions and files. */
@TafelTest
class NewsServiceTest {

    @Autowired
    NewsService news;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    TestConfig.TestClock clock;

    SpaceId space;
    SpaceId otherSpace;
    String run = TestBoard.unique("Nieuws");

    @BeforeEach
    void spaces() {
        space = board.space("Werkgroep " + run);
        otherSpace = board.space("Kernteam " + run);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PostId post(String who, SpaceId in, String title) {
        return as.call(who, () -> news.create(new PostDraft(in, title, "Tekst van " + title, null, false, null)));
    }

    private List<String> titles(String who, NewsFilter filter) {
        return as.call(who, () -> news.timeline(filter, 0, 100)).stream().map(PostSummary::title)
                .filter(t -> t.contains(run)).toList();
    }

    @Test
    void spacePostsAreForTheSpacesMembersAndAssociationPostsForEveryone() {
        PostId general = post(SECRETARY, null, "Algemeen " + run);
        PostId forSpace = post(SECRETARY, space, "Werkgroep " + run);

        assertThat(titles(MEMBER, NewsFilter.all())).containsExactlyInAnyOrder("Algemeen " + run,
                "Werkgroep " + run);
        assertThat(titles(READER, NewsFilter.all())).containsExactlyInAnyOrder("Algemeen " + run,
                "Werkgroep " + run);
        assertThat(titles(OUTSIDER, NewsFilter.all())).containsExactly("Algemeen " + run);
        assertThat(titles(ADMIN, NewsFilter.all())).contains("Werkgroep " + run);

        // the outsider cannot read the space's post, nor its files, nor filter on the space: "not found"
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.get(forSpace)))
                .isInstanceOf(NewsNotFoundException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.timeline(NewsFilter.space(space), 0, 10)))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> news.comment(forSpace, "Mag ik ook?")))
                .isInstanceOf(NewsNotFoundException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.toggleReaction(forSpace, ReactionKind.HEART)))
                .isInstanceOf(NewsNotFoundException.class);
        assertThat(as.call(OUTSIDER, () -> news.get(general)).title()).isEqualTo("Algemeen " + run);

        // filters: association-wide only, one space
        assertThat(titles(MEMBER, NewsFilter.association())).containsExactly("Algemeen " + run);
        assertThat(titles(MEMBER, NewsFilter.space(space))).containsExactly("Werkgroep " + run);
        assertThat(titles(MEMBER, NewsFilter.space(otherSpace))).isEmpty();
    }

    @Test
    void onlySecretariesWriteForTheAssociationAndOnlyManagersForASpace() {
        assertThatThrownBy(() -> post(MEMBER, null, "Lid algemeen " + run))
                .isInstanceOf(AccessDeniedException.class);
        // the member contributes to the space but does not manage it
        assertThatThrownBy(() -> post(MEMBER, space, "Lid ruimte " + run)).isInstanceOf(TafelException.class)
                .hasMessageContaining("news.error.mayNotPost");
        assertThatThrownBy(() -> post(OUTSIDER, space, "Buiten " + run))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThat(as.call(MEMBER, () -> news.mayPost())).isFalse();
        assertThat(as.call(SECRETARY, () -> news.spacesToPostIn())).extracting(s -> s.id()).contains(space);

        PostId id = post(SECRETARY, space, "Van de secretaris " + run);
        PostDetails seen = as.call(MEMBER, () -> news.get(id));
        assertThat(seen.canEdit()).isFalse();
        assertThatThrownBy(() -> as.run(MEMBER, () -> news.update(id, new PostDraft(space, "Gekaapt", "x", null,
                false, null), seen.version()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> news.setPinned(id, true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> news.delete(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(as.call(MEMBER, () -> news.get(id)).title()).isEqualTo("Van de secretaris " + run);
    }

    @Test
    void aScheduledPostAppearsByTheClockAndOnlyItsEditorsSeeItBefore() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        PostId id = as.call(SECRETARY, () -> news.create(new PostDraft(null, "Gepland " + run, "Straks",
                tomorrow, false, null)));
        assertThat(titles(MEMBER, NewsFilter.all())).doesNotContain("Gepland " + run);
        assertThatThrownBy(() -> as.call(MEMBER, () -> news.get(id))).isInstanceOf(NewsNotFoundException.class);
        List<PostSummary> editorSees = as.call(SECRETARY, () -> news.timeline(NewsFilter.all(), 0, 100));
        assertThat(editorSees).filteredOn(p -> p.id().equals(id)).singleElement()
                .extracting(PostSummary::scheduled).isEqualTo(true);
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.comment(id, "Te vroeg")))
                .isInstanceOf(TafelException.class).hasMessageContaining("news.error.commentsClosed");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(titles(MEMBER, NewsFilter.all())).contains("Gepland " + run);
        assertThat(as.call(MEMBER, () -> news.get(id)).scheduled()).isFalse();
    }

    @Test
    void pinnedPostsComeFirstThenNewestFirst() {
        PostId old = post(SECRETARY, space, "Oud " + run);
        clock.advance(Duration.ofMinutes(1));
        post(SECRETARY, space, "Nieuw " + run);
        assertThat(titles(MEMBER, NewsFilter.space(space))).containsExactly("Nieuw " + run, "Oud " + run);
        as.run(SECRETARY, () -> news.setPinned(old, true));
        assertThat(titles(MEMBER, NewsFilter.space(space))).containsExactly("Oud " + run, "Nieuw " + run);
        assertThat(as.call(MEMBER, () -> news.timeline(NewsFilter.space(space), 0, 10)).getFirst().pinned())
                .isTrue();
    }

    @Test
    void aStaleEditIsRefusedAndTheAudienceStays() {
        PostId id = post(SECRETARY, space, "Versie " + run);
        long version = as.call(SECRETARY, () -> news.get(id)).version();
        as.run(SECRETARY, () -> news.update(id, new PostDraft(space, "Versie 2 " + run, "Nieuwe tekst", null, false,
                null), version));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.update(id, new PostDraft(space, "Versie 3 " + run,
                "Oude basis", null, false, null), version))).isInstanceOf(ConcurrentEditException.class);
        assertThat(as.call(MEMBER, () -> news.get(id)).title()).isEqualTo("Versie 2 " + run);
        long now = as.call(SECRETARY, () -> news.get(id)).version();
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.update(id, new PostDraft(null, "Naar iedereen",
                "x", null, false, null), now))).isInstanceOf(TafelException.class)
                .hasMessageContaining("news.error.audienceFixed");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.update(id, new PostDraft(space, "  ", "x", null,
                false, null), now))).isInstanceOf(FieldException.class).hasMessageContaining("validation.required");
    }

    @Test
    void scriptInPostsAndCommentsNeverReachesTheBrowser() {
        String payload = """
                # Welkom
                <script>alert('post')</script>

                <img src=x onerror="alert('img')">

                [klik](javascript:alert('link')) en **vet**

                <a href="https://example.org" onclick="alert('a')">a</a>
                <iframe src="https://evil.example"></iframe>
                """;
        PostId id = as.call(SECRETARY, () -> news.create(new PostDraft(space, "XSS " + run, payload, null, false,
                new EventDraft(Instant.now().plus(Duration.ofDays(3)), null, "Leiden", payload, null, 0))));
        as.run(MEMBER, () -> news.comment(id, "<script>alert('comment')</script> <b onmouseover=alert(1)>hoi</b>"));
        PostDetails p = as.call(READER, () -> news.get(id));
        for (String html : List.of(p.html(), p.programHtml(), p.comments().getFirst().html())) {
            Document doc = Jsoup.parseBodyFragment(html);
            assertThat(doc.select("script, iframe, img, style")).as(html).isEmpty();
            assertThat(doc.select("[onerror], [onclick], [onmouseover]")).as(html).isEmpty();
            assertThat(doc.select("a[href^=javascript]")).as(html).isEmpty();
        }
        assertThat(p.html()).contains("<h1>Welkom</h1>").contains("<strong>vet</strong>");
        // what was typed is kept (for the editor), shown only as escaped text
        assertThat(p.text()).contains("<script>");
        assertThat(Jsoup.parseBodyFragment(p.comments().getFirst().html()).text()).contains("<script>");
        // the timeline's excerpt is plain text
        PostSummary summary = as.call(READER, () -> news.timeline(NewsFilter.space(space), 0, 10)).getFirst();
        assertThat(summary.excerpt()).startsWith("Welkom").doesNotContain("<h1>");
    }

    @Test
    void commentsCanBeClosedByTheEditorsAndRemovedByTheirWriters() {
        PostId id = post(SECRETARY, space, "Reacties " + run);
        as.run(MEMBER, () -> news.comment(id, "Goed plan!"));
        as.run(READER, () -> news.comment(id, "Eens."));
        PostDetails seen = as.call(MEMBER, () -> news.get(id));
        assertThat(seen.comments()).extracting(PostDetails.CommentView::authorName)
                .containsExactly("Lars Lid", "Lotte Lezer");
        assertThat(seen.comments()).extracting(PostDetails.CommentView::canDelete).containsExactly(true, false);
        long readers = seen.comments().get(1).id();
        assertThatThrownBy(() -> as.run(MEMBER, () -> news.deleteComment(id, readers)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> news.setCommentsClosed(id, true)))
                .isInstanceOf(AccessDeniedException.class);

        as.run(SECRETARY, () -> news.setCommentsClosed(id, true));
        assertThatThrownBy(() -> as.run(READER, () -> news.comment(id, "Nog één ding")))
                .isInstanceOf(TafelException.class).hasMessageContaining("news.error.commentsClosed");
        assertThat(as.call(READER, () -> news.get(id)).canComment()).isFalse();
        as.run(SECRETARY, () -> news.deleteComment(id, readers));
        assertThat(as.call(MEMBER, () -> news.get(id)).comments()).extracting(PostDetails.CommentView::authorName)
                .containsExactly("Lars Lid");
        assertThat(as.call(MEMBER, () -> news.timeline(NewsFilter.space(space), 0, 10)).getFirst().comments())
                .isEqualTo(1);
    }

    @Test
    void reactionsCountOncePerPersonAndKind() {
        PostId id = post(SECRETARY, space, "Reacties tellen " + run);
        assertThat(as.call(MEMBER, () -> news.toggleReaction(id, ReactionKind.THUMBS_UP))).isTrue();
        as.call(MEMBER, () -> news.toggleReaction(id, ReactionKind.PARTY));
        as.call(READER, () -> news.toggleReaction(id, ReactionKind.THUMBS_UP));
        PostDetails p = as.call(MEMBER, () -> news.get(id));
        assertThat(p.reactions()).extracting(PostDetails.Reaction::kind, PostDetails.Reaction::count,
                PostDetails.Reaction::mine).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ReactionKind.THUMBS_UP, 2, true),
                        org.assertj.core.groups.Tuple.tuple(ReactionKind.HEART, 0, false),
                        org.assertj.core.groups.Tuple.tuple(ReactionKind.PARTY, 1, true));
        // a second click takes it back
        assertThat(as.call(MEMBER, () -> news.toggleReaction(id, ReactionKind.THUMBS_UP))).isFalse();
        assertThat(as.call(READER, () -> news.get(id)).reactions().getFirst())
                .isEqualTo(new PostDetails.Reaction(ReactionKind.THUMBS_UP, 1, true));
    }

    @Test
    void aPictureThatIsNotAPictureIsRefusedAndNothingIsStored() throws Exception {
        PostId id = post(SECRETARY, null, "Beeld " + run);
        byte[] text = "Dit is geen foto, maar tekst.".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as.run(SECRETARY, () -> news.setImage(id, "foto.jpg",
                new ByteArrayInputStream(text), text.length))).isInstanceOf(UploadException.class)
                .hasMessageContaining("news.error.notAnImage").hasMessageContaining("foto.jpg");
        assertThat(as.call(MEMBER, () -> news.get(id)).imageUrl()).isNull();

        byte[] png = Files.readAllBytes(png());
        as.run(SECRETARY, () -> news.setImage(id, "logo.png", new ByteArrayInputStream(png), png.length));
        String url = as.call(MEMBER, () -> news.get(id)).imageUrl();
        assertThat(url).startsWith("nieuwsbestanden/" + id + "/");
        NewsFile file = as.call(OUTSIDER, () -> news.file(id, documentOf(url)));
        assertThat(file.inline()).isTrue();
        assertThat(file.content().mediaType()).isEqualTo("image/png");
    }

    @Test
    void attachmentsAreStoredAsDocumentsAndServedOnlyToReadersOfThePost() throws Exception {
        PostId general = post(SECRETARY, null, "Bijlage algemeen " + run);
        PostId inSpace = post(SECRETARY, space, "Bijlage ruimte " + run);
        byte[] pdf = Files.readAllBytes(Path.of("src/test/resources/samples/jaarverslag-2025.pdf"));
        PostDetails.Attachment a = as.call(SECRETARY, () -> news.attach(general, "Programma.pdf",
                new ByteArrayInputStream(pdf), pdf.length));
        PostDetails.Attachment b = as.call(SECRETARY, () -> news.attach(inSpace, "Notulen.pdf",
                new ByteArrayInputStream(pdf), pdf.length));
        assertThat(as.call(OUTSIDER, () -> news.get(general)).attachments()).extracting(PostDetails.Attachment::name)
                .containsExactly("Programma.pdf");
        NewsFile served = as.call(OUTSIDER, () -> news.file(general, a.id()));
        assertThat(served.inline()).isFalse();
        assertThat(served.content().size()).isEqualTo(pdf.length);
        // another space's file, or a file asked for under another post: not found
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.file(inSpace, b.id())))
                .isInstanceOf(NewsNotFoundException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.file(general, b.id())))
                .isInstanceOf(NewsNotFoundException.class);
        assertThat(as.call(READER, () -> news.file(inSpace, b.id())).content().fileName()).isEqualTo("Notulen.pdf");
        // the member may not add files to the secretary's post
        assertThatThrownBy(() -> as.call(MEMBER, () -> news.attach(inSpace, "x.pdf", new ByteArrayInputStream(pdf),
                pdf.length))).isInstanceOf(AccessDeniedException.class);
        as.run(SECRETARY, () -> news.detach(general, a.id()));
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> news.file(general, a.id())))
                .isInstanceOf(NewsNotFoundException.class);
    }

    private static nl.tafel.spaces.DocumentId documentOf(String url) {
        return nl.tafel.spaces.DocumentId.parse(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();
    }

    /** A small real PNG, drawn here. */
    static Path png() throws Exception {
        Path file = Files.createTempFile("news-test-", ".png");
        var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
