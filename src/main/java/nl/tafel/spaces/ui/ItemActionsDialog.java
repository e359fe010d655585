package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import nl.tafel.spaces.FolderItem;

/** The actions for one folder or document, as large buttons that also suit a finger on a tablet. */
final class ItemActionsDialog extends Dialog {

    record Action(String id, String label, Runnable run) {
    }

    ItemActionsDialog(FolderItem item, List<Action> actions) {
        setHeaderTitle(item.name());
        setWidth("min(22rem, 95vw)");
        Div list = new Div();
        list.addClassName("tafel-action-list");
        for (Action action : actions) {
            Button button = new Button(action.label(), e -> {
                close();
                action.run().run();
            });
            button.setId("item-action-" + action.id());
            button.setWidthFull();
            if (action.id().equals("delete")) {
                button.addThemeVariants(ButtonVariant.ERROR);
            }
            list.add(button);
        }
        add(list);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
    }
}
