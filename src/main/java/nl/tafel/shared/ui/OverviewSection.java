package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the start page contributed by a module (for example "my spaces"), so that the overview can show every
 * module's news without depending on them. Implementations are Spring beans; {@link #create()} runs in the UI
 * thread for the signed-in person.
 */
public interface OverviewSection {

    /** Lower comes first. */
    int order();

    Component create();
}
