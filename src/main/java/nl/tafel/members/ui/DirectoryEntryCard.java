package nl.tafel.members.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.tafel.members.DirectoryProfile;
import nl.tafel.members.DirectoryService;
import nl.tafel.members.MyDirectoryEntry;
import nl.tafel.members.Visibility;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.UploadTexts;
import org.jspecify.annotations.Nullable;

/**
 * The profile page's directory part: function, phone, a short bio and a photo, and for each part (and for the
 * organisation and e-mail address) who sees it. Saved with a version check; the photo is stored at once on upload.
 */
class DirectoryEntryCard extends Div {

    private final DirectoryService directory;
    private final PersonId me;
    private final Runnable afterSave;
    private MyDirectoryEntry entry;

    private final TextField function = new TextField();
    private final Select<Visibility> functionVisibility = visibility("function");
    private final Select<Visibility> organisationVisibility = visibility("organisation");
    private final Select<Visibility> emailVisibility = visibility("email");
    private final TextField phone = new TextField();
    private final Select<Visibility> phoneVisibility = visibility("phone");
    private final TextArea bio = new TextArea();
    private final Select<Visibility> bioVisibility = visibility("bio");
    private final Select<Visibility> photoVisibility = visibility("photo");
    private final Div photoBox = new Div();
    private final Queue<String> uploadErrors = new ConcurrentLinkedQueue<>();

    DirectoryEntryCard(DirectoryService directory, PersonId me, @Nullable String organisationName, String email,
            Runnable afterSave) {
        this.directory = directory;
        this.me = me;
        this.afterSave = afterSave;
        this.entry = directory.myEntry();
        addClassName("tafel-card");
        setId("directory-entry");

        function.setLabel(getTranslation("person.function"));
        function.setMaxLength(200);
        function.setId("directory-function");
        phone.setLabel(getTranslation("person.phone"));
        phone.setMaxLength(40);
        phone.setId("directory-phone");
        bio.setLabel(getTranslation("directory.profile.bio"));
        bio.setHelperText(getTranslation("directory.profile.bioHint"));
        bio.setMaxLength(2000);
        bio.setId("directory-bio");
        TextField organisation = readOnly("person.organisation", organisationName);
        organisation.setHelperText(getTranslation("directory.profile.organisationHint"));
        TextField mail = readOnly("person.email", email);
        mail.setHelperText(getTranslation("directory.profile.emailHint"));
        fill();

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.add(function, functionVisibility, organisation, organisationVisibility, mail, emailVisibility, phone,
                phoneVisibility, bio, bioVisibility);

        FormErrors errors = new FormErrors(this).bind("function", function).bind("phone", phone).bind("bio", bio);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            try {
                entry = directory.updateMyEntry(new MyDirectoryEntry(function.getValue(),
                        functionVisibility.getValue(), organisationVisibility.getValue(), emailVisibility.getValue(),
                        phone.getValue(), phoneVisibility.getValue(), bio.getValue(), bioVisibility.getValue(),
                        photoVisibility.getValue(), entry.hasPhoto(), entry.version()));
                fill();
                afterSave.run();
                Notifications.success(getTranslation("directory.profile.saved"));
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
                entry = directory.myEntry();
                fill();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("directory-save");
        RouterLink view = new RouterLink(getTranslation("directory.profile.view"), DirectoryPersonView.class,
                new RouteParameters("personId", String.valueOf(me.value())));
        view.setId("directory-view-mine");
        Div actions = new Div(save, view);
        actions.addClassName("tafel-view-actions");
        actions.getStyle().set("align-items", "center");

        Span photoLabel = new Span(getTranslation("directory.profile.photo"));
        photoBox.addClassName("directory-photo");
        photoBox.setId("directory-photo");
        Paragraph photoHint = new Paragraph(getTranslation("directory.profile.photoHint"));
        photoHint.addClassName("tafel-muted");
        FormLayout photoForm = new FormLayout(photoVisibility);
        photoForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("32rem", 2));
        add(form, photoLabel, photoBox, photoHint, upload(), photoForm, actions);
        showPhoto();
    }

    /** After the name or language was saved elsewhere on the page, the person's version has moved on. */
    void versionMoved() {
        MyDirectoryEntry fresh = directory.myEntry();
        entry = new MyDirectoryEntry(entry.function(), entry.functionVisibility(), entry.organisationVisibility(),
                entry.emailVisibility(), entry.phone(), entry.phoneVisibility(), entry.bio(), entry.bioVisibility(),
                entry.photoVisibility(), fresh.hasPhoto(), fresh.version());
    }

    private Component upload() {
        Upload upload = new Upload((UploadHandler) this::receive);
        upload.setId("directory-photo-upload");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) DirectoryService.MAX_PHOTO_BYTES);
        upload.setI18n(UploadTexts.i18n(this, DirectoryService.MAX_PHOTO_BYTES));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp", ".jpg", ".jpeg", ".png",
                ".gif", ".webp");
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> {
            String error = uploadErrors.poll();
            if (error == null) {
                Notifications.success(getTranslation("directory.profile.photoSaved"));
            }
            while (error != null) {
                Notifications.error(error);
                error = uploadErrors.poll();
            }
            upload.clearFileList();
            showPhoto();
        });
        return upload;
    }

    /** Stored at once through the service, which checks size and that the bytes are a picture. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String name = event.getFileName();
        try (InputStream in = event.getInputStream()) {
            directory.setMyPhoto(name, in);
        } catch (TafelException e) {
            String message = ui.getTranslation(e.messageKey(), e.arguments());
            uploadErrors.add(message);
            event.reject(message);
        } catch (java.io.IOException | RuntimeException e) {
            String message = ui.getTranslation("upload.error.interrupted", name);
            uploadErrors.add(message);
            event.reject(message);
        }
    }

    private void showPhoto() {
        photoBox.removeAll();
        DirectoryProfile mine = directory.person(me);
        Avatar avatar = new Avatar(mine.name());
        avatar.addThemeVariants(AvatarVariant.LUMO_XLARGE);
        if (mine.photoUrl() != null) {
            avatar.setImage(mine.photoUrl());
        }
        photoBox.add(avatar);
        if (mine.photoUrl() != null) {
            Button remove = new Button(getTranslation("directory.profile.photoRemove"), e -> {
                directory.removeMyPhoto();
                Notifications.success(getTranslation("directory.profile.photoRemoved"));
                showPhoto();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setId("directory-photo-remove");
            photoBox.add(remove);
        }
    }

    private void fill() {
        function.setValue(entry.function() == null ? "" : entry.function());
        phone.setValue(entry.phone() == null ? "" : entry.phone());
        bio.setValue(entry.bio() == null ? "" : entry.bio());
        functionVisibility.setValue(entry.functionVisibility());
        organisationVisibility.setValue(entry.organisationVisibility());
        emailVisibility.setValue(entry.emailVisibility());
        phoneVisibility.setValue(entry.phoneVisibility());
        bioVisibility.setValue(entry.bioVisibility());
        photoVisibility.setValue(entry.photoVisibility());
    }

    private Select<Visibility> visibility(String part) {
        Select<Visibility> select = new Select<>();
        select.setLabel(getTranslation("directory.visibility.label"));
        select.setItems(Visibility.values());
        select.setItemLabelGenerator(v -> getTranslation(v.translationKey()));
        select.setEmptySelectionAllowed(false);
        select.setId("directory-" + part + "-visibility");
        return select;
    }

    private TextField readOnly(String labelKey, @Nullable String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }
}
