package nl.tafel.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import nl.tafel.members.AppRole;
import nl.tafel.members.OrganisationService;
import nl.tafel.members.PersonDetails;
import nl.tafel.members.PersonService;
import nl.tafel.shared.ui.ViewHeader;

/** Administrators find, add and change people. */
@Route("beheer/leden")
@RolesAllowed(AppRole.Names.ADMINISTRATOR)
@Menu(order = 50, title = "nav.people", icon = "vaadin:users")
class PeopleView extends VerticalLayout implements HasDynamicTitle {

    private final PersonService people;
    private final OrganisationService organisations;
    private final Grid<PersonDetails> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Grid.Column<PersonDetails> organisationColumn;
    private final Grid.Column<PersonDetails> functionColumn;
    private com.vaadin.flow.shared.Registration resizeListener;

    PeopleView(PersonService people, OrganisationService organisations) {
        this.people = people;
        this.organisations = organisations;
        addClassName("tafel-view");
        setSizeFull();

        Button add = new Button(getTranslation("people.add"), VaadinIcon.PLUS.create(), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("people-add");
        add(new ViewHeader(getTranslation("nav.people"), getTranslation("people.description"), add));

        search.setPlaceholder(getTranslation("people.search"));
        search.setAriaLabel(getTranslation("people.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setWidth("min(100%, 24rem)");
        search.setId("people-search");

        grid.addColumn(PersonDetails::fullName).setHeader(getTranslation("person.fullName"))
                .setKey("fullName").setSortProperty("fullName").setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(PersonDetails::email).setHeader(getTranslation("person.email")).setSortProperty("email")
                .setFlexGrow(2);
        organisationColumn = grid.addColumn(p -> p.organisationName() == null ? "" : p.organisationName())
                .setHeader(getTranslation("person.organisation")).setSortProperty("organisation.name")
                .setFlexGrow(2);
        functionColumn = grid.addColumn(p -> p.function() == null ? "" : p.function())
                .setHeader(getTranslation("person.function")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.role().translationKey())).setHeader(getTranslation("person.roleShort"))
                .setSortProperty("role").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("person.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> people.search(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("people-grid");
        grid.setSizeFull();
        add(search, grid);
    }

    /** On a tablet in portrait the grid keeps name, e-mail, role and status; the dialog shows the rest. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        var page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        resizeListener = page.addBrowserWindowResizeListener(e -> fitColumns(e.getWidth()));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (resizeListener != null) {
            resizeListener.remove();
            resizeListener = null;
        }
    }

    private void fitColumns(int width) {
        organisationColumn.setVisible(width >= 1000);
        functionColumn.setVisible(width >= 1200);
    }

    private Span statusBadge(PersonDetails p) {
        Span badge = new Span(getTranslation(p.status().translationKey()));
        badge.addClassNames("tafel-badge", switch (p.status()) {
            case DEACTIVATED -> "tafel-badge-error";
            case INVITED -> "tafel-badge-contrast";
            case ACTIVE -> "tafel-badge-success";
        });
        return badge;
    }

    private void open(PersonDetails person) {
        PersonDetails fresh = person == null ? null : people.get(person.id());
        new PersonDialog(people, organisations.list(), fresh, saved -> grid.getDataProvider().refreshAll())
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.people") + " · " + getTranslation("app.name");
    }
}
