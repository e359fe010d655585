package nl.tafel.invitations.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.invitations.Answer;
import nl.tafel.invitations.Attendance;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.InviteeRow;
import nl.tafel.mail.MailStatus;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The attendance list of a meeting, for its planners: every invitee, their answer and how it came in, whether the
 * invitation mail arrived, the counts and the quorum forecast. Guests are added here, phone answers recorded.
 */
@Route("vergaderingen/:meetingId/aanwezigheid")
@PermitAll
class AttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        MainLayout.HasViewTitle {

    private final InvitationService invitations;
    private final Grid<InviteeRow> grid = new Grid<>();
    private @Nullable Attendance attendance;

    AttendanceView(InvitationService invitations) {
        this.invitations = invitations;
        addClassName("tafel-view");
        setPadding(false);
    }

    static String path(MeetingId id) {
        return "vergaderingen/" + id + "/aanwezigheid";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            MeetingId id = MeetingId.parse(event.getRouteParameters().get("meetingId").orElse(null))
                    .orElseThrow(MeetingNotFoundException::new);
            attendance = invitations.attendance(id);
        } catch (MeetingNotFoundException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void reload() {
        attendance = invitations.attendance(attendance.meetingId());
        build();
    }

    private void build() {
        Attendance a = attendance;
        removeAll();
        boolean open = a.status() == MeetingStatus.CONCEPT || a.status() == MeetingStatus.PUBLISHED;
        Button back = new Button(getTranslation("invitations.backToMeeting"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("vergaderingen/" + a.meetingId()));
        back.setId("attendance-back");
        Div actions = new Div(back);
        actions.addClassName("tafel-actions");
        if (open) {
            Button guest = new Button(getTranslation("invitations.addGuest"), VaadinIcon.PLUS.create(),
                    e -> new GuestDialog(invitations, a.meetingId(), this::reload).open());
            guest.addThemeVariants(ButtonVariant.PRIMARY);
            guest.setId("attendance-add-guest");
            actions.add(guest);
        }
        add(new ViewHeader(getTranslation("invitations.title"), a.title() + " · "
                + Formats.dateTime(a.startsAt(), getLocale()), actions));

        Div summary = new Div();
        summary.addClassName("tafel-attendance-summary");
        summary.setId("attendance-summary");
        if (!a.sent()) {
            summary.add(new Span(getTranslation(a.status() == MeetingStatus.CONCEPT ? "invitations.concept"
                    : "invitations.notSent")));
        }
        summary.add(badge(getTranslation("invitations.count.accepted", a.accepted()), "tafel-badge-success"),
                badge(getTranslation("invitations.count.tentative", a.tentative()), "tafel-badge-warning"),
                badge(getTranslation("invitations.count.declined", a.declined()), "tafel-badge-error"),
                badge(getTranslation("invitations.count.open", a.open()), "tafel-badge-muted"));
        add(summary);
        if (a.forecast() != null) {
            Div quorum = new Div();
            quorum.setId("attendance-quorum");
            quorum.addClassName("tafel-fact");
            quorum.add(VaadinIcon.SCALE.create(), new Span(getTranslation("invitations.quorum", a.quorumNeeded(),
                    a.quorumRule() == null ? "" : a.quorumRule()) + " " + getTranslation(a.forecast()
                    .translationKey()) + beforeChange(a)));
            add(quorum);
        }

        grid.removeAllColumns();
        grid.setId("attendance-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(this::who).setHeader(getTranslation("invitations.col.name")).setFlexGrow(3)
                .setKey("name");
        grid.addComponentColumn(this::answer).setHeader(getTranslation("invitations.col.answer")).setFlexGrow(2)
                .setKey("answer");
        grid.addComponentColumn(this::mail).setHeader(getTranslation("invitations.col.mail")).setFlexGrow(2)
                .setKey("mail");
        if (open) {
            grid.addComponentColumn(this::actions).setHeader("").setWidth("4.5rem").setFlexGrow(0)
                    .setKey("actions");
        }
        grid.setItems(a.invitees());
        add(grid);
    }

    private static Span badge(String text, String variant) {
        Span s = new Span(text);
        s.addClassNames("tafel-badge", variant);
        return s;
    }

    private Component who(InviteeRow r) {
        Div cell = new Div();
        Span name = new Span(r.name());
        name.addClassName("tafel-strong");
        cell.add(name);
        if (r.guest()) {
            cell.add(badge(getTranslation("invitations.guest"), "tafel-badge-contrast"));
        }
        if (!r.required()) {
            cell.add(badge(getTranslation("invitations.optional"), "tafel-badge-muted"));
        }
        Div email = new Div(new Span(r.email()));
        email.addClassName("tafel-muted");
        cell.add(email);
        return cell;
    }

    private Component answer(InviteeRow r) {
        Div cell = new Div();
        cell.add(badge(getTranslation(r.answer().translationKey()), switch (r.answer()) {
            case ACCEPTED -> "tafel-badge-success";
            case TENTATIVE -> "tafel-badge-warning";
            case DECLINED -> "tafel-badge-error";
            case NEEDS_ACTION -> "tafel-badge-muted";
        }));
        if (r.answeredVia() != null) {
            Div how = new Div(new Span(getTranslation(r.answeredVia().translationKey(),
                    r.recordedBy() == null ? "" : r.recordedBy()) + " · "
                    + Formats.dateTime(r.answeredAt(), getLocale())));
            how.addClassName("tafel-muted");
            cell.add(how);
        }
        if (r.answerBeforeChange()) {
            Div before = new Div(new Span(getTranslation("invitations.beforeChange")));
            before.addClassNames("tafel-muted", "tafel-answer-before-change");
            cell.add(before);
        }
        return cell;
    }

    /** " (2 antwoorden gegeven vóór de wijziging)" when answers predate a change of time, else nothing. */
    private String beforeChange(Attendance a) {
        return a.answersBeforeChange() == 0 ? "" : " " + getTranslation(a.answersBeforeChange() == 1
                ? "invitations.forecast.beforeChange.one" : "invitations.forecast.beforeChange",
                a.answersBeforeChange());
    }

    private Component mail(InviteeRow r) {
        Div cell = new Div();
        if (!r.invited()) {
            Span s = new Span(getTranslation(attendance.sent() ? "invitations.mail.notInvited"
                    : "invitations.mail.atPublication"));
            s.addClassName("tafel-muted");
            cell.add(s);
            return cell;
        }
        MailStatus status = r.mailStatus();
        if (status == MailStatus.FAILED) {
            cell.add(badge(getTranslation("invitations.mail.failed"), "tafel-badge-error"));
            // in words: the server's text (or an exception's) is for the mail log, not for this list
            Div reason = new Div(new Span(getTranslation("invitations.mail.failedReason")));
            reason.addClassName("tafel-muted");
            cell.add(reason);
        } else if (status == MailStatus.SENT) {
            cell.add(new Span(getTranslation("invitations.mail.sent")));
        } else {
            cell.add(badge(getTranslation(status == MailStatus.KEPT ? "invitations.mail.kept"
                    : "invitations.mail.pending"), "tafel-badge-muted"));
            if (r.mailError() != null && status != MailStatus.KEPT) {
                Div reason = new Div(new Span(getTranslation("invitations.mail.retrying")));
                reason.addClassName("tafel-muted");
                cell.add(reason);
            }
        }
        return cell;
    }

    private Component actions(InviteeRow r) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel(getTranslation("invitations.actionsFor", r.name()));
        SubMenu sub = root.getSubMenu();
        if (r.withdrawn()) {
            sub.addItem(getTranslation("invitations.invite"), e -> act(() -> invitations.invite(
                    attendance.meetingId(), r), getTranslation("invitations.invited", r.name())));
            return menu;
        }
        if (attendance.status() == MeetingStatus.PUBLISHED) {
            for (Answer answer : List.of(Answer.ACCEPTED, Answer.TENTATIVE, Answer.DECLINED)) {
                sub.addItem(getTranslation("invitations.record", getTranslation(answer.translationKey())),
                        e -> act(() -> invitations.record(attendance.meetingId(), r, answer),
                                getTranslation("invitations.recorded", r.name())));
            }
        }
        if (!r.invited() && attendance.sent()) {
            sub.addItem(getTranslation("invitations.invite"), e -> act(() -> invitations.invite(
                    attendance.meetingId(), r), getTranslation("invitations.invited", r.name())));
        }
        sub.addItem(getTranslation(r.required() ? "invitations.makeOptional" : "invitations.makeRequired"),
                e -> act(() -> invitations.setRequired(attendance.meetingId(), r, !r.required()), null));
        sub.addItem(getTranslation("invitations.remove"), e -> act(() -> invitations.remove(attendance.meetingId(),
                r), getTranslation("invitations.removed", r.name())));
        return menu;
    }

    private void act(Runnable action, @Nullable String success) {
        try {
            action.run();
            if (success != null) {
                Notifications.success(success);
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("invitations.changedMeanwhile"));
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitations.title") + (attendance == null ? "" : " · " + attendance.title()) + " · "
                + getTranslation("app.name");
    }
}
