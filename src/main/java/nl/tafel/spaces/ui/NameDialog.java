package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.FolderItem;
import nl.tafel.spaces.NameProblem;

/**
 * Asks for a file or folder name and checks SharePoint's rules while the person types, saying what to change.
 */
final class NameDialog extends Dialog {

    @FunctionalInterface
    interface Save {
        void save(String name);
    }

    private final TextField name = new TextField();
    private final String parentPath;

    private NameDialog(String titleKey, String submitKey, String initial, String parentPath, Save save,
            Runnable done, String successKey) {
        this.parentPath = parentPath;
        setHeaderTitle(getTranslation(titleKey));
        setWidth("min(32rem, 95vw)");
        name.setLabel(getTranslation("documents.name"));
        name.setId("item-name");
        name.setWidthFull();
        name.setValue(initial);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> check(e.getValue()));
        name.setHelperText(getTranslation("names.help"));
        FormErrors errors = new FormErrors(this).bind("name", name);
        add(name);
        Button ok = new Button(getTranslation(submitKey), e -> {
            if (!check(name.getValue())) {
                return;
            }
            try {
                save.save(name.getValue());
                close();
                Notifications.success(getTranslation(successKey, name.getValue()));
                done.run();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                // Changed or removed by someone else meanwhile: say so and show the folder as it is now.
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                close();
                done.run();
            }
        });
        ok.setId("save-name");
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        ok.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }

    private boolean check(String value) {
        Optional<NameProblem> problem = DocumentNames.check(value);
        if (problem.isEmpty()) {
            problem = DocumentNames.checkPath(parentPath, value);
        }
        return NameProblems.show(name, problem);
    }

    static NameDialog newFolder(DocumentService documents, FolderId parent, String parentPath, Runnable done) {
        return new NameDialog("folders.new", "folders.create", "", parentPath,
                name -> documents.createFolder(parent, name), done, "folders.created");
    }

    static NameDialog rename(DocumentService documents, FolderItem item, String parentPath, Runnable done) {
        return new NameDialog("action.rename", "action.save", item.name(), parentPath, name -> {
            if (item.isFolder()) {
                documents.renameFolder(item.folderId(), name, item.version());
            } else {
                documents.renameDocument(item.documentId(), name, item.version());
            }
        }, done, "documents.renamed");
    }
}
