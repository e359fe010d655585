package nl.tafel.meetings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingSummary;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.OverviewSection;

/** "Volgende vergaderingen" on the start page. */
@org.springframework.stereotype.Component
class MeetingsOverviewSection implements OverviewSection {

    private final MeetingService meetings;

    MeetingsOverviewSection(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component create() {
        Div section = new Div();
        section.setWidthFull();
        List<MeetingSummary> next = meetings.upcoming(3);
        if (next.isEmpty()) {
            return section;
        }
        section.add(new H2(section.getTranslation("overview.nextMeetings")));
        UnorderedList list = new UnorderedList();
        list.setId("next-meetings");
        list.addClassName("tafel-next-meetings");
        for (MeetingSummary m : next) {
            Anchor link = new Anchor(MeetingView.path(m.id()), m.title());
            list.add(new ListItem(link, new com.vaadin.flow.component.html.Span(" · "
                    + Formats.dateTime(m.startsAt(), com.vaadin.flow.component.UI.getCurrent().getLocale()) + " · " + m.spaceName()
                    + (m.status() == nl.tafel.meetings.MeetingStatus.FINISHED
                            ? " · " + section.getTranslation(m.status().translationKey()) : ""))));
        }
        section.add(list);
        return section;
    }
}
