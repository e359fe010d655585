package nl.tafel.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** A translated "are you sure?" dialog; the action runs only after the confirm button. */
public final class Confirm {

    private Confirm() {
    }

    /** Opens the dialog; {@code confirmKey} labels the confirm button, {@code danger} colours it red. */
    public static ConfirmDialog open(String headerKey, String textKey, String confirmKey, boolean danger,
            Runnable action) {
        UI ui = UI.getCurrent();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(ui.getTranslation(headerKey));
        dialog.setText(ui.getTranslation(textKey));
        dialog.setCancelable(true);
        dialog.setCancelText(ui.getTranslation("action.cancel"));
        dialog.setConfirmText(ui.getTranslation(confirmKey));
        if (danger) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
