package nl.tafel.meetings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaPackService;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;

/**
 * One meeting and its agenda. Planners (the space's managers and the secretaries) build the agenda here: add items
 * and sub-items, drag them into order (numbers and start times follow), attach or upload papers, publish.
 * <p>Over 500 lines: the agenda grid with its drag and drop, the item actions and the pack's state share the page's
 * state (the agenda version, the items); splitting them means passing that state around. A split is due.
 */
@Route("vergaderingen/:meetingId")
@PermitAll
class MeetingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, MainLayout.HasViewTitle {

    private final MeetingService meetings;
    private final AgendaService agenda;
    private final SpaceService spaces;
    private final DocumentService documents;
    private final AgendaPackService packs;
    private final nl.tafel.meetings.SeriesService series;
    private final Div packSection = new Div();
    private final Grid<AgendaItemView> grid = new Grid<>();
    private @Nullable MeetingDetails meeting;
    private List<AgendaItemView> items = List.of();
    private @Nullable AgendaItemView dragged;

    private final List<nl.tafel.meetings.MeetingPageSection> sections;
    private final org.springframework.beans.factory.ObjectProvider<nl.tafel.meetings.OpenActions> openActions;
    private final java.time.Clock clock;

    MeetingView(MeetingService meetings, AgendaService agenda, SpaceService spaces, DocumentService documents,
            AgendaPackService packs, nl.tafel.meetings.SeriesService series,
            List<nl.tafel.meetings.MeetingPageSection> sections,
            org.springframework.beans.factory.ObjectProvider<nl.tafel.meetings.OpenActions> openActions,
            java.time.Clock clock) {
        this.openActions = openActions;
        this.clock = clock;
        this.sections = sections.stream()
                .sorted(java.util.Comparator.comparingInt(nl.tafel.meetings.MeetingPageSection::order)).toList();
        this.packs = packs;
        this.series = series;
        this.meetings = meetings;
        this.agenda = agenda;
        this.spaces = spaces;
        this.documents = documents;
        addClassName("tafel-view");
        setPadding(false);
    }

    MeetingId meetingId() {
        return meeting.id();
    }

