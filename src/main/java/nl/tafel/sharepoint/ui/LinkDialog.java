package nl.tafel.sharepoint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.sharepoint.ConnectionCheck;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.SyncStatus;

/** "Koppelen": which SharePoint site, library and folder a space syncs with; the connection can be tried first. */
final class LinkDialog extends Dialog {

    static final String DEFAULT_LIBRARY = "Documenten";

    private final TextField site = new TextField();
    private final TextField library = new TextField();
    private final TextField folder = new TextField();
    private final Div result = new Div();

    LinkDialog(SharePointService sharePoint, SyncStatus space, Runnable linked) {
        setHeaderTitle(getTranslation("sharepoint.link.title", space.spaceName()));
        setWidth("min(36rem, 95vw)");
        site.setLabel(getTranslation("sharepoint.site"));
        site.setPlaceholder(getTranslation("sharepoint.site.placeholder"));
        site.setHelperText(getTranslation("sharepoint.site.help"));
        site.setId("sharepoint-site");
        library.setLabel(getTranslation("sharepoint.library"));
        // the library's name on the site (a Dutch site calls its default library so), not a text of Tafel's own
        library.setValue(DEFAULT_LIBRARY);
        library.setHelperText(getTranslation("sharepoint.library.help"));
        library.setId("sharepoint-library");
        folder.setLabel(getTranslation("sharepoint.folder"));
        folder.setPlaceholder(getTranslation("sharepoint.folder.placeholder"));
        folder.setHelperText(getTranslation("sharepoint.folder.help"));
        folder.setId("sharepoint-folder");
        FormErrors errors = new FormErrors(this).bind("site", site).bind("library", library).bind("folder", folder);

        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        layout.add(site, library, folder);
        add(layout);
        result.setId("sharepoint-check");
        result.setVisible(false);
        add(result);

        Button test = new Button(getTranslation("sharepoint.test"), VaadinIcon.PLUG.create(), e -> {
            errors.clear();
            try {
                show(sharePoint.testConnection(site.getValue(), library.getValue(), folder.getValue()));
            } catch (FieldException ex) {
                result.setVisible(false);
                errors.show(ex);
            }
        });
        test.setId("sharepoint-test");
        Button link = new Button(getTranslation("sharepoint.link"), VaadinIcon.LINK.create(), e -> {
            errors.clear();
            try {
                sharePoint.link(space.space(), site.getValue(), library.getValue(), folder.getValue());
                close();
                Notifications.success(getTranslation("sharepoint.linked", space.spaceName()));
                linked.run();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        link.setId("sharepoint-link");
        link.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, test, link);
    }

    private void show(ConnectionCheck check) {
        result.removeAll();
        result.removeClassNames("tafel-check-success", "tafel-check-warning", "tafel-check-error");
        result.addClassNames("tafel-sharepoint-check", switch (check) {
            case REACHABLE -> "tafel-check-success";
            case FOLDER_WILL_BE_CREATED, NOT_CONFIGURED -> "tafel-check-warning";
            default -> "tafel-check-error";
        });
        result.add(new Span(getTranslation(SharePointTexts.checkKey(check))));
        result.setVisible(true);
    }
}
