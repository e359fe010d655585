package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A small control that a module puts at the end of the top bar (the notification bell), so that the layout shows it
 * without depending on that module. Implementations are Spring beans; {@link #create()} runs in the UI thread for
 * the signed-in person.
 */
public interface NavbarItem {

    Component create();
}
