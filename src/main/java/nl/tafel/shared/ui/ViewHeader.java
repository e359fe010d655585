package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** A view's heading, an optional explanation and its actions on the right. */
public class ViewHeader extends Div {

    private final Div actions = new Div();

    public ViewHeader(String title, String description, Component... actionComponents) {
        addClassName("tafel-view-header");
        Div text = new Div(new H1(title));
        if (!description.isEmpty()) {
            Paragraph p = new Paragraph(description);
            p.addClassName("tafel-view-description");
            text.add(p);
        }
        text.addClassName("tafel-view-header-text");
        actions.addClassName("tafel-view-actions");
        actions.add(actionComponents);
        add(text, actions);
    }
}
