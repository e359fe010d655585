package nl.tafel.notifications.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the person read notifications, so that the bell counts again. */
class UnreadChanged extends ComponentEvent<UI> {

    UnreadChanged(UI ui) {
        super(ui, false);
    }
}
