package nl.tafel.spaces.ui;

import nl.tafel.shared.ui.PdfViewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.DocumentDetails;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderDetails;
import nl.tafel.spaces.FolderItem;
import nl.tafel.spaces.Links;
import nl.tafel.spaces.Reading;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.VersionInfo;
import org.jspecify.annotations.Nullable;

/** One document: read it in the browser, see and download every version, upload a new one or restore an old one. */
@Route("documenten/:documentId")
@PermitAll
class DocumentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        MainLayout.HasViewTitle {

    private final DocumentService documents;
    private @Nullable DocumentDetails document;

    private final nl.tafel.spaces.DocumentUsage usage;

    DocumentView(DocumentService documents, nl.tafel.spaces.DocumentUsage usage) {
        this.documents = documents;
        this.usage = usage;
        addClassName("tafel-view");
        setPadding(false);
    }

    static String path(DocumentId id) {
        return "documenten/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            DocumentId id = DocumentId.parse(event.getRouteParameters().get("documentId").orElse(null))
                    .orElseThrow(SpaceNotFoundException::new);
            document = documents.document(id);
        } catch (SpaceNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void reload() {
        try {
            document = documents.document(document.id());
            build();
        } catch (SpaceNotFoundException e) {
            UI.getCurrent().navigate(SpaceView.path(document.space().id(), document.folder().id()));
        }
    }

    private void build() {
        DocumentDetails doc = document;
        removeAll();
        Anchor download = downloadLink(Links.download(doc.currentVersionId()), getTranslation("action.download"));
        download.setId("download-current");
        download.addClassName("tafel-button-link");
        Div actions = new Div(download);
        actions.addClassName("tafel-actions");
        Reading reading = documents.reading(doc.mediaType());
        if (reading == Reading.PDF || reading == Reading.IMAGE || reading == Reading.CONVERTED_PDF) {
            // Full screen, for example on a tablet: the browser's own viewer in a tab of its own.
            Anchor tab = downloadLink(reading == Reading.CONVERTED_PDF ? Links.readAsPdf(doc.currentVersionId())
                    : Links.read(doc.currentVersionId()), getTranslation("viewer.newTab"));
            tab.setTarget("_blank");
            tab.getElement().setAttribute("rel", "noopener");
            tab.setId("open-in-tab");
            actions.add(tab);
        }
        if (doc.space().canContribute()) {
            FolderItem asItem = new FolderItem(FolderItem.Kind.DOCUMENT, doc.id().value(), doc.name(), doc.mediaType(),
                    doc.size(), doc.updatedAt(), doc.updatedBy(), doc.currentVersion(), doc.version());
            Button rename = new Button(getTranslation("action.rename"), VaadinIcon.EDIT.create(),
                    e -> NameDialog.rename(documents, asItem, doc.folder().fullPath(), this::reload).open());
            rename.setId("rename-document");
            Button move = new Button(getTranslation("action.move"), VaadinIcon.ARROW_FORWARD.create(),
                    e -> new MoveDialog(documents, doc.space(), asItem, this::reload).open());
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(),
                    e -> ConfirmUsedDocument.thenDelete(usage, doc.id(), doc.name(), () -> {
                        documents.deleteDocument(doc.id());
                        Notifications.success(getTranslation("trash.moved", doc.name()));
                        UI.getCurrent().navigate(SpaceView.path(doc.space().id(), doc.folder().id()));
                    }));
            delete.addThemeVariants(ButtonVariant.ERROR);
            delete.setId("delete-document");
            actions.add(rename, move, delete);
        }
        String facts = getTranslation("documents.facts", doc.currentVersion(),
                FileTypes.label(this, doc.mediaType(), doc.name()), Sizes.format(doc.size(), getLocale()),
                Formats.dateTime(doc.updatedAt(), getLocale()), doc.updatedBy());
        add(new ViewHeader(doc.name(), facts, actions));
        add(new Breadcrumbs(doc.folder(), false));

        Div body = new Div();
        body.addClassName("tafel-document-body");
        body.add(viewer(doc));
        Div side = new Div();
        side.addClassName("tafel-document-side");
        if (doc.space().canContribute()) {
            side.add(new H2(getTranslation("versions.new")));
            Upload upload = Uploads.create(this, documents.maxUploadSize(), false,
                    (name, content, size) -> documents.uploadVersion(doc.id(), name, content, size),
                    this::afterUpload);
            upload.setId("upload-version");
            upload.addClassName("tafel-upload");
            side.add(upload);
        }
        side.add(new H2(getTranslation("versions.title")), versions(doc));
        body.add(side);
        add(body);
        setFlexGrow(1, body);
    }

