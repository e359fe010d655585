package nl.tafel.minutes.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.minutes.Decision;
import nl.tafel.minutes.MinutesService;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;

/** The decision register (besluitenlijst) of a space, across its meetings, searchable by text or number. */
@Route("besluitenlijst")
@PermitAll
@Menu(order = 31, title = "nav.decisions", icon = "vaadin:gavel")
class DecisionsView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    private final MinutesService minutes;
    private final Select<SpaceSummary> space = new Select<>();
    private final TextField search = new TextField();
    private final Grid<Decision> grid = new Grid<>();

    DecisionsView(MinutesService minutes, SpaceService spaces) {
        this.minutes = minutes;
        addClassName("tafel-view");
        setPadding(false);
        add(new ViewHeader(getTranslation("nav.decisions"), getTranslation("decisions.intro")));
        List<SpaceSummary> mine = spaces.mySpaces();
        space.setLabel(getTranslation("meetings.space"));
        space.setItems(mine);
        space.setItemLabelGenerator(SpaceSummary::name);
        space.setId("decisions-space");
        space.setWidth("min(26rem, 100%)");
        search.setLabel(getTranslation("decisions.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("decisions-search");
        Div filters = new Div(space, search);
        filters.addClassName("tafel-actions");
        add(filters);
        grid.setId("decisions-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(Decision::number).setHeader(getTranslation("decisions.number")).setWidth("8.5rem")
                .setFlexGrow(0).setKey("number");
        grid.addColumn(Decision::text).setHeader(getTranslation("decisions.text")).setFlexGrow(3).setKey("text");
        grid.addComponentColumn(d -> new Anchor("vergaderingen/" + d.meetingId() + "/notulen", d.meetingTitle()
                + ", " + Formats.dateTime(d.meetingStartsAt(), UI.getCurrent().getLocale())))
                .setHeader(getTranslation("decisions.meeting")).setFlexGrow(1).setKey("meeting");
        add(grid);
        space.addValueChangeListener(e -> load());
        search.addValueChangeListener(e -> load());
        if (!mine.isEmpty()) {
            space.setValue(mine.getFirst());
        }
    }

    private void load() {
        grid.setItems(space.getValue() == null ? List.of() : minutes.register(space.getValue().id(),
                search.getValue()));
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.decisions");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.decisions") + " · " + getTranslation("app.name");
    }
}