    static String path(MeetingId id) {
        return "vergaderingen/" + id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            MeetingId id = MeetingId.parse(event.getRouteParameters().get("meetingId").orElse(null))
                    .orElseThrow(MeetingNotFoundException::new);
            meeting = meetings.get(id);
        } catch (MeetingNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void reload() {
        meeting = meetings.get(meeting.id());
        build();
    }

    private void build() {
        MeetingDetails m = meeting;
        removeAll();
        Div actions = new Div();
        actions.addClassName("tafel-actions");
        boolean open = m.status() == MeetingStatus.CONCEPT || m.status() == MeetingStatus.PUBLISHED;
        if (m.canEdit() && open) {
            Button edit = new Button(getTranslation("meetings.edit"), VaadinIcon.EDIT.create(),
                    e -> new MeetingDialog(meetings, spaces, series, m).open());
            edit.setId("meeting-edit");
            actions.add(edit);
            if (m.status() == MeetingStatus.CONCEPT) {
                Button publish = new Button(getTranslation("meetings.publish"), VaadinIcon.MEGAPHONE.create(),
                        e -> publish(m));
                publish.addThemeVariants(ButtonVariant.PRIMARY);
                publish.setId("meeting-publish");
                actions.add(publish);
            }
            if (m.status() == MeetingStatus.PUBLISHED && !clock.instant().isBefore(m.startsAt())) {
                Button finish = new Button(getTranslation("meetings.finish"), VaadinIcon.CHECK.create(),
                        e -> act(() -> meetings.finish(m.id()), getTranslation("meetings.finished")));
                finish.setId("meeting-finish");
                actions.add(finish);
            }
            Button cancel = new Button(getTranslation("meetings.cancel"), VaadinIcon.BAN.create(),
                    e -> confirmCancel(m));
            cancel.addThemeVariants(ButtonVariant.ERROR);
            cancel.setId("meeting-cancel");
            actions.add(cancel);
        }
        add(new ViewHeader(m.title(), m.spaceName(), actions));
        add(facts(m));
        sections.forEach(section -> section.create(m).ifPresent(this::add));
        if (!m.changesAfterPublication().isEmpty()) {
            add(changes(m));
        }
        packSection.setId("agenda-pack");
        packSection.addClassName("tafel-pack");
        add(packSection);
        showPack();

        Div agendaHeader = new Div(new H2(getTranslation("agenda.title")));
        agendaHeader.addClassName("tafel-section-header");
        if (m.canEdit() && open) {
            Button add = new Button(getTranslation("agenda.addItem"), VaadinIcon.PLUS.create(),
                    e -> new ItemDialog(getTranslation("agenda.addItem"), null, m.agendaVersion(), current(null),
                            (draft, v) -> agenda.addItem(m.id(), null, draft, v), this::reload).open());
            add.setId("agenda-add");
            agendaHeader.add(add);
        }
        add(agendaHeader);
        configureGrid(m.canEdit() && open);
        add(grid);
        items = agenda.agenda(m.id());
        grid.setItems(items);
        overrun(m).ifPresent(this::add);
        // the open actions under the "Actielijst" item, whatever it is called
        items.stream().filter(i -> i.is(nl.tafel.meetings.ItemRole.ACTIONS)).findFirst().ifPresent(i ->
                add(new nl.tafel.meetings.OpenActionsList(i, openActions.orderedStream()
                        .flatMap(o -> o.of(m.id()).stream()).toList())));
    }

    /** Says so when the agenda's minutes run past the planned end of the meeting. */
    private java.util.Optional<Component> overrun(MeetingDetails m) {
        if (items.isEmpty()) {
            return java.util.Optional.empty();
        }
        AgendaItemView last = items.getLast();
        java.time.Instant agendaEnd = last.startsAt().plusSeconds(60L * last.minutes());
        long over = java.time.Duration.between(m.endsAt(), agendaEnd).toMinutes();
        if (over <= 0) {
            return java.util.Optional.empty();
        }
        Div warning = new Div(VaadinIcon.CLOCK.create(), new Span(getTranslation("agenda.overrun",
                DateTimeFormatter.ofPattern("HH:mm").format(agendaEnd.atZone(Formats.ZONE)), over)));
        warning.addClassNames("tafel-warning", "tafel-fact");
        warning.setId("agenda-overrun");
        return java.util.Optional.of(warning);
    }

    /** The agenda pack: its state, a download, and (for planners) building it; progress shows while it builds. */
    private void showPack() {
        MeetingDetails m = meeting;
        AgendaPackService.PackStatus status = packs.status(m.id());
        packSection.removeAll();
        Span title = new Span(getTranslation("pack.section"));
        title.addClassName("tafel-pack-title");
        packSection.add(VaadinIcon.BOOK.create(), title);
        boolean busy = status.state() == AgendaPackService.State.QUEUED
                || status.state() == AgendaPackService.State.BUILDING;
        if (busy) {
            com.vaadin.flow.component.progressbar.ProgressBar bar =
                    new com.vaadin.flow.component.progressbar.ProgressBar(0, 100, status.progress());
            bar.setWidth("10rem");
            packSection.add(new Span(getTranslation("pack.building", status.progress())), bar);
        } else if (status.state() == AgendaPackService.State.READY && status.documentId() != null) {
            Anchor download = new Anchor(nl.tafel.spaces.Links.downloadCurrent(status.documentId()),
                    getTranslation("pack.download"));
            download.getElement().setAttribute("router-ignore", true);
            download.setId("pack-download");
            packSection.add(download, new Span(getTranslation("pack.ready", status.version(),
                    Formats.dateTime(status.builtAt(), getLocale()))));
        } else if (status.state() == AgendaPackService.State.FAILED) {
            Span failed = new Span(getTranslation(status.message() == null ? "pack.error.unexpected"
                    : status.message()));
            failed.addClassName("tafel-error-text");
            packSection.add(failed);
        } else {
            packSection.add(new Span(getTranslation("pack.none")));
        }
        if (status.stale() && status.version() > 0) {
            // the agenda changed after this version: said at once, until the next version is there
            Span stale = new Span(status.rebuildAt() == null ? getTranslation("pack.stale", status.version())
                    : getTranslation("pack.staleRebuild", status.version(), java.time.format.DateTimeFormatter
                            .ofPattern("HH:mm").format(status.rebuildAt().atZone(MeetingService.ZONE))));
            stale.setId("pack-stale");
            stale.addClassName("tafel-warning-text");
            packSection.add(stale);
        }
        boolean open = m.status() == MeetingStatus.CONCEPT || m.status() == MeetingStatus.PUBLISHED;
        if (m.canEdit() && open && !busy) {
            Button build = new Button(getTranslation(status.version() > 0 ? "pack.rebuild" : "pack.build"), e -> {
                try {
                    packs.build(m.id());
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                showPack();
            });
            build.setId("pack-build");
            packSection.add(build);
        }
        // While it builds, the page asks every second; it stops once the pack is done.
        // A stale pack is rebuilt by itself: the page asks now and then until the new version is there.
        int poll = busy ? 1000 : status.stale() && status.rebuildAt() != null ? 5000 : -1;
        getUI().ifPresent(ui -> ui.setPollInterval(poll));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        var poll = event.getUI().addPollListener(e -> {
            if (meeting != null) {
                showPack();
            }
        });
        addDetachListener(e -> {
            poll.remove();
            e.getUI().setPollInterval(-1);
            e.unregisterListener();
        });
        if (meeting != null) {
            showPack();
        }
    }

    private Component facts(MeetingDetails m) {
        Div facts = new Div();
        facts.addClassName("tafel-meeting-facts");
        facts.setId("meeting-facts");
        Span status = new Span(getTranslation(m.status().translationKey()));
        status.addClassNames("tafel-badge", switch (m.status()) {
            case PUBLISHED -> "tafel-badge-success";
            case CANCELLED -> "tafel-badge-error";
            case CONCEPT, FINISHED -> "tafel-badge-contrast";
        });
        status.setId("meeting-status");
        facts.add(status);
        if (m.archive()) {
            Span archive = new Span(getTranslation("meetings.archive"));
            archive.addClassNames("tafel-badge", "tafel-badge-contrast");
            archive.setId("meeting-archive");
            facts.add(archive);
        }
        if (m.status() == MeetingStatus.FINISHED) {
            Span closed = new Span(getTranslation("meetings.finishedLocked"));
            closed.addClassName("tafel-muted");
            closed.setId("meeting-locked");
            facts.add(closed);
        }
        if (!m.changesAfterPublication().isEmpty()) {
            Span changed = new Span(getTranslation("agenda.changedAfterPublication"));
            changed.addClassNames("tafel-badge", "tafel-badge-warning");
            facts.add(changed);
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", getLocale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        var start = m.startsAt().atZone(Formats.ZONE);
        var end = m.endsAt().atZone(Formats.ZONE);
        facts.add(line(VaadinIcon.CALENDAR, day.format(start) + ", " + time.format(start) + "–" + time.format(end)));
        String where = getTranslation(m.form().translationKey())
                + (m.location() == null ? "" : " · " + m.location());
        facts.add(line(VaadinIcon.MAP_MARKER, where));
        if (m.joinUrl() != null) {
            Anchor link = new Anchor(m.joinUrl(), getTranslation("meetings.join"));
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            Div row = line(VaadinIcon.LAPTOP, "");
            row.add(link);
            facts.add(row);
        }
        if (m.quorum() != null) {
            facts.add(line(VaadinIcon.SCALE, getTranslation("meetings.quorum", m.quorum())));
        }
        if (m.chairName() != null || m.minuteTakerName() != null) {
            facts.add(line(VaadinIcon.USERS, getTranslation("meetings.roles",
                    m.chairName() == null ? "–" : m.chairName(),
                    m.minuteTakerName() == null ? "–" : m.minuteTakerName())));
        }
        return facts;
    }

    private static Div line(VaadinIcon icon, String text) {
        Div row = new Div(icon.create(), new Span(text));
        row.addClassName("tafel-fact");
        return row;
    }

    /** A paper leaves a published agenda only when the planner confirms it, knowing the invitees will be told. */
    private void confirmWithdraw(AgendaItemView.Attachment doc, Runnable detach) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        confirm.setId("agenda-detach-confirm");
        confirm.setHeader(getTranslation("agenda.detachConfirm.title"));
        confirm.setText(getTranslation("agenda.detachConfirm.text", doc.name(), meeting.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("agenda.detachConfirm.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> detach.run());
        confirm.open();
    }

    private Component changes(MeetingDetails m) {
        Div box = new Div();
        box.addClassName("tafel-notice");
        box.setId("agenda-changes");
        box.add(new Paragraph(getTranslation("agenda.changesTitle")));
        UnorderedList list = new UnorderedList();
        for (MeetingDetails.AgendaChange change : m.changesAfterPublication()) {
            String what = getTranslation(change.messageKey(), change.arguments());
            list.add(new ListItem(Formats.dateTime(change.at(), getLocale()) + " · " + change.by() + " · " + what));
        }
        box.add(list);
        return box;
    }

    private void configureGrid(boolean planner) {
        grid.removeAllColumns();
        grid.setId("agenda-grid");
        grid.addClassName("tafel-agenda-grid");
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        grid.addColumn(AgendaItemView::number).setHeader(getTranslation("agenda.number")).setKey("number")
                .setWidth("4.5rem").setFlexGrow(0);
        grid.addColumn(i -> time.format(i.startsAt().atZone(Formats.ZONE))).setHeader(getTranslation("agenda.time"))
                .setKey("time").setWidth("5.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::itemCell).setHeader(getTranslation("agenda.item")).setKey("item")
                .setFlexGrow(1);
        grid.addColumn(i -> getTranslation("agenda.minutesShort", i.minutes())).setHeader(getTranslation(
                "agenda.duration")).setKey("minutes").setWidth("6rem").setFlexGrow(0);
        if (planner) {
            grid.addComponentColumn(this::actionsCell).setKey("actions").setWidth("4rem").setFlexGrow(0);
            grid.setRowsDraggable(true);
            grid.setDropMode(GridDropMode.ON_TOP_OR_BETWEEN);
            grid.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null
                    : e.getDraggedItems().getFirst());
            grid.addDragEndListener(e -> dragged = null);
            grid.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> {
                if (dragged != null && !dragged.id().equals(target.id())) {
                    drop(dragged, target, e.getDropLocation());
                }
            }));
        } else {
            grid.setRowsDraggable(false);
            grid.setDropMode(null);
        }
    }

    /** Dropping on an item makes a sub-item of it; dropping above or below places it beside the item. */
    void drop(AgendaItemView moved, AgendaItemView target, GridDropLocation location) {
        if (location == GridDropLocation.ON_TOP && target.parentId() == null) {
            long children = items.stream().filter(i -> target.id().equals(i.parentId())).count();
            change(() -> agenda.moveItem(moved.id(), target.id(), (int) children, meeting.agendaVersion()));
            return;
        }
        List<AgendaItemView> siblings = siblings(target.parentId());
        siblings.removeIf(i -> i.id().equals(moved.id()));
        int index = siblings.indexOf(target);
        if (location == GridDropLocation.BELOW) {
            index++;
        }
        int at = Math.max(0, index);
        change(() -> agenda.moveItem(moved.id(), target.parentId(), at, meeting.agendaVersion()));
    }

    private List<AgendaItemView> siblings(@Nullable AgendaItemId parent) {
        List<AgendaItemView> list = new ArrayList<>();
        for (AgendaItemView i : items) {
            if (Objects.equals(i.parentId(), parent)) {
                list.add(i);
            }
        }
        return list;
    }

    private Component itemCell(AgendaItemView item) {
        Div cell = new Div();
        cell.addClassName("tafel-agenda-item");
        if (item.depth() > 0) {
            cell.addClassName("tafel-agenda-sub");
        }
        Span title = new Span(item.title());
        title.addClassName("tafel-agenda-title");
        Span purpose = new Span(getTranslation(item.purpose().translationKey()));
        purpose.addClassNames("tafel-badge", "tafel-purpose-" + item.purpose().name().toLowerCase(
                java.util.Locale.ROOT));
        cell.add(new Div(title, purpose));
        if (item.presenter() != null) {
            Span presenter = new Span(getTranslation("agenda.presenter", item.presenter()));
            presenter.addClassName("tafel-muted");
            cell.add(new Div(presenter));
        }
        if (item.description() != null) {
            Paragraph description = new Paragraph(item.description());
            description.addClassName("tafel-agenda-description");
            cell.add(description);
        }
        if (!item.documents().isEmpty()) {
            UnorderedList docs = new UnorderedList();
            docs.addClassName("tafel-agenda-documents");
            for (AgendaItemView.Attachment doc : item.documents()) {
                Anchor link = new Anchor("documenten/" + doc.documentId(), doc.name());
                ListItem li = new ListItem(VaadinIcon.FILE_TEXT_O.create(), link);
                if (doc.late()) {
                    Span late = new Span(getTranslation("agenda.late", Formats.dateTime(doc.addedAt(), getLocale())));
                    late.addClassNames("tafel-badge", "tafel-badge-warning");
                    li.add(late);
                }
                docs.add(li);
            }
            cell.add(docs);
        }
        return cell;
    }

    private Component actionsCell(AgendaItemView item) {
        Button more = new Button(VaadinIcon.ELLIPSIS_DOTS_V.create(), e -> itemActions(item));
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        more.setAriaLabel(getTranslation("agenda.actionsFor", item.number(), item.title()));
        more.addClassName("agenda-actions-" + item.number().replace('.', '-'));
        return more;
    }

    void itemActions(AgendaItemView item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(item.number() + " " + item.title());
        dialog.setWidth("min(22rem, 95vw)");
        Div list = new Div();
        list.addClassName("tafel-action-list");
        long version = meeting.agendaVersion();
        list.add(action(dialog, "edit", getTranslation("agenda.editItem"), () -> new ItemDialog(
                getTranslation("agenda.editItem"), item, version, current(item),
                (draft, v) -> agenda.updateItem(item.id(), draft, v), this::reload).open()));
        if (item.parentId() == null) {
            list.add(action(dialog, "sub", getTranslation("agenda.addSubItem"), () -> new ItemDialog(
                    getTranslation("agenda.addSubItem"), null, version, current(null),
                    (draft, v) -> agenda.addItem(meeting.id(), item.id(), draft, v), this::reload).open()));
        }
        list.add(action(dialog, "attach", getTranslation("agenda.addDocuments"), () -> new AttachDialog(agenda,
                documents, meeting.spaceId(), item, () -> meetings.get(meeting.id()).agendaVersion(),
                this::reload).open()));
        List<AgendaItemView> siblings = siblings(item.parentId());
        int index = siblings.indexOf(item);
        if (index > 0) {
            list.add(action(dialog, "up", getTranslation("agenda.moveUp"),
                    () -> change(() -> agenda.moveItem(item.id(), item.parentId(), index - 1, version))));
        }
        if (index < siblings.size() - 1) {
            list.add(action(dialog, "down", getTranslation("agenda.moveDown"),
                    () -> change(() -> agenda.moveItem(item.id(), item.parentId(), index + 1, version))));
        }
        for (AgendaItemView.Attachment doc : item.documents()) {
            Runnable detach = () -> change(() -> agenda.detach(item.id(), doc.documentId(), version));
            list.add(action(dialog, "detach", getTranslation("agenda.detach", doc.name()),
                    meeting.status() != MeetingStatus.PUBLISHED ? detach : () -> confirmWithdraw(doc, detach)));
        }
        Button remove = action(dialog, "remove", getTranslation("agenda.removeItem"),
                () -> change(() -> agenda.removeItem(item.id(), version)));
        remove.addThemeVariants(ButtonVariant.ERROR);
        list.add(remove);
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()));
        dialog.open();
    }

    /** The agenda as it is now, for an item dialog that met someone else's change. */
    private ItemDialog.Current current(@Nullable AgendaItemView item) {
        MeetingId id = meeting.id();
        return new ItemDialog.Current() {
            @Override
            public long agendaVersion() {
                return meetings.get(id).agendaVersion();
            }

            @Override
            public @Nullable AgendaItemView item() {
                return item == null ? null : agenda.agenda(id).stream().filter(i -> i.id().equals(item.id()))
                        .findFirst().orElse(null);
            }
        };
    }

    private static Button action(Dialog dialog, String id, String label, Runnable run) {
        Button button = new Button(label, e -> {
            dialog.close();
            run.run();
        });
        button.setId("agenda-action-" + id);
        button.setWidthFull();
        return button;
    }

    /** Runs an agenda change; when someone else changed the agenda first, says so and shows the agenda as it is. */
    private void change(Runnable action) {
        try {
            action.run();
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("agenda.changedMeanwhile"));
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    /**
     * Publishes. A meeting still to come sends its invitations; one whose start has passed asks first, and sends
     * invitations only when the planner ticks so; an archived meeting never sends any.
     */
    private void publish(MeetingDetails m) {
        if (m.archive()) {
            act(() -> meetings.publish(m.id(), false), getTranslation("meetings.publishedArchive"));
            return;
        }
        if (clock.instant().isBefore(m.startsAt())) {
            act(() -> meetings.publish(m.id(), true), getTranslation("meetings.published"));
            return;
        }
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle(getTranslation("meetings.publishLate.title", m.title()));
        confirm.add(new Paragraph(getTranslation("meetings.publishLate.text")));
        com.vaadin.flow.component.checkbox.Checkbox invite = new com.vaadin.flow.component.checkbox.Checkbox(
                getTranslation("meetings.publishLate.invite"));
        invite.setId("meeting-publish-invite");
        confirm.add(invite);
        Button yes = new Button(getTranslation("meetings.publish"), e -> {
            confirm.close();
            boolean send = invite.getValue();
            act(() -> meetings.publish(m.id(), send), getTranslation(send ? "meetings.published"
                    : "meetings.publishedWithoutInvitations"));
        });
        yes.addThemeVariants(ButtonVariant.PRIMARY);
        yes.setId("meeting-publish-confirm");
        confirm.getFooter().add(new Button(getTranslation("action.back"), e -> confirm.close()), yes);
        confirm.open();
    }

    private void confirmCancel(MeetingDetails m) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle(getTranslation("meetings.cancelTitle", m.title()));
        confirm.add(new Paragraph(getTranslation("meetings.cancelText")));
        Button yes = new Button(getTranslation("meetings.cancelConfirm"), e -> {
            confirm.close();
            act(() -> meetings.cancel(m.id()), getTranslation("meetings.cancelled"));
        });
        yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        yes.setId("meeting-cancel-confirm");
        confirm.getFooter().add(new Button(getTranslation("action.back"), e -> confirm.close()), yes);
        confirm.open();
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return (meeting == null ? "" : meeting.title() + " · ") + getTranslation("app.name");
    }
}
