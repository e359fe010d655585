package nl.tafel.news.ui;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.news.EventDraft;
import nl.tafel.news.NewsFilter;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDetails;
import nl.tafel.news.PostDraft;
import nl.tafel.news.PostId;
import nl.tafel.news.PostSummary;
import nl.tafel.news.SignupService;
import nl.tafel.news.SignupStatus;
import nl.tafel.spaces.SpaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The news screens in the JVM: the timeline on the overview, the editor, sign-up, and comments. */
@TafelTest
class NewsViewsTest extends SpringBrowserlessTest {

    @Autowired
    NewsService news;
    @Autowired
    SignupService signups;
    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    nl.tafel.spaces.SpaceService spaces;

    String run = TestBoard.unique("Nieuws");
    SpaceId space;

    @BeforeEach
    void aSpace() {
        space = board.space("Werkgroep " + run);
    }

    private PostId post(SpaceId in, String title, EventDraft event) {
        return as.call(SECRETARY, () -> news.create(new PostDraft(in, title, "Tekst met **nadruk** " + run, null,
                false, event)));
    }

    private static EventDraft event(Integer capacity) {
        return new EventDraft(Instant.now().plus(Duration.ofDays(10)), null, "Stadhuis Leiden", "Programma", capacity,
                1);
    }

    @Test
    @WithUserDetails(MEMBER)
    void theOverviewShowsTheTimelineAndFiltersBySpace() {
        post(null, "Algemeen " + run, null);
        post(space, "Voor de werkgroep " + run, event(1));
        UI.getCurrent().navigate("nieuws");
        UI.getCurrent().navigate("");
        Div timeline = find(Div.class).id("news-timeline");
        String text = timeline.getElement().getTextRecursively();
        assertThat(text).contains("Algemeen " + run).contains("Voor de werkgroep " + run)
                .contains("Werkgroep " + run).contains("Nog 1 plaatsen");
        // newest first
        assertThat(text.indexOf("Voor de werkgroep " + run)).isLessThan(text.indexOf("Algemeen " + run));

        @SuppressWarnings("unchecked")
        Select<Timeline.Choice> filter = find(Select.class).id("news-filter");
        filter.setValue(filter.getListDataView().getItems()
                .filter(c -> c.space() != null && c.space().id().equals(space)).findFirst().orElseThrow());
        text = find(Div.class).id("news-timeline").getElement().getTextRecursively();
        assertThat(text).contains("Voor de werkgroep " + run).doesNotContain("Algemeen " + run);
        // a member who may not write sees no "write" link
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withId("overview-news-write").exists())
                .isFalse();
    }

    @Test
    @WithUserDetails(SECRETARY)
    void theSecretaryWritesAPostWithAPreviewAndMembersReadItSanitized() {
        UI.getCurrent().navigate("nieuws/schrijven");
        @SuppressWarnings("unchecked")
        Select<NewsEditorView.Audience> audience = find(Select.class).id("post-audience");
        audience.setValue(audience.getListDataView().getItems()
                .filter(a -> a.space() != null && a.space().id().equals(space)).findFirst().orElseThrow());
        test(find(TextField.class).id("post-title")).setValue("Verslag " + run);
        test(find(TextArea.class).id("post-text")).setValue("Het was **druk**.\n\n<script>alert(1)</script>");
        String preview = find(Div.class).id("post-preview").getElement().getProperty("innerHTML");
        assertThat(preview).contains("<strong>druk</strong>").doesNotContain("<script>");
        test(find(Button.class).id("post-save")).click();

        PostSummary saved = as.call(READER, () -> news.timeline(NewsFilter.space(space), 0, 5)).getFirst();
        assertThat(saved.title()).isEqualTo("Verslag " + run);
        assertThat(getCurrentView()).isInstanceOf(NewsPostView.class);
        String body = find(Div.class).id("post-body").getElement().getProperty("innerHTML");
        assertThat(body).contains("<strong>druk</strong>").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aTitleMissingIsShownOnTheField() {
        UI.getCurrent().navigate("nieuws/schrijven");
        test(find(TextArea.class).id("post-text")).setValue("Zonder titel");
        test(find(Button.class).id("post-save")).click();
        TextField title = find(TextField.class).id("post-title");
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Vul dit veld in.");
        assertThat(getCurrentView()).isInstanceOf(NewsEditorView.class);
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberSignsUpAndAFullEventSaysTheWaitingListIsNext() {
        PostId roomy = post(space, "Ruim " + run, event(5));
        UI.getCurrent().navigate("nieuws/" + roomy);
        test(find(IntegerField.class).id("signup-guests")).setValue(1);
        test(find(TextField.class).id("signup-guest-names")).setValue("Piet Gast");
        test(find(Button.class).id("signup")).click();
        assertThat(find(Span.class).id("event-state").getText()).isEqualTo("Je bent aangemeld");
        assertThat(find(Paragraph.class).id("event-seats").getText())
                .isEqualTo("2 van 5 plaatsen bezet, 0 op de wachtlijst");

        PostId full = post(space, "Vol " + run, event(1));
        as.call(READER, () -> signups.signUp(full, 0, null));
        UI.getCurrent().navigate("nieuws/" + full);
        assertThat(find(Span.class).id("event-state").getText()).isEqualTo("Vol – je komt op de wachtlijst");
        assertThat(find(Span.class).id("signup-full").getText()).isEqualTo("Vol – je komt op de wachtlijst");
        test(find(Button.class).id("signup")).click();
        assertThat(test(find(Notification.class).last()).getText()).startsWith(
                "Het evenement is vol: je staat op de wachtlijst (plaats 1).");
        assertThat(find(Span.class).id("event-state").getText()).isEqualTo("Je staat op de wachtlijst (plaats 1)");
        assertThat(as.call(MEMBER, () -> news.get(full)).eventInfo().mine().status())
                .isEqualTo(SignupStatus.WAITING);
        // members do not see the organiser's list
        assertThat(find(com.vaadin.flow.component.grid.Grid.class).withId("signups-grid").exists()).isFalse();
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberCommentsAndReactsUntilCommentsAreClosed() {
        PostId id = post(space, "Praat mee " + run, null);
        UI.getCurrent().navigate("nieuws/" + id);
        test(find(TextArea.class).id("comment-text")).setValue("Goed idee, ik help mee.");
        test(find(Button.class).id("comment-send")).click();
        Div comments = find(Div.class).id("post-comments");
        assertThat(comments.getElement().getTextRecursively()).contains("Lars Lid");
        assertThat(find(Div.class, comments).all().stream().map(d -> d.getElement().getProperty("innerHTML", ""))
                .toList()).contains("<p>Goed idee, ik help mee.</p>");
        test(find(Button.class).id("react-heart")).click();
        assertThat(find(Button.class).id("react-heart").getText()).isEqualTo("\u2764\uFE0F 1");
        List<PostDetails.Reaction> reactions = as.call(READER, () -> news.get(id)).reactions();
        assertThat(reactions.get(1).count()).isEqualTo(1);

        as.run(SECRETARY, () -> news.setCommentsClosed(id, true));
        UI.getCurrent().navigate("nieuws/" + id);
        assertThat(find(TextArea.class).withId("comment-text").exists()).isFalse();
        assertThat(find(Paragraph.class).id("comments-closed").getText()).isEqualTo("Reageren is gesloten.");
        assertThat(find(Button.class).withId("post-comments-toggle").exists()).isFalse();
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberCannotWriteNewsNorOpenAnotherSpacesPost() {
        UI.getCurrent().navigate("nieuws/schrijven");
        assertThat(find(Paragraph.class).id("news-not-found").getText())
                .isEqualTo("Je mag hier geen nieuwsberichten schrijven. Dat doen secretarissen en de beheerders van"
                        + " een ruimte.");
        // a space the member is not in: its post does not exist for them, by its address either
        SpaceId board = as.call(SECRETARY, () -> spaces.create("Bestuur " + run, null));
        PostId hidden = post(board, "Vertrouwelijk " + run, null);
        UI.getCurrent().navigate("nieuws/" + hidden);
        assertThat(find(Paragraph.class).id("news-not-found").getText())
                .isEqualTo("Dit nieuwsbericht bestaat niet (meer), of je hebt er geen toegang toe.");
        assertThat(find(Div.class).withId("post-body").exists()).isFalse();
    }
}
