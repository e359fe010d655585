package nl.tafel.news.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.tafel.news.EventDraft;
import nl.tafel.news.NewsNotFoundException;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDetails;
import nl.tafel.news.PostDraft;
import nl.tafel.news.PostId;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.UploadTexts;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing a post: for the whole association or one space, a title and Markdown text with a live preview (the
 * server renders and sanitizes it), a publish moment (in the future: scheduled), pinning, an event with sign-up,
 * a picture and attachments. Files chosen before the first save wait on the server and are stored with it.
 */
@Route("nieuws/schrijven/:postId?")
@PermitAll
class NewsEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        MainLayout.HasViewTitle {

    private static final Logger log = LoggerFactory.getLogger(NewsEditorView.class);

    /** For whom the post is: the association (no space) or one space. */
    record Audience(@Nullable SpaceSummary space) {
    }

    /** A file chosen before the post existed, waiting in a temporary file. */
    record Pending(String name, Path file) {
    }

    private final NewsService news;
    private final long maxUpload;
    private @Nullable PostDetails existing;

    private final Select<Audience> audience = new Select<>();
    private final TextField title = new TextField();
    private final TextArea text = new TextArea();
    private final Div preview = new Div();
    private final DateTimePicker publishAt = new DateTimePicker();
    private final Checkbox pinned = new Checkbox();
    private final Checkbox isEvent = new Checkbox();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final DateTimePicker endsAt = new DateTimePicker();
    private final TextField location = new TextField();
    private final TextArea program = new TextArea();
    private final IntegerField capacity = new IntegerField();
    private final IntegerField maxGuests = new IntegerField();
    private final Div eventFields = new Div();
    private final Div imageBox = new Div();
    private final UnorderedList attachmentList = new UnorderedList();
    private final Queue<String> uploadErrors = new ConcurrentLinkedQueue<>();
    private final List<Pending> pendingFiles = new ArrayList<>();
    private @Nullable Pending pendingImage;
    private final FormErrors errors = new FormErrors(this);

    NewsEditorView(NewsService news, DocumentService documents) {
        this.news = news;
        this.maxUpload = documents.maxUploadSize();
        addClassName("tafel-view");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String param = event.getRouteParameters().get("postId").orElse(null);
        removeAll();
        try {
            if (param != null) {
                existing = news.get(PostId.parse(param).orElseThrow(NewsNotFoundException::new));
                if (!existing.canEdit()) {
                    throw new NewsNotFoundException();
                }
            } else if (!news.mayPost()) {
                throw new NewsNotFoundException();
            }
        } catch (NewsNotFoundException e) {
            add(new ViewHeader(getTranslation("news.title"), ""));
            Paragraph gone = new Paragraph(getTranslation(param == null ? "news.error.mayNotPost"
                    : "news.error.notFound"));
            gone.setId("news-not-found");
            add(gone);
            return;
        }
        build();
    }

