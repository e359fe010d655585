package nl.tafel.actions.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import nl.tafel.actions.ActionStatus;
import nl.tafel.actions.ActionView;
import nl.tafel.actions.StatusReports;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;

/**
 * Where the link in a status-request mail lands: the owner's open actions of that space, each with its status and a
 * progress note, reported without signing in.
 */
@Route(value = "actie-status", autoLayout = false)
@AnonymousAllowed
class ActionStatusView extends nl.tafel.shared.ui.LinkPage implements BeforeEnterObserver, HasDynamicTitle {

    private final StatusReports reports;
    private String token = "";

    ActionStatusView(StatusReports reports) {
        super("status-card", "tafel-status-card");
        setJustifyContentMode(JustifyContentMode.START);
        this.reports = reports;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("t", List.of(""))
                .getFirst();
        show();
    }

    private void show() {
        card.removeAll();
        StatusReports.Report report;
        try {
            report = reports.show(token);
        } catch (TafelException e) {
            refused("actionStatus.title", e.messageKey());
            return;
        }
        UI.getCurrent().setLocale(report.locale());
        card.add(new H1(getTranslation("actionStatus.title")));
        card.add(new Paragraph(getTranslation("actionStatus.intro", report.ownerName(), report.meetingTitle())));
        if (report.actions().isEmpty()) {
            card.add(new Paragraph(getTranslation("actionStatus.none")));
        }
        for (ActionView a : report.actions()) {
            Div block = new Div();
            block.addClassName("tafel-minutes-item");
            block.setId("status-" + a.number());
            Span number = new Span(a.number());
            number.addClassName("tafel-strong");
            block.add(new Div(number, new Span(a.description())));
            if (a.due() != null) {
                Span due = new Span(getTranslation("actions.dueOn", Formats.date(a.due(), getLocale())));
                due.addClassName(a.overdue() ? "tafel-badge-error" : "tafel-muted");
                block.add(new Div(due));
            }
            Select<ActionStatus> status = new Select<>();
            status.setLabel(getTranslation("actions.status"));
            status.setItems(ActionStatus.values());
            status.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
            status.setValue(a.status());
            TextArea note = new TextArea(getTranslation("actions.addNote"));
            note.setMaxLength(2000);
            note.setWidthFull();
            Button save = new Button(getTranslation("action.save"), e -> {
                try {
                    reports.report(token, a.id(), status.getValue(), a.version(), note.getValue());
                    Notifications.success(getTranslation("actionStatus.saved", a.number()));
                    show();
                } catch (ConcurrentEditException ex) {
                    Notifications.error(getTranslation("actions.changedMeanwhile"));
                    show();
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.setId("status-save-" + a.number());
            block.add(status, note, save);
            card.add(block);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("actionStatus.title") + " · " + getTranslation("app.name");
    }
}
