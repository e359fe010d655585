package nl.tafel.meetings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.meetings.MeetingSummary;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceService;

/** "My meetings" across all spaces: a list of what is coming (and what was), and a month calendar. */
@Route("vergaderingen")
@PermitAll
@Menu(order = 20, title = "nav.meetings", icon = "vaadin:calendar")
class MeetingsView extends VerticalLayout implements HasDynamicTitle {

    private final MeetingService meetings;
    private final Div content = new Div();
    private YearMonth month = YearMonth.now(Formats.ZONE);

    MeetingsView(MeetingService meetings, SpaceService spaces, nl.tafel.meetings.SeriesService series) {
        this.meetings = meetings;
        addClassName("tafel-view");
        Button create = new Button(getTranslation("meetings.new"), VaadinIcon.PLUS.create(),
                e -> new MeetingDialog(meetings, spaces, series, null).open());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("meeting-new");
        var planIn = meetings.spacesToPlanIn();
        create.setVisible(!planIn.isEmpty());
        Button seriesButton = new Button(getTranslation("series.title"), VaadinIcon.CALENDAR_CLOCK.create(),
                e -> new SeriesListDialog(series, meetings.spacesToPlanIn()).open());
        seriesButton.setId("meeting-series");
        seriesButton.setVisible(!planIn.isEmpty());
        // the invitations module's page with the person's calendar address (a route, not a code dependency)
        Button feed = new Button(getTranslation("meetings.calendarFeed"), VaadinIcon.LINK.create(),
                e -> com.vaadin.flow.component.UI.getCurrent().navigate("vergaderingen/agenda-koppeling"));
        feed.setId("meeting-calendar-feed");
        add(new ViewHeader(getTranslation("nav.meetings"), getTranslation("meetings.intro"), feed, seriesButton,
                create));
        Tab list = new Tab(getTranslation("meetings.list"));
        Tab calendar = new Tab(getTranslation("meetings.month"));
        list.setId("meetings-list-tab");
        calendar.setId("meetings-month-tab");
        Tabs tabs = new Tabs(list, calendar);
        tabs.addSelectedChangeListener(e -> show(e.getSelectedTab() == calendar));
        content.setWidthFull();
        add(tabs, content);
        show(false);
    }

    private void show(boolean calendar) {
        content.removeAll();
        content.add(calendar ? month() : list());
    }

    private Component list() {
        Div box = new Div();
        box.setId("meetings-list");
        Instant now = Instant.now();
        List<MeetingSummary> coming = meetings.myMeetings(now.minus(Duration.ofHours(3)),
                now.plus(Duration.ofDays(400)));
        box.add(new H2(getTranslation("meetings.coming")));
        if (coming.isEmpty()) {
            box.add(new Paragraph(getTranslation("meetings.noneComing")));
        }
        coming.forEach(m -> box.add(row(m)));
        List<MeetingSummary> past = meetings.myMeetings(now.minus(Duration.ofDays(120)), now.minus(Duration.ofHours(3)));
        if (!past.isEmpty()) {
            box.add(new H2(getTranslation("meetings.past")));
            past.reversed().forEach(m -> box.add(row(m)));
        }
        return box;
    }

    private Component row(MeetingSummary m) {
        Div row = new Div();
        row.addClassName("tafel-meeting-row");
        var start = m.startsAt().atZone(Formats.ZONE);
        Div date = new Div(new Span(String.valueOf(start.getDayOfMonth())),
                new Span(start.getMonth().getDisplayName(TextStyle.SHORT, getLocale())));
        date.addClassName("tafel-meeting-date");
        Anchor title = new Anchor(MeetingView.path(m.id()), m.title());
        title.addClassName("tafel-meeting-title");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        Span facts = new Span(start.format(DateTimeFormatter.ofPattern("EEEE", getLocale())) + " "
                + time.format(start) + " · " + getTranslation(m.form().translationKey())
                + (m.location() == null ? "" : " · " + m.location()) + " · " + m.spaceName());
        facts.addClassName("tafel-muted");
        Div text = new Div(new Div(title), facts);
        row.add(date, text);
        if (m.status() != MeetingStatus.PUBLISHED) {
            Span status = new Span(getTranslation(m.status().translationKey()));
            status.addClassNames("tafel-badge", m.status() == MeetingStatus.CANCELLED ? "tafel-badge-error"
                    : "tafel-badge-contrast");
            row.add(status);
        }
        if (m.archive()) {
            Span archive = new Span(getTranslation("meetings.archive"));
            archive.addClassNames("tafel-badge", "tafel-badge-contrast");
            row.add(archive);
        }
        return row;
    }

    private Component month() {
        Div box = new Div();
        box.setId("meetings-month");
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> {
            month = month.minusMonths(1);
            show(true);
        });
        previous.setAriaLabel(getTranslation("meetings.previousMonth"));
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> {
            month = month.plusMonths(1);
            show(true);
        });
        next.setAriaLabel(getTranslation("meetings.nextMonth"));
        Span name = new Span(month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, getLocale()) + " "
                + month.getYear());
        name.addClassName("tafel-month-name");
        Div header = new Div(previous, name, next);
        header.addClassName("tafel-month-header");
        box.add(header);

        Instant from = month.atDay(1).atStartOfDay(Formats.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Formats.ZONE).toInstant();
        Map<LocalDate, List<MeetingSummary>> byDay = meetings.myMeetings(from, to).stream()
                .collect(Collectors.groupingBy(m -> m.startsAt().atZone(Formats.ZONE).toLocalDate()));
        Div grid = new Div();
        grid.addClassName("tafel-month");
        for (DayOfWeek day : DayOfWeek.values()) {
            Span head = new Span(day.getDisplayName(TextStyle.SHORT, getLocale()));
            head.addClassName("tafel-month-weekday");
            grid.add(head);
        }
        LocalDate first = month.atDay(1);
        for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
            grid.add(new Div());
        }
        LocalDate today = LocalDate.now(Formats.ZONE);
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            Div cell = new Div(new Span(String.valueOf(d)));
            cell.addClassName("tafel-month-day");
            if (date.equals(today)) {
                cell.addClassName("tafel-month-today");
            }
            for (MeetingSummary m : byDay.getOrDefault(date, List.of())) {
                Anchor link = new Anchor(MeetingView.path(m.id()), m.title());
                link.addClassName("tafel-month-meeting");
                if (m.status() == MeetingStatus.CANCELLED) {
                    link.addClassName("tafel-month-cancelled");
                }
                cell.add(link);
            }
            grid.add(cell);
        }
        box.add(grid);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.meetings") + " · " + getTranslation("app.name");
    }
}
