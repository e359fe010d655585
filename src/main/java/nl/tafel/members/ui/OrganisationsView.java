package nl.tafel.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.tafel.members.AppRole;
import nl.tafel.members.OrganisationDetails;
import nl.tafel.members.OrganisationService;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/** Administrators keep the list of organisations (koepels) people belong to. */
@Route("beheer/organisaties")
@RolesAllowed(AppRole.Names.ADMINISTRATOR)
@Menu(order = 51, title = "nav.organisations", icon = "vaadin:building")
class OrganisationsView extends VerticalLayout implements HasDynamicTitle {

    private final OrganisationService organisations;
    private final Grid<OrganisationDetails> grid = new Grid<>();

    OrganisationsView(OrganisationService organisations) {
        this.organisations = organisations;
        addClassName("tafel-view");
        setSizeFull();
        Button add = new Button(getTranslation("organisations.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("organisations-add");
        add(new ViewHeader(getTranslation("nav.organisations"), getTranslation("organisations.description"), add));

        grid.addColumn(OrganisationDetails::name).setHeader(getTranslation("organisation.name")).setFlexGrow(2);
        grid.addColumn(o -> o.website() == null ? "" : o.website())
                .setHeader(getTranslation("organisation.website")).setFlexGrow(2);
        grid.addColumn(OrganisationDetails::people).setHeader(getTranslation("organisation.people"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(o -> {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(o));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.setAriaLabel(getTranslation("action.delete") + " " + o.name());
            return delete;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setId("organisations-grid");
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(organisations.list());
    }

    private void edit(OrganisationDetails existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "organisations.add" : "organisations.edit"));
        dialog.setWidth("min(36rem, 95vw)");
        TextField name = new TextField(getTranslation("organisation.name"));
        name.setMaxLength(200);
        name.setWidthFull();
        name.setId("organisation-name");
        TextField website = new TextField(getTranslation("organisation.website"));
        website.setWidthFull();
        website.setPlaceholder("https://");
        TextArea description = new TextArea(getTranslation("organisation.description"));
        description.setMaxLength(2000);
        description.setWidthFull();
        if (existing != null) {
            name.setValue(existing.name());
            website.setValue(existing.website() == null ? "" : existing.website());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        FormErrors errors = new FormErrors(dialog).bind("name", name).bind("website", website)
                .bind("description", description);
        dialog.add(name, website, description);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            try {
                if (existing == null) {
                    organisations.create(name.getValue(), description.getValue(), website.getValue());
                } else {
                    organisations.update(existing.id(), existing.version(), name.getValue(),
                            description.getValue(), website.getValue());
                }
                Notifications.success(getTranslation("organisations.saved", name.getValue().strip()));
                dialog.close();
                refresh();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("organisation-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(OrganisationDetails o) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("organisations.deleteTitle"),
                getTranslation("organisations.deleteText", o.name()), getTranslation("action.delete"), e -> {
                    try {
                        organisations.delete(o.id());
                        Notifications.success(getTranslation("organisations.deleted", o.name()));
                        refresh();
                    } catch (TafelException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organisations") + " · " + getTranslation("app.name");
    }
}
