package nl.tafel.spaces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Span;
import nl.tafel.members.PersonName;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;

/** Who is in a space and with which role; managers add people, change roles and remove people. */
final class MembersDialog extends Dialog {

    private final SpaceService spaces;
    private final SpaceDetails space;
    private final Grid<SpaceMember> grid = new Grid<>();
    private final ComboBox<PersonName> person = new ComboBox<>();

    MembersDialog(SpaceService spaces, SpaceDetails space) {
        this.spaces = spaces;
        this.space = space;
        setHeaderTitle(getTranslation("spaces.membersOf", space.name()));
        setWidth("min(48rem, 95vw)");
        grid.setId("members-grid");
        grid.addColumn(SpaceMember::name).setHeader(getTranslation("spaces.memberName")).setFlexGrow(2);
        grid.addColumn(m -> m.email() == null ? "" : m.email()).setHeader(getTranslation("spaces.memberEmail")).setFlexGrow(2);
        grid.addComponentColumn(this::roleCell).setHeader(getTranslation("spaces.role")).setFlexGrow(1);
        if (space.canManage()) {
            grid.addComponentColumn(this::removeCell).setFlexGrow(0).setWidth("4rem");
        }
        grid.setAllRowsVisible(true);
        add(grid);
        if (space.canManage()) {
            add(addRow());
        }
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        reload();
    }

    private Component addRow() {
        person.setId("member-person");
        person.setLabel(getTranslation("spaces.addPerson"));
        person.setItemLabelGenerator(p -> p.email().isEmpty() ? p.fullName() : p.fullName() + " · " + p.email());
        person.setWidth("min(22rem, 100%)");
        Select<SpaceRole> role = roleSelect();
        role.setId("member-role");
        role.setLabel(getTranslation("spaces.role"));
        role.setValue(SpaceRole.READER);
        Button add = new Button(getTranslation("action.add"), VaadinIcon.PLUS.create(), e -> {
            if (person.getValue() == null) {
                person.setErrorMessage(getTranslation("spaces.choosePerson"));
                person.setInvalid(true);
                return;
            }
            act(() -> spaces.setMember(space.id(), person.getValue().id(), role.getValue()),
                    getTranslation("spaces.memberAdded", person.getValue().fullName()));
        });
        add.setId("member-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(person, role, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Component roleCell(SpaceMember member) {
        if (!space.canManage()) {
            return new Span(getTranslation(member.role().translationKey()));
        }
        Select<SpaceRole> role = roleSelect();
        role.setValue(member.role());
        role.setAriaLabel(getTranslation("spaces.roleOf", member.name()));
        role.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                act(() -> spaces.setMember(space.id(), member.personId(), e.getValue()),
                        getTranslation("spaces.roleChanged", member.name()));
            }
        });
        return role;
    }

    private Component removeCell(SpaceMember member) {
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(),
                e -> act(() -> spaces.removeMember(space.id(), member.personId()),
                        getTranslation("spaces.memberRemoved", member.name())));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setAriaLabel(getTranslation("spaces.remove", member.name()));
        return remove;
    }

    private Select<SpaceRole> roleSelect() {
        Select<SpaceRole> select = new Select<>();
        select.setItems(SpaceRole.MANAGER, SpaceRole.CONTRIBUTOR, SpaceRole.READER);
        select.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        return select;
    }

    private void act(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
        } catch (TafelException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
        }
        reload();
    }

    private void reload() {
        grid.setItems(spaces.members(space.id()));
        if (space.canManage()) {
            person.clear();
            person.setItems(spaces.candidates(space.id()));
        }
    }
}
