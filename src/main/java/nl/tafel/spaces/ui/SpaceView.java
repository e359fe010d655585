package nl.tafel.spaces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderDetails;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.FolderItem;
import nl.tafel.spaces.FolderSort;
import nl.tafel.spaces.Links;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;

/**
 * One space: its folders and documents, with upload by drag and drop, new folders, rename, move and delete (to the
 * trash). The grid loads lazily, so a folder with thousands of documents opens as fast as a small one.
 */
@Route("ruimtes/:spaceId/:folderId?")
@PermitAll
class SpaceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        MainLayout.HasViewTitle {

    private final SpaceService spaces;
    private final DocumentService documents;
    private final java.util.List<nl.tafel.spaces.SpacePageSection> sections;
    private final Grid<FolderItem> grid = new Grid<>();
    private @Nullable FolderDetails folder;
    private String title = "";

    private final nl.tafel.spaces.DocumentUsage usage;

    SpaceView(SpaceService spaces, DocumentService documents, java.util.List<nl.tafel.spaces.SpacePageSection> sections,
            nl.tafel.spaces.DocumentUsage usage) {
        this.usage = usage;
        this.spaces = spaces;
        this.documents = documents;
        this.sections = sections;
        addClassName("tafel-view");
        setPadding(false);
    }

    static String path(SpaceId space, @Nullable FolderId folder) {
        return "ruimtes/" + space + (folder == null ? "" : "/" + folder);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<SpaceId> spaceId = SpaceId.parse(event.getRouteParameters().get("spaceId").orElse(null));
        Optional<String> folderParam = event.getRouteParameters().get("folderId");
        try {
            SpaceDetails space = spaces.get(spaceId.orElseThrow(SpaceNotFoundException::new));
            FolderId folderId = folderParam.isEmpty() ? space.rootFolder()
                    : FolderId.parse(folderParam.get()).orElseThrow(SpaceNotFoundException::new);
            FolderDetails details = documents.folder(folderId);
            if (!details.space().id().equals(space.id())) {
                throw new SpaceNotFoundException();
            }
            this.folder = details;
            spaces.markVisited(space.id());
        } catch (SpaceNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void build() {
        FolderDetails here = folder;
        SpaceDetails space = here.space();
        title = here.root() ? space.name() : here.name() + " · " + space.name();
        removeAll();

        Button members = new Button(getTranslation("spaces.membersButton"), VaadinIcon.USERS.create(),
                e -> new MembersDialog(spaces, space).open());
        members.setId("space-members");
        Button trash = new Button(getTranslation("trash.open"), VaadinIcon.TRASH.create(),
                e -> new TrashDialog(documents, space, this::refresh).open());
        trash.setId("space-trash");
        trash.setVisible(space.canContribute());
        Button settings = new Button(getTranslation("spaces.settings"), VaadinIcon.COG.create(),
                e -> new SpaceDialog(spaces, space).open());
        settings.setId("space-settings");
        settings.setVisible(space.canManage());
        add(new ViewHeader(space.name(), space.description() == null ? "" : space.description(), members, trash,
                settings));
        if (space.archived()) {
            Div archived = new Div(new Span(getTranslation("spaces.archivedNotice")));
            archived.addClassName("tafel-notice");
            add(archived);
        }
        if (here.root()) {
            sections.forEach(section -> section.create(space).ifPresent(this::add));
        }
        add(new Breadcrumbs(here, true));

        if (space.canContribute()) {
            Button newFolder = new Button(getTranslation("folders.new"), VaadinIcon.FOLDER_ADD.create(),
                    e -> NameDialog.newFolder(documents, here.id(), here.fullPath(), this::refresh).open());
            newFolder.setId("new-folder");
            Div results = new Div();
            results.addClassName("tafel-upload-results");
            results.setId("upload-results");
            Upload upload = Uploads.create(this, documents.maxUploadSize(), true,
                    (name, content, size) -> documents.upload(here.id(), name, content, size),
                    outcomes -> showOutcomes(results, outcomes));
            upload.setId("upload");
            upload.addClassName("tafel-upload");
            HorizontalLayout tools = new HorizontalLayout(newFolder);
            tools.setAlignItems(FlexComponent.Alignment.CENTER);
            add(tools, upload, results);
        }

        configureGrid(space);
        add(grid);
        setFlexGrow(1, grid);
        refresh();
    }


    private void configureGrid(SpaceDetails space) {
        grid.removeAllColumns();
        grid.setId("folder-grid");
        grid.addClassName("tafel-folder-grid");
        grid.setWidthFull();
        grid.setMinHeight("20rem");
        // Light cells (templates rendered in the browser, text always escaped): a folder of thousands opens fast.
        grid.addColumn(LitRenderer.<FolderItem>of("""
                <span class="tafel-item-name"><vaadin-icon class="tafel-file-icon" icon="${item.icon}"></vaadin-icon>\
                <a class="tafel-item-link" href="${item.href}">${item.name}</a></span>""")
                .withProperty("icon", item -> FileTypes.iconName(item.isFolder() ? null : item.mediaType()))
                .withProperty("href", this::href)
                .withProperty("name", FolderItem::name))
                .setHeader(getTranslation("documents.name")).setKey("name").setSortProperty("NAME").setFlexGrow(4)
                .setAutoWidth(false);
        grid.addColumn(item -> item.isFolder() ? getTranslation("fileType.folder")
                : FileTypes.label(this, item.mediaType(), item.name())).setHeader(getTranslation("documents.type"))
                .setKey("type").setFlexGrow(1);
        grid.addColumn(item -> item.isFolder() ? "" : Formats.dateTime(item.modifiedAt(), getLocale()))
                .setHeader(getTranslation("documents.modified")).setKey("modified").setSortProperty("MODIFIED")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> item.isFolder() ? "" : item.modifiedBy())
                .setHeader(getTranslation("documents.modifiedBy")).setKey("by").setFlexGrow(2);
        grid.addColumn(item -> item.isFolder() ? "" : Sizes.format(item.size(), getLocale()))
                .setHeader(getTranslation("documents.size")).setSortProperty("SIZE").setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<FolderItem>of("""
                <vaadin-button theme="tertiary-inline icon" class="tafel-row-actions" aria-label="${item.label}"
                    @click="${(e) => { e.stopPropagation(); actions(); }}">\
                <vaadin-icon icon="vaadin:ellipsis-dots-v"></vaadin-icon></vaadin-button>""")
                .withProperty("label", item -> getTranslation("documents.actions", item.name()))
                .withFunction("actions", item -> new ItemActionsDialog(item, actions(item)).open()))
                .setHeader("").setKey("actions").setFlexGrow(0).setWidth("4rem");
        grid.setEmptyStateText(getTranslation(space.canContribute() ? "folders.emptyDrop" : "folders.empty"));
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && e.getColumn() != grid.getColumns().getLast()) {
                open(e.getItem());
            }
        });
        // Right-click (or long-press on a tablet) gives the same actions as a menu.
        GridContextMenu<FolderItem> menu = grid.addContextMenu();
        menu.setDynamicContentHandler(item -> {
            menu.removeAll();
            if (item == null) {
                return false;
            }
            actions(item).forEach(action -> menu.addItem(action.label(), e -> action.run().run()));
            return true;
        });
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        // On a tablet the name matters most: fewer columns on narrow screens.
        var resize = event.getUI().getPage().addBrowserWindowResizeListener(e -> fitColumns(e.getWidth()));
        addDetachListener(e -> {
            resize.remove();
            e.unregisterListener();
        });
        getElement().executeJs("return window.innerWidth").then(Integer.class, this::fitColumns);
    }

    private void fitColumns(int width) {
        setColumnVisible("type", width >= 1100);
        setColumnVisible("by", width >= 1100);
        setColumnVisible("modified", width >= 640);
    }

    private void setColumnVisible(String key, boolean visible) {
        Grid.Column<FolderItem> column = grid.getColumnByKey(key);
        if (column != null) {
            column.setVisible(visible);
        }
    }

    private String href(FolderItem item) {
        return item.isFolder() ? path(folder.space().id(), item.folderId()) : DocumentView.path(item.documentId());
    }

    private void open(FolderItem item) {
        UI.getCurrent().navigate(href(item));
    }

    /** What can be done with an item here, for the row's menu and the right-click menu alike. */
    private List<ItemActionsDialog.Action> actions(FolderItem item) {
        SpaceDetails space = folder.space();
        List<ItemActionsDialog.Action> actions = new java.util.ArrayList<>();
        actions.add(new ItemActionsDialog.Action("open", getTranslation("action.open"), () -> open(item)));
        if (!item.isFolder()) {
            actions.add(new ItemActionsDialog.Action("download", getTranslation("action.download"),
                    () -> UI.getCurrent().getPage().open(Links.downloadCurrent(item.documentId()), "_self")));
        }
        if (space.canContribute()) {
            actions.add(new ItemActionsDialog.Action("rename", getTranslation("action.rename"),
                    () -> NameDialog.rename(documents, item, folder.fullPath(), this::refresh).open()));
            actions.add(new ItemActionsDialog.Action("move", getTranslation("action.move"),
                    () -> new MoveDialog(documents, space, item, this::refresh).open()));
            actions.add(new ItemActionsDialog.Action("delete", getTranslation("action.delete"), () -> delete(item)));
        }
        return actions;
    }

    private void delete(FolderItem item) {
        if (item.isFolder()) {
            documents.deleteFolder(item.folderId());
            deleted(item);
        } else {
            ConfirmUsedDocument.thenDelete(usage, item.documentId(), item.name(), () -> {
                documents.deleteDocument(item.documentId());
                deleted(item);
            });
        }
    }

    private void deleted(FolderItem item) {
        refresh();
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        note.setDuration(8000);
        note.setPosition(Notification.Position.BOTTOM_START);
        Button undo = new Button(getTranslation("action.undo"), e -> {
            note.close();
            try {
                String name = documents.restore(item.kind(), item.id());
                refresh();
                Notifications.success(getTranslation("trash.restored", name));
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        undo.setId("undo-delete");
        note.add(new HorizontalLayout(FlexComponent.Alignment.CENTER,
                new Span(getTranslation("trash.moved", item.name())), undo));
        note.open();
    }

    private void showOutcomes(Div results, List<Uploads.Outcome> outcomes) {
        refresh();
        results.removeAll();
        long ok = outcomes.stream().filter(Uploads.Outcome::ok).count();
        if (ok > 0) {
            Notifications.success(getTranslation("upload.done", ok));
        }
        for (Uploads.Outcome outcome : outcomes) {
            if (outcome.ok()) {
                continue;
            }
            Div line = new Div(VaadinIcon.WARNING.create(), new Span(outcome.error()));
            line.addClassName("tafel-upload-error");
            results.add(line);
        }
    }

    void refresh() {
        if (folder == null) {
            return;
        }
        FolderId id = folder.id();
        grid.setItems(query -> documents.list(id, query.getOffset(), query.getLimit(), sortOf(query.getSortOrders()))
                .stream(), query -> (int) documents.count(id));
    }

    private static FolderSort sortOf(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return FolderSort.BY_NAME;
        }
        var first = orders.getFirst();
        return new FolderSort(FolderSort.Field.valueOf(first.getSorted()),
                first.getDirection() == SortDirection.DESCENDING);
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.spaces");
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
