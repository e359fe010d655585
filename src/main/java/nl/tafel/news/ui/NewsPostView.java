package nl.tafel.news.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import nl.tafel.news.EventInfo;
import nl.tafel.news.NewsNotFoundException;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDetails;
import nl.tafel.news.PostId;
import nl.tafel.news.SignupResult;
import nl.tafel.news.SignupService;
import nl.tafel.news.SignupStatus;
import nl.tafel.news.SignupView;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.ui.Confirm;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/**
 * One post: its text (sanitized HTML from the server), picture and attachments; the event with sign-up and the
 * waiting list; reactions and comments. Its editors also pin it, close comments, see the sign-ups and export them.
 */
@Route("nieuws/:postId([0-9a-fA-F-]{36})")
@PermitAll
class NewsPostView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, MainLayout.HasViewTitle {

    private final NewsService news;
    private final SignupService signups;
    private PostId id = PostId.random();
    private String title = "";

    NewsPostView(NewsService news, SignupService signups) {
        this.news = news;
        this.signups = signups;
        addClassName("tafel-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PostId parsed = event.getRouteParameters().get("postId").flatMap(PostId::parse).orElse(null);
        try {
            if (parsed == null) {
                throw new NewsNotFoundException();
            }
            id = parsed;
            render(news.get(id));
        } catch (NewsNotFoundException e) {
            removeAll();
            add(new ViewHeader(getTranslation("news.title"), ""));
            Paragraph gone = new Paragraph(getTranslation("news.error.notFound"));
            gone.setId("news-not-found");
            add(gone, new Anchor("nieuws", getTranslation("news.all")));
        }
    }

    private void reload() {
        render(news.get(id));
    }

    private void render(PostDetails p) {
        removeAll();
        title = p.title();
        Div actions = new Div();
        if (p.canEdit()) {
            Button edit = new Button(getTranslation("news.edit"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate("nieuws/schrijven/" + p.id()));
            edit.setId("post-edit");
            Button pin = new Button(getTranslation(p.pinned() ? "news.unpin" : "news.pin"), e -> {
                news.setPinned(p.id(), !p.pinned());
                reload();
            });
            pin.setId("post-pin");
            Button close = new Button(getTranslation(p.commentsClosed() ? "news.openComments" : "news.closeComments"),
                    e -> {
                        news.setCommentsClosed(p.id(), !p.commentsClosed());
                        reload();
                    });
            close.setId("post-comments-toggle");
            Button delete = new Button(getTranslation("news.delete"), e -> Confirm.open("news.delete.title",
                    "news.delete.text", "news.delete", true, () -> {
                        news.delete(p.id());
                        Notifications.success(getTranslation("news.deleted", p.title()));
                        UI.getCurrent().navigate("nieuws");
                    }));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setId("post-delete");
            actions.add(edit, pin, close, delete);
        }
        add(new ViewHeader(p.title(), "", actions));

        Div badges = new Div();
        badges.addClassName("news-badges");
        if (p.pinned()) {
            badges.add(badge(getTranslation("news.pinned"), "tafel-badge-contrast"));
        }
        if (p.scheduled()) {
            Span scheduled = badge(getTranslation("news.scheduledFor", Formats.dateTime(p.publishAt(), getLocale())),
                    "tafel-badge-muted");
            scheduled.setId("post-scheduled");
            badges.add(scheduled);
        }
        badges.add(badge(p.spaceName() != null ? p.spaceName() : getTranslation("news.association"), null));
        Paragraph meta = new Paragraph(getTranslation("news.byline", p.authorName(),
                Formats.dateTime(p.publishAt(), getLocale())));
        meta.addClassName("tafel-muted");
        add(badges, meta);

        if (p.imageUrl() != null) {
            Image image = new Image(p.imageUrl(), p.title());
            image.addClassName("news-image");
            image.setId("post-image");
            add(image);
        }
        Div body = new Div();
        body.addClassName("tafel-markdown");
        body.setId("post-body");
        body.getElement().setProperty("innerHTML", p.html());
        add(body);

        if (!p.attachments().isEmpty()) {
            add(new H2(getTranslation("news.attachments")));
            UnorderedList files = new UnorderedList();
            files.setId("post-attachments");
            for (PostDetails.Attachment a : p.attachments()) {
                Anchor link = new Anchor(a.url(), a.name());
                link.getElement().setAttribute("router-ignore", true);
                files.add(new ListItem(link));
            }
            add(files);
        }

        if (p.eventInfo() != null) {
            add(eventSection(p, p.eventInfo()));
        }
        add(reactions(p));
        add(comments(p));
    }

    private Div eventSection(PostDetails p, EventInfo e) {
        Div section = new Div();
        section.addClassNames("tafel-card", "news-event");
        section.setId("post-event");
        section.add(new H2(getTranslation("news.event")));
        Paragraph when = new Paragraph(getTranslation("news.event.when") + ": " + EventTexts.when(this, e));
        section.add(when);
        if (e.location() != null) {
            section.add(new Paragraph(getTranslation("news.event.location") + ": " + e.location()));
        }
        if (p.programHtml() != null) {
            Div program = new Div();
            program.addClassName("tafel-markdown");
            program.getElement().setProperty("innerHTML", p.programHtml());
            section.add(new Span(getTranslation("news.event.program")), program);
        }
        Paragraph seats = new Paragraph(e.capacity() == null
                ? getTranslation("news.event.takenNoLimit", e.taken())
                : getTranslation("news.event.taken", e.taken(), e.capacity(), e.waiting()));
        seats.setId("event-seats");
        section.add(seats);
        Span state = EventTexts.state(this, e);
        state.setId("event-state");
        section.add(state);

        if (!e.started() && !p.scheduled()) {
            Div form = new Div();
            form.addClassName("news-signup");
            IntegerField guests = new IntegerField(getTranslation("news.signup.guests"));
            guests.setId("signup-guests");
            guests.setMin(0);
            guests.setMax(e.maxGuests());
            guests.setStepButtonsVisible(true);
            guests.setValue(e.mine() == null ? 0 : e.mine().guests());
            guests.setHelperText(getTranslation("news.signup.guestsHelp", e.maxGuests()));
            TextField names = new TextField(getTranslation("news.signup.guestNames"));
            names.setId("signup-guest-names");
            names.setValue(e.mine() == null || e.mine().guestNames() == null ? "" : e.mine().guestNames());
            names.setWidth("min(28rem, 100%)");
            if (e.maxGuests() > 0) {
                form.add(guests, names);
            }
            FormErrors errors = new FormErrors(this).bind("guests", guests).bind("guestNames", names);
            Button signUp = new Button(getTranslation(e.mine() == null ? "news.signup" : "news.signup.change"));
            signUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            signUp.setId("signup");
            signUp.addClickListener(click -> {
                errors.clear();
                try {
                    SignupResult result = signups.signUp(p.id(), guests.getValue() == null ? 0 : guests.getValue(),
                            names.getValue());
                    if (result.status() == SignupStatus.CONFIRMED) {
                        Notifications.success(getTranslation("news.signup.confirmed"));
                    } else {
                        Notifications.warning(getTranslation("news.signup.waiting", result.position()));
                    }
                    reload();
                } catch (FieldException ex) {
                    errors.show(ex);
                }
            });
            form.add(signUp);
            if (e.mine() == null && e.full()) {
                Span full = new Span(getTranslation("news.event.fullWaitlist"));
                full.setId("signup-full");
                full.addClassName("tafel-muted");
                form.add(full);
            }
            if (e.mine() != null) {
                Button cancel = new Button(getTranslation("news.signup.cancel"), click -> Confirm.open(
                        "news.signup.cancel.title", "news.signup.cancel.text", "news.signup.cancel", true, () -> {
                            signups.cancel(p.id());
                            Notifications.success(getTranslation("news.signup.cancelled"));
                            reload();
                        }));
                cancel.setId("signup-cancel");
                form.add(cancel);
            }
            section.add(form);
        }
        if (p.canEdit()) {
            section.add(organiser(p));
        }
        return section;
    }

    /** The organiser's list: who is in, who waits, take someone off, and the CSV. */
    private Div organiser(PostDetails p) {
        Div box = new Div();
        box.add(new H2(getTranslation("news.signups")));
        Grid<SignupView> grid = new Grid<>();
        grid.setId("signups-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> s.status() == SignupStatus.WAITING
                ? getTranslation("news.signupStatus.waitingAt", s.position())
                : getTranslation(s.status().translationKey())).setHeader(getTranslation("news.csv.status"))
                .setAutoWidth(true);
        grid.addColumn(SignupView::name).setHeader(getTranslation("news.csv.name")).setFlexGrow(1);
        grid.addColumn(SignupView::email).setHeader(getTranslation("news.csv.email")).setFlexGrow(1);
        grid.addColumn(SignupView::guests).setHeader(getTranslation("news.csv.guests")).setAutoWidth(true);
        grid.addColumn(s -> s.guestNames() == null ? "" : s.guestNames())
                .setHeader(getTranslation("news.csv.guestNames")).setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> Confirm.open("news.signups.remove.title",
                    "news.signups.remove.text", "news.signups.remove", true, () -> {
                        signups.remove(p.id(), s.id());
                        reload();
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("news.signups.remove") + " " + s.name());
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(signups.signups(p.id()));
        String fileName = getTranslation("news.csv.fileName", p.title().replaceAll("[^\\p{L}\\p{N} ._-]", ""))
                + ".csv";
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = signups.csv(p.id());
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8",
                    bytes.length);
        }), getTranslation("news.csv.download"));
        csv.setId("signups-csv");
        box.add(grid, csv);
        return box;
    }

    private Div reactions(PostDetails p) {
        Div bar = new Div();
        bar.addClassName("news-reactions");
        bar.setId("post-reactions");
        for (PostDetails.Reaction r : p.reactions()) {
            Button b = new Button(r.kind().emoji() + " " + r.count());
            b.setAriaLabel(getTranslation(r.kind().translationKey()) + ": " + r.count());
            b.setTooltipText(getTranslation(r.kind().translationKey()));
            b.addThemeVariants(r.mine() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            b.setId("react-" + r.kind().name().toLowerCase(java.util.Locale.ROOT));
            b.setEnabled(!p.scheduled());
            b.addClickListener(e -> {
                news.toggleReaction(p.id(), r.kind());
                reload();
            });
            bar.add(b);
        }
        return bar;
    }

    private Div comments(PostDetails p) {
        Div section = new Div();
        section.setWidthFull();
        section.add(new H2(getTranslation("news.comments", p.comments().size())));
        Div list = new Div();
        list.setId("post-comments");
        for (PostDetails.CommentView c : p.comments()) {
            Div item = new Div();
            item.addClassName("news-comment");
            Paragraph who = new Paragraph(c.authorName() + " · " + Formats.dateTime(c.at(), getLocale()));
            who.addClassName("tafel-muted");
            Div text = new Div();
            text.addClassName("tafel-markdown");
            text.getElement().setProperty("innerHTML", c.html());
            item.add(who, text);
            if (c.canDelete()) {
                Button delete = new Button(getTranslation("news.comment.delete"), e -> Confirm.open(
                        "news.comment.delete.title", "news.comment.delete.text", "news.comment.delete", true, () -> {
                            news.deleteComment(p.id(), c.id());
                            reload();
                        }));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                item.add(delete);
            }
            list.add(item);
        }
        section.add(list);
        if (p.canComment()) {
            TextArea text = new TextArea(getTranslation("news.comment.label"));
            text.setId("comment-text");
            text.setWidthFull();
            text.setMaxLength(4000);
            text.setHelperText(getTranslation("news.comment.help"));
            FormErrors errors = new FormErrors(this).bind("comment", text);
            Button send = new Button(getTranslation("news.comment.send"), e -> {
                errors.clear();
                try {
                    news.comment(p.id(), text.getValue());
                    reload();
                } catch (FieldException ex) {
                    errors.show(ex);
                }
            });
            send.setId("comment-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(text, send);
        } else {
            Paragraph closed = new Paragraph(getTranslation(p.scheduled() ? "news.comments.notYet"
                    : "news.comments.closed"));
            closed.setId("comments-closed");
            closed.addClassName("tafel-muted");
            section.add(closed);
        }
        return section;
    }

    private static Span badge(String text, @org.jspecify.annotations.Nullable String variant) {
        Span s = new Span(text);
        s.addClassName("tafel-badge");
        if (variant != null) {
            s.addClassName(variant);
        }
        return s;
    }

    @Override
    public String viewTitle() {
        return getTranslation("news.title");
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("news.title") : title) + " · " + getTranslation("app.name");
    }

}
