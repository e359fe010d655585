package nl.tafel.meetings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.DocumentChoice;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;

/** Adds papers to an agenda item: pick documents from the space, or upload new ones into the meeting's folder. */
final class AttachDialog extends Dialog {

    AttachDialog(AgendaService agenda, DocumentService documents, SpaceId space, AgendaItemView item,
            java.util.function.LongSupplier agendaVersion, Runnable done) {
        setHeaderTitle(getTranslation("items.attachTitle", item.number(), item.title()));
        setWidth("min(40rem, 95vw)");
        ComboBox<DocumentChoice> pick = new ComboBox<>(getTranslation("items.pickDocument"));
        pick.setId("attach-pick");
        pick.setWidthFull();
        pick.setItems(query -> documents.findDocuments(space, query.getFilter().orElse(""),
                query.getOffset() + query.getLimit()).stream().skip(query.getOffset()).limit(query.getLimit()));
        pick.setItemLabelGenerator(d -> d.name() + " · " + d.folderPath());
        Button attach = new Button(getTranslation("items.attach"), e -> {
            if (pick.getValue() == null) {
                pick.setErrorMessage(getTranslation("items.chooseDocument"));
                pick.setInvalid(true);
                return;
            }
            try {
                agenda.attach(item.id(), pick.getValue().id(), agendaVersion.getAsLong());
                Notifications.success(getTranslation("items.attached", pick.getValue().name()));
                close();
                done.run();
            } catch (TafelException ex) {
                pick.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                pick.setInvalid(true);
            }
        });
        attach.setId("attach-submit");
        attach.addThemeVariants(ButtonVariant.PRIMARY);

        Paragraph or = new Paragraph(getTranslation("items.orUpload"));
        or.addClassName("tafel-muted");
        Queue<String> messages = new ConcurrentLinkedQueue<>();
        UploadHandler handler = event -> {
            try (InputStream in = event.getInputStream()) {
                agenda.upload(item.id(), event.getFileName(), in, event.getFileSize());
                messages.add("");
            } catch (TafelException ex) {
                String message = event.getUI().getTranslation(ex.messageKey(), ex.arguments());
                messages.add(message);
                event.reject(message);
            }
        };
        Upload upload = new Upload(handler);
        upload.setId("attach-upload");
        upload.setUploadFormat(com.vaadin.flow.component.upload.UploadFormat.RAW);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxUploadSize()));
        upload.setI18n(nl.tafel.shared.ui.UploadTexts.i18n(this, documents.maxUploadSize()));
        upload.addAllFinishedListener(e -> {
            String message;
            while ((message = messages.poll()) != null) {
                if (!message.isEmpty()) {
                    Notifications.error(message);
                }
            }
            done.run();
        });
        add(pick, or, upload);
        getFooter().add(new Button(getTranslation("action.close"), e -> {
            close();
            done.run();
        }), attach);
    }
}