    private void afterUpload(List<Uploads.Outcome> outcomes) {
        for (Uploads.Outcome outcome : outcomes) {
            if (outcome.ok()) {
                Notifications.success(getTranslation("versions.stored", outcome.stored().versionNumber()));
            } else {
                Notifications.error(outcome.error());
            }
        }
        reload();
    }

    private Component viewer(DocumentDetails doc) {
        Reading reading = documents.reading(doc.mediaType());
        Div viewer = new Div();
        viewer.addClassName("tafel-viewer");
        viewer.setId("viewer");
        switch (reading) {
            case PDF, CONVERTED_PDF -> {
                // drawn by pdf.js, which runs no script of the document; the browser's own PDF viewer never gets it
                // (issue 18: a PDF's JavaScript ran in it)
                PdfViewer pdf = new PdfViewer(reading == Reading.PDF ? Links.read(doc.currentVersionId())
                        : Links.readAsPdf(doc.currentVersionId()), Links.download(doc.currentVersionId()), doc.name());
                viewer.add(pdf);
            }
            case IMAGE -> {
                Image image = new Image(Links.read(doc.currentVersionId()), doc.name());
                image.addClassName("tafel-viewer-image");
                viewer.add(image);
            }
            case CONVERTER_MISSING -> viewer.add(notice("viewer.noConverter", doc));
            case DOWNLOAD_ONLY -> viewer.add(notice("viewer.downloadOnly", doc));
        }
        return viewer;
    }

    private Component notice(String key, DocumentDetails doc) {
        Div notice = new Div();
        notice.addClassName("tafel-viewer-notice");
        notice.add(VaadinIcon.INFO_CIRCLE_O.create(), new Paragraph(getTranslation(key)),
                downloadLink(Links.download(doc.currentVersionId()), getTranslation("viewer.download", doc.name())));
        return notice;
    }

    private Component versions(DocumentDetails doc) {
        Grid<VersionInfo> grid = new Grid<>();
        grid.setId("versions-grid");
        grid.addClassName("tafel-versions");
        grid.addComponentColumn(v -> versionCell(v, doc)).setHeader(getTranslation("versions.version"))
                .setFlexGrow(3);
        grid.addComponentColumn(v -> versionActions(v, doc)).setFlexGrow(0).setAutoWidth(true);
        grid.setItems(documents.versions(doc.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component versionCell(VersionInfo v, DocumentDetails doc) {
        Div cell = new Div();
        cell.addClassName("tafel-version");
        Span number = new Span(getTranslation("versions.number", v.number()));
        number.addClassName("tafel-version-number");
        cell.add(number);
        if (v.number() == doc.currentVersion()) {
            Span current = new Span(getTranslation("versions.current"));
            current.addClassName("tafel-badge");
            cell.add(current);
        }
        Div meta = new Div(new Span(Formats.dateTime(v.uploadedAt(), getLocale()) + " · " + v.uploadedBy() + " · "
                + Sizes.format(v.size(), getLocale())));
        meta.addClassName("tafel-muted");
        cell.add(meta);
        if (v.restoredFrom() != null) {
            Div restored = new Div(new Span(getTranslation("versions.restoredFrom", v.restoredFrom())));
            restored.addClassName("tafel-muted");
            cell.add(restored);
        }
        Span sha = new Span("SHA-256 " + v.sha256().substring(0, 16) + "…");
        sha.getElement().setAttribute("title", v.sha256());
        sha.addClassNames("tafel-muted", "tafel-sha");
        cell.add(new Div(sha));
        return cell;
    }

    private Component versionActions(VersionInfo v, DocumentDetails doc) {
        Div actions = new Div();
        actions.addClassName("tafel-version-actions");
        Anchor download = downloadLink(Links.download(v.id()), getTranslation("action.download"));
        download.getElement().setAttribute("aria-label", getTranslation("versions.download", v.number()));
        download.addClassName("version-download-" + v.number());
        actions.add(download);
        if (v.number() != doc.currentVersion() && doc.space().canContribute()) {
            Button restore = new Button(getTranslation("versions.restore"), e -> {
                try {
                    var stored = documents.restoreVersion(doc.id(), v.number());
                    Notifications.success(getTranslation("versions.restored", v.number(), stored.versionNumber()));
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                reload();
            });
            restore.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            restore.addClassName("version-restore-" + v.number());
            actions.add(restore);
        }
        return actions;
    }

    private static Anchor downloadLink(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        // A real request to the download handler, not a route change.
        anchor.getElement().setAttribute("router-ignore", true);
        return anchor;
    }


    @Override
    public String viewTitle() {
        return getTranslation("nav.spaces");
    }

    @Override
    public String getPageTitle() {
        return (document == null ? "" : document.name() + " · ") + getTranslation("app.name");
    }
}
