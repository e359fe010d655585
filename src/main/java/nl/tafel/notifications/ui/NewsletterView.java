package nl.tafel.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tafel.news.PostSummary;
import nl.tafel.notifications.NewsletterDraft;
import nl.tafel.notifications.NewsletterPreview;
import nl.tafel.notifications.NewsletterService;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceSummary;

/** Composing a newsletter from posts: the audience, a subject, an introduction, the posts; a preview; sending. */
@Route("nieuws/nieuwsbrief")
@PermitAll
class NewsletterView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle, BeforeEnterObserver {

    /** The audience: a space, or everyone (no space). */
    record Audience(Optional<SpaceSummary> space) {
    }

    private final NewsletterService newsletters;
    private final Select<Audience> audience = new Select<>();
    private final TextField subject = new TextField();
    private final TextArea intro = new TextArea();
    private final CheckboxGroup<PostSummary> posts = new CheckboxGroup<>();
    private final Div preview = new Div();
    private UUID id = UUID.randomUUID();

    NewsletterView(NewsletterService newsletters) {
        this.newsletters = newsletters;
        addClassName("tafel-view");
        setPadding(false);
        add(new ViewHeader(getTranslation("notifications.newsletter.title"),
                getTranslation("notifications.newsletter.intro")));
        List<Audience> choices = new ArrayList<>();
        if (newsletters.maySendToEveryone()) {
            choices.add(new Audience(Optional.empty()));
        }
        newsletters.spacesToSendTo().forEach(s -> choices.add(new Audience(Optional.of(s))));
        audience.setId("newsletter-audience");
        audience.setLabel(getTranslation("notifications.newsletter.audience"));
        audience.setItems(choices);
        audience.setItemLabelGenerator(a -> a.space().map(SpaceSummary::name)
                .orElse(getTranslation("notifications.newsletter.everyone")));
        audience.addValueChangeListener(e -> loadPosts());
        subject.setId("newsletter-subject");
        subject.setLabel(getTranslation("notifications.newsletter.subject"));
        subject.setMaxLength(200);
        subject.setWidthFull();
        intro.setId("newsletter-intro");
        intro.setLabel(getTranslation("notifications.newsletter.introText"));
        intro.setWidthFull();
        posts.setId("newsletter-posts");
        posts.setLabel(getTranslation("notifications.newsletter.posts"));
        posts.setItemLabelGenerator(PostSummary::title);
        Button show = new Button(getTranslation("notifications.newsletter.preview"), e -> showPreview());
        show.setId("newsletter-preview");
        Button send = new Button(getTranslation("notifications.newsletter.send"), e -> send());
        send.setId("newsletter-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(show, send);
        buttons.addClassName("tafel-actions");
        preview.setId("newsletter-preview-box");
        preview.setWidthFull();
        add(audience, subject, intro, posts, buttons, preview);
        if (!choices.isEmpty()) {
            audience.setValue(choices.getFirst());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (audience.getListDataView().getItemCount() == 0) {
            event.forwardTo("nieuws");
        }
    }

    private void loadPosts() {
        posts.setItems(audience.getValue() == null ? List.of()
                : newsletters.candidates(spaceId()));
    }

    private SpaceId spaceId() {
        return audience.getValue() == null ? null : audience.getValue().space().map(SpaceSummary::id).orElse(null);
    }

    private NewsletterDraft draft() {
        return new NewsletterDraft(id, spaceId(), subject.getValue(), intro.getValue(),
                posts.getSelectedItems().stream().sorted(java.util.Comparator.comparing(PostSummary::publishAt)
                        .reversed()).map(PostSummary::id).toList());
    }

    private void showPreview() {
        try {
            NewsletterPreview p = newsletters.preview(draft());
            preview.removeAll();
            Pre text = new Pre(p.text());
            text.setId("newsletter-preview-text");
            text.getStyle().set("white-space", "pre-wrap");
            preview.add(new H2(p.subject()), text);
            preview.add(new Div(getTranslation("notifications.newsletter.recipients", p.recipients())));
        } catch (FieldException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void send() {
        try {
            int sent = newsletters.send(draft());
            Notifications.success(getTranslation("notifications.newsletter.sent", sent));
            id = UUID.randomUUID();
            posts.clear();
            subject.clear();
            intro.clear();
            preview.removeAll();
        } catch (FieldException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("notifications.newsletter.title");
    }

    @Override
    public String getPageTitle() {
        return viewTitle() + " · " + getTranslation("app.name");
    }
}
