package nl.tafel.meetings;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part another module adds to a meeting's page, such as the invitations and answers. Implementations are Spring
 * beans; the meeting page shows their components below its facts, in {@link #order()}. They check access in their
 * own services.
 */
public interface MeetingPageSection {

    Optional<Component> create(MeetingDetails meeting);

    default int order() {
        return 0;
    }
}
