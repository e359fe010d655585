package nl.tafel.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.review.ReadingState;
import nl.tafel.review.ReadingTable;
import nl.tafel.review.ReviewService;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.ViewHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** "Leesstatus": the invited members against the agenda's papers, for the meeting's secretaries and its chair. */
@Route("vergaderingen/:meetingId/leesstatus")
@PermitAll
@StyleSheet("styles/review.css")
class ReadingTableView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        MainLayout.HasViewTitle {

    private final ReviewService review;
    private @Nullable ReadingTable table;

    ReadingTableView(ReviewService review) {
        this.review = review;
        addClassName("tafel-view");
        setPadding(false);
    }

    static String path(MeetingId id) {
        return "vergaderingen/" + id + "/leesstatus";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            MeetingId id = MeetingId.parse(event.getRouteParameters().get("meetingId").orElse(null))
                    .orElseThrow(MeetingNotFoundException::new);
            table = review.readingTable(id);
        } catch (MeetingNotFoundException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build(table);
    }

    private void build(ReadingTable t) {
        removeAll();
        Button back = new Button(getTranslation("invitations.backToMeeting"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("vergaderingen/" + t.meetingId()));
        add(new ViewHeader(getTranslation("review.table.title"), getTranslation("review.table.description"), back));
        add(grid(t));
    }

    static Grid<ReadingTable.Row> grid(ReadingTable t) {
        Grid<ReadingTable.Row> grid = new Grid<>();
        grid.setId("reading-table");
        grid.addClassName("tafel-reading-table");
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ReadingTable.Row::name).setHeader(grid.getTranslation("review.table.member"))
                .setFrozen(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.unread() == 0 ? grid.getTranslation("review.table.ready")
                : grid.getTranslation("review.table.unread", r.unread()))
                .setHeader(grid.getTranslation("review.table.ready.header")).setAutoWidth(true).setFlexGrow(0);
        for (ReadingTable.Column c : t.papers()) {
            grid.addComponentColumn(r -> cell(grid, r.states().getOrDefault(c.documentId(), ReadingState.UNREAD)))
                    .setHeader(c.itemNumber() + ". " + c.name()).setAutoWidth(true).setResizable(true);
        }
        grid.setItems(t.members());
        grid.setAllRowsVisible(true);
        if (t.papers().isEmpty()) {
            grid.setVisible(false);
        }
        return grid;
    }

    private static Span cell(Grid<?> grid, ReadingState state) {
        Span span = new Span(grid.getTranslation(state.translationKey()));
        span.addClassName("tafel-badge");
        span.addClassName(switch (state) {
            case READ -> "tafel-badge-success";
            case UNREAD -> "tafel-badge-muted";
            case CHANGED_SINCE_READ -> "tafel-badge-warning";
        });
        span.addClassName("tafel-reading-" + state.name().toLowerCase(java.util.Locale.ROOT));
        return span;
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.table.title") + " · " + getTranslation("app.name");
    }

    static Paragraph empty(Grid<?> grid) {
        return new Paragraph(grid.getTranslation("review.noPapers"));
    }
}
