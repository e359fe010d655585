package nl.tafel.minutes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingPageSection;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.minutes.MinutesService;
import nl.tafel.minutes.MinutesStatus;

/** On the meeting page: the minutes' state and the way to write or read them. */
@org.springframework.stereotype.Component
class MinutesPageSection implements MeetingPageSection {

    private final MinutesService minutes;

    MinutesPageSection(MinutesService minutes) {
        this.minutes = minutes;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(MeetingDetails meeting) {
        if (meeting.status() != MeetingStatus.PUBLISHED && meeting.status() != MeetingStatus.FINISHED) {
            return Optional.empty();
        }
        boolean writer = meeting.canWriteMinutes();
        MinutesStatus status = minutes.status(meeting.id());
        if (!writer && status == MinutesStatus.CONCEPT) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("tafel-pack");
        box.setId("meeting-minutes");
        Span title = new Span(box.getTranslation("minutes.title"));
        title.addClassName("tafel-pack-title");
        Span state = new Span(box.getTranslation(status.translationKey()));
        state.addClassNames("tafel-badge", status == MinutesStatus.APPROVED ? "tafel-badge-success"
                : "tafel-badge-muted");
        Button open = new Button(box.getTranslation(writer && status != MinutesStatus.APPROVED ? "minutes.write"
                : "minutes.read"), VaadinIcon.FILE_TEXT_O.create(),
                e -> UI.getCurrent().navigate(MinutesView.path(meeting.id())));
        open.setId("open-minutes");
        box.add(VaadinIcon.NOTEBOOK.create(), title, state, open);
        return Optional.of(box);
    }
}