    private void build() {
        add(new ViewHeader(getTranslation(existing == null ? "news.write" : "news.edit"),
                getTranslation("news.editor.intro")));

        List<Audience> audiences = new ArrayList<>();
        if (news.mayPostForAssociation()) {
            audiences.add(new Audience(null));
        }
        news.spacesToPostIn().forEach(s -> audiences.add(new Audience(s)));
        audience.setLabel(getTranslation("news.audience"));
        audience.setItems(audiences);
        audience.setItemLabelGenerator(a -> a.space() == null ? getTranslation("news.audience.association")
                : getTranslation("news.audience.space", a.space().name()));
        audience.setId("post-audience");
        audience.setWidth("min(28rem, 100%)");
        if (existing != null) {
            audience.setItems(List.of(current()));
            audience.setValue(current());
            audience.setReadOnly(true);
            audience.setHelperText(getTranslation("news.audience.fixed"));
        } else if (!audiences.isEmpty()) {
            audience.setValue(audiences.getFirst());
        }

        title.setLabel(getTranslation("news.field.title"));
        title.setId("post-title");
        title.setWidthFull();
        title.setMaxLength(200);
        title.setRequired(true);

        text.setLabel(getTranslation("news.field.text"));
        text.setId("post-text");
        text.setWidthFull();
        text.setMinHeight("14rem");
        text.setHelperText(getTranslation("news.field.textHelp"));
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(400);
        text.addValueChangeListener(e -> updatePreview());
        preview.setId("post-preview");
        preview.addClassNames("tafel-markdown", "news-preview");
        Div previewBox = new Div(new Span(getTranslation("news.preview")), preview);
        previewBox.addClassName("news-preview-box");
        Div columns = new Div(text, previewBox);
        columns.addClassName("news-editor-columns");

        publishAt.setLabel(getTranslation("news.field.publishAt"));
        publishAt.setId("post-publish-at");
        publishAt.setHelperText(getTranslation("news.field.publishAtHelp"));
        publishAt.setStep(java.time.Duration.ofMinutes(15));
        pinned.setLabel(getTranslation("news.field.pinned"));
        pinned.setId("post-pinned");

        isEvent.setLabel(getTranslation("news.field.isEvent"));
        isEvent.setId("post-is-event");
        startsAt.setLabel(getTranslation("news.field.startsAt"));
        startsAt.setId("event-starts-at");
        startsAt.setStep(java.time.Duration.ofMinutes(15));
        endsAt.setLabel(getTranslation("news.field.endsAt"));
        endsAt.setId("event-ends-at");
        endsAt.setStep(java.time.Duration.ofMinutes(15));
        location.setLabel(getTranslation("news.field.location"));
        location.setId("event-location");
        location.setWidthFull();
        location.setMaxLength(300);
        program.setLabel(getTranslation("news.field.program"));
        program.setId("event-program");
        program.setWidthFull();
        program.setHelperText(getTranslation("news.field.textHelp"));
        capacity.setLabel(getTranslation("news.field.capacity"));
        capacity.setId("event-capacity");
        capacity.setMin(1);
        capacity.setHelperText(getTranslation("news.field.capacityHelp"));
        maxGuests.setLabel(getTranslation("news.field.maxGuests"));
        maxGuests.setId("event-max-guests");
        maxGuests.setMin(0);
        maxGuests.setMax(NewsService.MAX_GUESTS);
        maxGuests.setStepButtonsVisible(true);
        maxGuests.setValue(0);
        Div times = new Div(startsAt, endsAt);
        times.addClassName("tafel-actions");
        Div seats = new Div(capacity, maxGuests);
        seats.addClassName("tafel-actions");
        eventFields.add(times, location, program, seats);
        eventFields.setWidthFull();
        isEvent.addValueChangeListener(e -> eventFields.setVisible(e.getValue()));

        errors.bind("title", title).bind("text", text).bind("eventEnds", endsAt).bind("location", location)
                .bind("program", program).bind("capacity", capacity).bind("maxGuests", maxGuests)
                .bind("startsAt", startsAt);

        fill();
        add(audience, title, columns, new Div(publishAt), pinned, isEvent, eventFields);
        add(new H2(getTranslation("news.image")), imageBox, imageUpload());
        add(new H2(getTranslation("news.attachments")), attachmentList, attachmentUpload());
        showFiles();

        Button save = new Button(getTranslation("news.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("post-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> UI.getCurrent().navigate(
                existing == null ? "nieuws" : "nieuws/" + existing.id()));
        Div buttons = new Div(save, cancel);
        buttons.addClassName("tafel-actions");
        add(buttons);
    }

    private Audience current() {
        PostDetails p = existing;
        if (p == null || p.space() == null) {
            return new Audience(null);
        }
        return new Audience(new SpaceSummary(p.space(), p.spaceName() == null ? "" : p.spaceName(), null, false,
                nl.tafel.spaces.SpaceRole.MANAGER, 0, 0, List.of(), null));
    }

    private void fill() {
        PostDetails p = existing;
        if (p == null) {
            publishAt.setValue(LocalDateTime.ofInstant(Instant.now(), Formats.ZONE).withSecond(0).withNano(0));
            eventFields.setVisible(false);
            return;
        }
        title.setValue(p.title());
        text.setValue(p.text());
        publishAt.setValue(LocalDateTime.ofInstant(p.publishAt(), Formats.ZONE));
        pinned.setValue(p.pinned());
        EventDraft e = p.event();
        isEvent.setValue(e != null);
        eventFields.setVisible(e != null);
        if (e != null) {
            startsAt.setValue(LocalDateTime.ofInstant(e.startsAt(), Formats.ZONE));
            if (e.endsAt() != null) {
                endsAt.setValue(LocalDateTime.ofInstant(e.endsAt(), Formats.ZONE));
            }
            location.setValue(e.location() == null ? "" : e.location());
            program.setValue(e.program() == null ? "" : e.program());
            capacity.setValue(e.capacity());
            maxGuests.setValue(e.maxGuests());
        }
        updatePreview();
    }

    private void updatePreview() {
        preview.getElement().setProperty("innerHTML", NewsService.preview(text.getValue()));
    }

    private Upload imageUpload() {
        Upload upload = new Upload((UploadHandler) event -> receive(event, true));
        upload.setId("post-image-upload");
        configure(upload);
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp", ".jpg", ".jpeg",
                ".png", ".gif", ".webp");
        return upload;
    }

    private Upload attachmentUpload() {
        Upload upload = new Upload((UploadHandler) event -> receive(event, false));
        upload.setId("post-attachment-upload");
        configure(upload);
        return upload;
    }

