package nl.tafel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingPageSection;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.review.Preparation;
import nl.tafel.review.ReviewService;

/**
 * On the meeting page: "Vergadering voorbereiden" with how many papers the person has read, and for the secretaries
 * and the chair the way to the reading table.
 */
@org.springframework.stereotype.Component
class ReviewPageSection implements MeetingPageSection {

    private final ReviewService review;
    private final nl.tafel.invitations.InvitationUpdates invitationUpdates;

    ReviewPageSection(ReviewService review, nl.tafel.invitations.InvitationUpdates invitationUpdates) {
        this.review = review;
        this.invitationUpdates = invitationUpdates;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> create(MeetingDetails meeting) {
        // a concept has no invitees yet, and a cancelled meeting nothing to prepare
        if ((meeting.status() != MeetingStatus.PUBLISHED && meeting.status() != MeetingStatus.FINISHED)
                || !review.mayPrepare(meeting.id())) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("tafel-pack");
        box.setId("meeting-review");
        fill(box, meeting);
        if (meeting.status() == MeetingStatus.PUBLISHED) {
            // the members to read come from the invitations, which go out just after publication
            invitationUpdates.refreshWhileAttached(box, meeting.id(), () -> fill(box, meeting));
        }
        return Optional.of(box);
    }

    private void fill(Div box, MeetingDetails meeting) {
        box.removeAll();
        Preparation p = review.prepare(meeting.id());
        Span title = new Span(box.getTranslation("review.title"));
        title.addClassName("tafel-pack-title");
        int papers = p.papers().size();
        Span state = new Span(papers == 0 ? box.getTranslation("review.noPapers")
                : box.getTranslation("review.progress", papers - p.unread(), papers));
        state.setId("review-progress");
        Button open = new Button(box.getTranslation("review.open"), VaadinIcon.OPEN_BOOK.create(),
                e -> UI.getCurrent().navigate(PrepareView.path(meeting.id())));
        open.addThemeVariants(ButtonVariant.PRIMARY);
        open.setId("open-prepare");
        box.add(VaadinIcon.GLASSES.create(), title, state, open);
        if (p.canSeeReadingTable()) {
            nl.tafel.review.ReadingTable readers = review.readingTable(meeting.id());
            if (!readers.papers().isEmpty()) {
                long ready = readers.members().stream().filter(r -> r.unread() == 0).count();
                Span members = new Span(box.getTranslation("review.table.summary", ready, readers.members().size()));
                members.setId("review-ready");
                members.addClassNames("tafel-badge", ready == readers.members().size() ? "tafel-badge-success"
                        : "tafel-badge-muted");
                box.add(members);
            }
            Button table = new Button(box.getTranslation("review.table.open"), VaadinIcon.TABLE.create(),
                    e -> UI.getCurrent().navigate(ReadingTableView.path(meeting.id())));
            table.setId("open-reading-table");
            box.add(table);
        }
    }
}
