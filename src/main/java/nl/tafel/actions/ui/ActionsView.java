package nl.tafel.actions.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;

/** "Mijn acties" across all spaces, and a space's action list; overdue actions stand out. */
@Route("acties")
@PermitAll
@Menu(order = 30, title = "nav.actions", icon = "vaadin:tasks")
class ActionsView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    /** The choice above the list: my actions, or one space's list. */
    private record Scope(Optional<SpaceSummary> space) {
    }

    private final ActionService actions;
    private final Select<Scope> scope = new Select<>();
    private final Checkbox closed = new Checkbox();
    private final Grid<ActionView> grid = new Grid<>();

    ActionsView(ActionService actions, SpaceService spaces) {
        this.actions = actions;
        addClassName("tafel-view");
        setPadding(false);
        add(new ViewHeader(getTranslation("nav.actions"), getTranslation("actions.intro")));
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(Optional.empty()));
        spaces.mySpaces().forEach(s -> scopes.add(new Scope(Optional.of(s))));
        scope.setLabel(getTranslation("actions.show"));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(s -> s.space().map(sp -> getTranslation("actions.listOf", sp.name()))
                .orElse(getTranslation("actions.mine")));
        scope.setValue(scopes.getFirst());
        scope.setId("actions-scope");
        scope.setWidth("min(26rem, 100%)");
        closed.setLabel(getTranslation("actions.includeClosed"));
        closed.setId("actions-closed");
        Div filters = new Div(scope, closed);
        filters.addClassName("tafel-actions");
        add(filters);

        grid.setId("actions-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(ActionView::number).setHeader(getTranslation("actions.number")).setWidth("8.5rem")
                .setFlexGrow(0).setKey("number");
        grid.addComponentColumn(this::what).setHeader(getTranslation("actions.description")).setFlexGrow(3)
                .setKey("description");
        grid.addColumn(ActionView::ownerNames).setHeader(getTranslation("actions.owners")).setFlexGrow(1)
                .setKey("owners");
        grid.addComponentColumn(this::due).setHeader(getTranslation("actions.due")).setWidth("9rem")
                .setFlexGrow(0).setKey("due");
        grid.addComponentColumn(this::status).setHeader(getTranslation("actions.status")).setWidth("8rem")
                .setFlexGrow(0).setKey("status");
        grid.addItemClickListener(e -> new ActionDetailsDialog(actions, actions.get(e.getItem().id()),
                this::load).open());
        add(grid);
        scope.addValueChangeListener(e -> load());
        closed.addValueChangeListener(e -> load());
        load();
    }

    private void load() {
        Scope s = scope.getValue();
        closed.setVisible(s.space().isPresent());
        List<ActionView> list = s.space().map(sp -> actions.forSpace(sp.id(), closed.getValue()))
                .orElseGet(actions::mine);
        grid.setItems(list);
    }

    private Component what(ActionView a) {
        Div cell = new Div(new Span(a.description()));
        if (!a.notes().isEmpty()) {
            ActionView.Note last = a.notes().getLast();
            Div note = new Div(new Span(Formats.dateTime(last.at(), getLocale()) + ": " + last.text()));
            note.addClassName("tafel-muted");
            cell.add(note);
        }
        return cell;
    }

    private Component due(ActionView a) {
        Span s = new Span(Formats.date(a.due(), getLocale()));
        if (a.overdue()) {
            s.setText(getTranslation("actions.overdue", Formats.date(a.due(), getLocale())));
            s.addClassNames("tafel-badge", "tafel-badge-error");
        }
        return s;
    }

    private Component status(ActionView a) {
        Span s = new Span(getTranslation(a.status().translationKey()));
        s.addClassName("tafel-badge");
        s.addClassName(switch (a.status()) {
            case OPEN -> "tafel-badge-muted";
            case IN_PROGRESS -> "tafel-badge-contrast";
            case DONE -> "tafel-badge-success";
            case DROPPED -> "tafel-badge-muted";
        });
        return s;
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.actions");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.actions") + " · " + getTranslation("app.name");
    }
}