    private void configure(Upload upload) {
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxUpload));
        upload.setI18n(UploadTexts.i18n(this, maxUpload));
        upload.addAllFinishedListener(e -> afterUploads());
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
    }

    /**
     * Stores a file: on an existing post at once (through the service, with its checks); before the first save in a
     * temporary file (a picture is checked now, so a wrong file is refused while the person is still here).
     */
    private void receive(UploadEvent event, boolean image) {
        UI ui = event.getUI();
        String name = event.getFileName();
        PostDetails p = existing;
        try (InputStream in = event.getInputStream()) {
            if (p != null) {
                if (image) {
                    news.setImage(p.id(), name, in, event.getFileSize());
                } else {
                    news.attach(p.id(), name, in, event.getFileSize());
                }
                return;
            }
            Path file = Files.createTempFile("tafel-news-editor-", ".upload");
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(file) > maxUpload) {
                Files.deleteIfExists(file);
                throw new TafelException("upload.error.tooLarge", name, maxUpload / (1024 * 1024));
            }
            if (image) {
                try {
                    news.checkImage(name, file);
                } catch (TafelException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                synchronized (pendingFiles) {
                    pendingImage = new Pending(name, file);
                }
            } else {
                synchronized (pendingFiles) {
                    pendingFiles.add(new Pending(name, file));
                }
            }
        } catch (TafelException e) {
            String message = ui.getTranslation(e.messageKey(), e.arguments());
            uploadErrors.add(message);
            event.reject(message);
        } catch (IOException | RuntimeException e) {
            log.warn("Upload of {} failed", name, e);
            String message = ui.getTranslation("upload.error.interrupted", name);
            uploadErrors.add(message);
            event.reject(message);
        }
    }

    private void afterUploads() {
        String error;
        while ((error = uploadErrors.poll()) != null) {
            Notifications.error(error);
        }
        if (existing != null) {
            existing = news.get(existing.id());
        }
        showFiles();
    }

    private void showFiles() {
        imageBox.removeAll();
        attachmentList.removeAll();
        PostDetails p = existing;
        if (p != null && p.imageUrl() != null) {
            Image image = new Image(p.imageUrl(), p.title());
            image.addClassName("news-card-image");
            Button remove = new Button(getTranslation("news.image.remove"), e -> {
                news.removeImage(p.id());
                existing = news.get(p.id());
                showFiles();
            });
            remove.setId("post-image-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            imageBox.add(image, remove);
        }
        if (pendingImage != null) {
            imageBox.add(new Span(getTranslation("news.pending", pendingImage.name())));
        }
        if (p != null) {
            for (PostDetails.Attachment a : p.attachments()) {
                Button remove = new Button(getTranslation("news.attachment.remove"), e -> {
                    news.detach(p.id(), a.id());
                    existing = news.get(p.id());
                    showFiles();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                attachmentList.add(new ListItem(new Span(a.name() + " "), remove));
            }
        }
        synchronized (pendingFiles) {
            pendingFiles.forEach(f -> attachmentList.add(new ListItem(getTranslation("news.pending", f.name()))));
        }
    }

    private void save() {
        errors.clear();
        Audience a = audience.getValue();
        if (a == null) {
            Notifications.error(getTranslation("news.error.mayNotPost"));
            return;
        }
        EventDraft event = null;
        if (isEvent.getValue()) {
            if (startsAt.getValue() == null) {
                startsAt.setErrorMessage(getTranslation("validation.required"));
                startsAt.setInvalid(true);
                return;
            }
            event = new EventDraft(instant(startsAt.getValue()), endsAt.getValue() == null ? null
                    : instant(endsAt.getValue()), location.getValue(), program.getValue(), capacity.getValue(),
                    maxGuests.getValue() == null ? 0 : maxGuests.getValue());
        }
        PostDraft draft = new PostDraft(a.space() == null ? null : a.space().id(), title.getValue(),
                text.getValue(), publishAt.getValue() == null ? null : instant(publishAt.getValue()),
                pinned.getValue(), event);
        PostId id;
        try {
            if (existing == null) {
                id = news.create(draft);
            } else {
                news.update(existing.id(), draft, existing.version());
                id = existing.id();
            }
        } catch (FieldException e) {
            errors.show(e);
            return;
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("news.error.concurrentEdit"));
            return;
        }
        storePending(id);
        Notifications.success(getTranslation("news.saved", title.getValue()));
        UI.getCurrent().navigate("nieuws/" + id);
    }

    /** The files chosen before the first save, now stored with the post; a refused one is reported by name. */
    private void storePending(PostId id) {
        List<Pending> files;
        Pending image;
        synchronized (pendingFiles) {
            files = new ArrayList<>(pendingFiles);
            pendingFiles.clear();
            image = pendingImage;
            pendingImage = null;
        }
        if (image != null) {
            store(image, in -> news.setImage(id, image.name(), in, size(image.file())));
        }
        for (Pending f : files) {
            store(f, in -> news.attach(id, f.name(), in, size(f.file())));
        }
    }

    private interface Store {
        void store(InputStream in);
    }

    private void store(Pending pending, Store store) {
        try (InputStream in = Files.newInputStream(pending.file())) {
            store.store(in);
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (IOException e) {
            Notifications.error(getTranslation("upload.error.interrupted", pending.name()));
        } finally {
            try {
                Files.deleteIfExists(pending.file());
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(Formats.ZONE).toInstant();
    }

    @Override
    public String viewTitle() {
        return getTranslation("news.title");
    }

    @Override
    public String getPageTitle() {
        return getTranslation(existing == null ? "news.write" : "news.edit") + " · " + getTranslation("app.name");
    }
}
