package nl.tafel.actions.internal;

import java.util.List;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.OpenActions;
import org.springframework.stereotype.Component;

/** Gives the meetings module what a meeting's "Actielijst" lists: the space's actions carried into it. */
@Component
class ActionsOnTheAgenda implements OpenActions {

    private final ActionService actions;

    ActionsOnTheAgenda(ActionService actions) {
        this.actions = actions;
    }

    @Override
    public List<OpenAction> of(MeetingId meeting) {
        return actions.carriedInto(meeting).stream().map(ActionsOnTheAgenda::open).toList();
    }

    private static OpenAction open(ActionView a) {
        String last = a.notes().isEmpty() ? null : a.notes().getLast().text();
        return new OpenAction(a.number(), a.description(), a.ownerNames(), a.due(), a.status().translationKey(),
                last);
    }
}
