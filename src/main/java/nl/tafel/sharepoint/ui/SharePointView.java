package nl.tafel.sharepoint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Confirm;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.SyncStatus;

/**
 * "Beheer › SharePoint": every space with its SharePoint link and how its sync stands; administrators link, unlink,
 * resume and start a pass here. Three columns, so that it fits a tablet.
 */
@Route("beheer/sharepoint")
@RolesAllowed("ADMINISTRATOR")
@Menu(order = 72, title = "nav.sharepoint", icon = "vaadin:exchange")
class SharePointView extends VerticalLayout implements HasDynamicTitle {

    private final SharePointService sharePoint;
    private final Grid<SyncStatus> grid = new Grid<>();
    private final Div notice = new Div();

    SharePointView(SharePointService sharePoint) {
        this.sharePoint = sharePoint;
        addClassName("tafel-view");
        setSizeFull();
        Button refresh = new Button(getTranslation("sharepoint.refresh"), VaadinIcon.REFRESH.create(),
                e -> refresh());
        refresh.setId("sharepoint-refresh");
        add(new ViewHeader(getTranslation("nav.sharepoint"), getTranslation("sharepoint.intro"), refresh));

        notice.addClassNames("tafel-notice", "tafel-sharepoint-notice");
        notice.setId("sharepoint-not-configured");
        notice.add(new Paragraph(getTranslation("sharepoint.notConfigured.intro")));
        Paragraph variables = new Paragraph();
        variables.add(new Code("TAFEL_SHAREPOINT_TENANT_ID"), new Span(", "), new Code("TAFEL_SHAREPOINT_CLIENT_ID"),
                new Span(" " + getTranslation("sharepoint.notConfigured.and") + " "),
                new Code("TAFEL_SHAREPOINT_CLIENT_SECRET"),
                new Span(" " + getTranslation("sharepoint.notConfigured.or") + " "),
                new Code("TAFEL_SHAREPOINT_CLIENT_CERTIFICATE_PATH"));
        notice.add(variables, new Paragraph(getTranslation("sharepoint.notConfigured.restart")));
        add(notice);

        grid.addComponentColumn(this::space).setHeader(getTranslation("sharepoint.column.space")).setFlexGrow(3);
        grid.addComponentColumn(this::state).setHeader(getTranslation("sharepoint.column.state")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        grid.setId("sharepoint-grid");
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        notice.setVisible(!sharePoint.configured());
        grid.setItems(sharePoint.all());
    }

    /** The space's name, and under it the SharePoint place it syncs with. */
    private Component space(SyncStatus s) {
        Div cell = new Div();
        cell.addClassName("tafel-sharepoint-cell");
        Span name = new Span(s.spaceName());
        name.addClassName("tafel-strong");
        cell.add(new Div(name));
        if (s.linked()) {
            Div place = new Div(new Span(SharePointTexts.place(s)));
            place.addClassNames("tafel-muted", "tafel-sharepoint-place");
            cell.add(place);
        }
        return cell;
    }

    /** The state, when it last synced, what waits, conflicts and the last error or stop reason. */
    private Component state(SyncStatus s) {
        Div cell = new Div();
        cell.addClassName("tafel-sharepoint-cell");
        cell.add(new Div(SharePointTexts.badge(this, s.state())));
        if (!s.linked()) {
            return cell;
        }
        cell.add(muted(s.lastSuccess() == null ? getTranslation("sharepoint.lastSync.never")
                : getTranslation("sharepoint.lastSync", Formats.dateTime(s.lastSuccess(), getLocale()))));
        if (s.pending() > 0) {
            cell.add(muted(getTranslation("sharepoint.pending", s.pending())));
        }
        if (s.conflicts() > 0) {
            cell.add(muted(getTranslation("sharepoint.conflicts", s.conflicts())));
        }
        if (!s.problems().isEmpty()) {
            cell.add(muted(getTranslation("sharepoint.problems.count", s.problems().size())));
        }
        if (s.waitingUntil() != null) {
            cell.add(muted(getTranslation("sharepoint.throttled", Formats.dateTime(s.waitingUntil(), getLocale()))));
        }
        if (s.state() == SyncStatus.State.STOPPED) {
            cell.add(error(getTranslation("sharepoint.stopped", SharePointTexts.stopReason(this, s.stopReason()))));
        } else if (s.lastError() != null) {
            cell.add(error(getTranslation("sharepoint.lastError", Formats.dateTime(s.lastErrorAt(), getLocale()),
                    SharePointTexts.lastError(this, s.lastError()))));
        }
        return cell;
    }

    private Component actions(SyncStatus s) {
        Div cell = new Div();
        cell.addClassName("tafel-actions");
        if (!s.linked()) {
            Button link = new Button(getTranslation("sharepoint.link"), VaadinIcon.LINK.create(),
                    e -> new LinkDialog(sharePoint, s, this::refresh).open());
            link.setId("sharepoint-link-" + s.space());
            link.addThemeVariants(ButtonVariant.SMALL);
            cell.add(link);
            return cell;
        }
        if (s.state() == SyncStatus.State.STOPPED) {
            Button resume = new Button(getTranslation("sharepoint.resume"), VaadinIcon.PLAY.create(), e -> act(() -> {
                sharePoint.resume(s.space());
                Notifications.success(getTranslation("sharepoint.resumed", s.spaceName()));
            }));
            resume.setId("sharepoint-resume-" + s.space());
            resume.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            cell.add(resume);
        } else if (s.state() != SyncStatus.State.NOT_CONFIGURED) {
            Button sync = new Button(getTranslation("sharepoint.syncNow"), VaadinIcon.REFRESH.create(),
                    e -> act(() -> {
                        sharePoint.syncNow(s.space()).ifPresentOrElse(
                                until -> Notifications.warning(getTranslation("sharepoint.syncWaits",
                                        SharePointTexts.time(until, getLocale()), s.pending())),
                                () -> Notifications.success(getTranslation("sharepoint.syncStarted")));
                    }));
            sync.setId("sharepoint-sync-" + s.space());
            sync.addThemeVariants(ButtonVariant.SMALL);
            cell.add(sync);
        }
        Button unlink = new Button(getTranslation("sharepoint.unlink"), VaadinIcon.UNLINK.create(),
                e -> Confirm.open("sharepoint.unlink.title", "sharepoint.unlink.text", "sharepoint.unlink", true,
                        () -> act(() -> {
                            sharePoint.unlink(s.space());
                            Notifications.success(getTranslation("sharepoint.unlinked", s.spaceName()));
                        })));
        unlink.setId("sharepoint-unlink-" + s.space());
        unlink.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        cell.add(unlink);
        return cell;
    }

    /** Runs an action, shows a refusal, and shows the new state either way. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (TafelException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
        }
        refresh();
    }

    private static Div muted(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("tafel-muted");
        return d;
    }

    private static Div error(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("tafel-error-text");
        return d;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sharepoint") + " · " + getTranslation("app.name");
    }
}
