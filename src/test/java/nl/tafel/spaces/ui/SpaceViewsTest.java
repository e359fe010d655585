package nl.tafel.spaces.ui;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderItem;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import nl.tafel.spaces.VersionInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The space pages in the JVM: what each role sees and can do, and what a wrong name says. */
@TafelTest
class SpaceViewsTest extends SpringBrowserlessTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    SpaceDetails space;
    StoredDocument pdf;

    @BeforeEach
    void createSpace() {
        String name = "Kernteam " + UUID.randomUUID().toString().substring(0, 8);
        space = as.call(SECRETARY, () -> {
            SpaceId id = spaces.create(name, "Stukken van het kernteam");
            spaces.setMember(id, accounts.findByEmail(MEMBER).orElseThrow().id(), SpaceRole.CONTRIBUTOR);
            spaces.setMember(id, accounts.findByEmail(READER).orElseThrow().id(), SpaceRole.READER);
            return spaces.get(id);
        });
        pdf = as.call(SECRETARY, () -> {
            documents.createFolder(space.rootFolder(), "Vergaderstukken");
            return documents.upload(space.rootFolder(), "Jaarverslag 2025.pdf",
                    getClass().getResourceAsStream("/samples/jaarverslag-2025.pdf"), -1);
        });
    }

    private void open(SpaceDetails s) {
        UI.getCurrent().navigate("ruimtes/" + s.id());
    }

    @SuppressWarnings("unchecked")
    private Grid<FolderItem> grid() {
        return find(Grid.class).id("folder-grid");
    }

    @Test
    @WithUserDetails(READER)
    void aReaderSeesTheSpaceOnTheSpacesPageAndReadsButCannotChange() {
        UI.getCurrent().navigate("ruimtes");
        Div cards = find(Div.class).id("my-spaces");
        assertThat(cards.getElement().getTextRecursively()).contains(space.name(), "Lezer",
                "2 documenten om te bekijken");
        open(space);
        assertThat(find(H1.class).single().getText()).isEqualTo(space.name());
        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat(test(grid()).getRow(0).name()).isEqualTo("Vergaderstukken");
        assertThat(test(grid()).getRow(1).name()).isEqualTo("Jaarverslag 2025.pdf");
        assertThat(find(Upload.class).all()).isEmpty();
        assertThat(find(Button.class).withId("new-folder").all()).isEmpty();
        assertThat(find(Button.class).withId("space-trash").all()).as("visible trash button").isEmpty();
        assertThat(find(Button.class).withId("space-settings").all()).as("visible settings button").isEmpty();
        assertThat(find(Button.class).withId("space-members").all()).hasSize(1);
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void someoneOutsideTheSpaceGetsNotFound() {
        UI.getCurrent().navigate("ruimtes");
        assertThat(find(Div.class).withId("my-spaces").all().stream()
                .noneMatch(d -> d.getElement().getTextRecursively().contains(space.name()))).isTrue();
        open(space);
        assertThat(getCurrentView().getClass().getSimpleName()).contains("NotFound");
        UI.getCurrent().navigate("documenten/" + pdf.documentId());
        assertThat(getCurrentView().getClass().getSimpleName()).contains("NotFound");
        UI.getCurrent().navigate("ruimtes/geen-id");
        assertThat(getCurrentView().getClass().getSimpleName()).contains("NotFound");
    }

    @Test
    @WithUserDetails(MEMBER)
    void aWrongFolderNameIsExplainedWhileTypingAndNothingIsCreated() {
        open(space);
        test(find(Button.class).id("new-folder")).click();
        Dialog dialog = find(Dialog.class).single();
        TextField name = find(TextField.class, dialog).id("item-name");
        test(name).setValue("Notulen: januari?");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo(
                "Haal : ? uit de naam (SharePoint staat die tekens niet toe), of vervang ze door een streepje.");
        test(find(Button.class, dialog).id("save-name")).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(test(grid()).size()).isEqualTo(2);

        test(name).setValue("vergaderstukken");
        assertThat(name.isInvalid()).isFalse();
        test(find(Button.class, dialog).id("save-name")).click();
        assertThat(name.isInvalid()).as("the name is taken, ignoring case").isTrue();
        assertThat(name.getErrorMessage()).contains("al iets met de naam");
        assertThat(name.getValue()).isEqualTo("vergaderstukken");

        test(name).setValue("Notulen januari");
        test(find(Button.class, dialog).id("save-name")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(grid()).size()).isEqualTo(3);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Map „Notulen januari” is aangemaakt.");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aSecretaryCreatesASpaceAndLandsInIt() {
        UI.getCurrent().navigate("ruimtes");
        test(find(Button.class).id("create-space")).click();
        Dialog dialog = find(Dialog.class).single();
        String name = "Werkgroep " + UUID.randomUUID().toString().substring(0, 8);
        test(find(TextField.class, dialog).id("space-name")).setValue(name);
        test(find(TextArea.class, dialog).id("space-description")).setValue("<b>vet</b>");
        test(find(Button.class, dialog).id("save-space")).click();
        TextArea description = find(TextArea.class, dialog).id("space-description");
        assertThat(description.isInvalid()).isTrue();
        assertThat(description.getErrorMessage()).startsWith("Gebruik gewone tekst");
        test(description).setValue("Bereikbaarheid & parkeren");
        test(find(Button.class, dialog).id("save-space")).click();
        assertThat(find(H1.class).single().getText()).isEqualTo(name);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SpaceView");
    }

    @Test
    @WithUserDetails(MEMBER)
    void aMemberCannotCreateSpaces() {
        UI.getCurrent().navigate("ruimtes");
        assertThat(find(Button.class).withId("create-space").all()).isEmpty();
    }

    @Test
    @WithUserDetails(READER)
    void aPdfOpensInTheViewerWithItsVersionHistory() {
        as.run(SECRETARY, () -> documents.uploadVersion(pdf.documentId(), "jaarverslag-def.pdf",
                getClass().getResourceAsStream("/samples/notulen-bestuur-2025-12.pdf"), -1));
        UI.getCurrent().navigate("documenten/" + pdf.documentId());
        VersionInfo current = as.call(READER, () -> documents.versions(pdf.documentId())).getFirst();
        nl.tafel.shared.ui.PdfViewer viewer = find(nl.tafel.shared.ui.PdfViewer.class).single();
        assertThat(viewer.url()).isEqualTo("bestanden/" + current.id() + "/lezen");
        @SuppressWarnings("unchecked")
        Grid<VersionInfo> versions = find(Grid.class).id("versions-grid");
        assertThat(test(versions).size()).isEqualTo(2);
        Anchor download = find(Anchor.class).id("download-current");
        assertThat(download.getHref()).isEqualTo("bestanden/" + current.id());
        assertThat(download.getElement().hasAttribute("router-ignore")).isTrue();
        // A reader gets no upload and no restore.
        assertThat(find(Upload.class).all()).isEmpty();
        assertThat(find(Button.class).withId("rename-document").all()).isEmpty();
    }

    @Test
    @WithUserDetails(MEMBER)
    void anOfficeFileIsShownAsPdfWhenLibreOfficeIsThere() {
        StoredDocument docx = as.call(MEMBER, () -> documents.upload(space.rootFolder(), "Jaarverslag.docx",
                getClass().getResourceAsStream("/samples/jaarverslag-2025.docx"), -1));
        UI.getCurrent().navigate("documenten/" + docx.documentId());
        assertThat(find(nl.tafel.shared.ui.PdfViewer.class).single().url())
                .isEqualTo("bestanden/" + docx.versionId() + "/pdf");
        assertThat(as.call(MEMBER, () -> documents.readableCopy(docx.versionId()))).get()
                .satisfies(copy -> {
                    assertThat(copy.mediaType()).isEqualTo("application/pdf");
                    assertThat(copy.fileName()).isEqualTo("Jaarverslag.pdf");
                    assertThat(copy.size()).isEqualTo(42_498);
                });
    }

    @Test
    @WithUserDetails(MEMBER)
    void aCsvFileCannotBeShownAndOffersTheDownload() {
        StoredDocument csv = as.call(MEMBER, () -> documents.upload(space.rootFolder(), "Actielijst.csv",
                getClass().getResourceAsStream("/samples/actielijst.csv"), -1));
        UI.getCurrent().navigate("documenten/" + csv.documentId());
        assertThat(find(IFrame.class).all()).isEmpty();
        assertThat(find(Div.class).id("viewer").getElement().getTextRecursively())
                .contains("kan niet in de browser worden getoond");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aManagerAddsSomeoneAsReaderAndTheyAppearInTheList() {
        open(space);
        test(find(Button.class).id("space-members")).click();
        Dialog dialog = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<nl.tafel.members.PersonName> person =
                find(com.vaadin.flow.component.combobox.ComboBox.class, dialog).id("member-person");
        nl.tafel.members.PersonName outsider = person.getListDataView().getItems()
                .filter(p -> p.fullName().equals("Bram Buiten")).findFirst().orElseThrow();
        // the manager sees the address only as the directory allows
        test(person).selectItem(person.getItemLabelGenerator().apply(outsider));
        test(find(Button.class, dialog).id("member-add")).click();
        @SuppressWarnings("unchecked")
        Grid<nl.tafel.spaces.SpaceMember> members = find(Grid.class, dialog).id("members-grid");
        assertThat(test(members).size()).isEqualTo(4);
        assertThat(as.call(TestAccounts.OUTSIDER, () -> spaces.get(space.id())).myRole())
                .isEqualTo(SpaceRole.READER);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Bram Buiten is toegevoegd.");
    }

    @Test
    @WithUserDetails(MEMBER)
    void deletingPutsAnItemInTheTrashFromWhereItComesBack() {
        open(space);
        FolderItem report = test(grid()).getRow(1);
        assertThat(report.name()).isEqualTo("Jaarverslag 2025.pdf");
        assertThat(test(grid()).getLitRendererPropertyValue(1, "name", "href", String.class))
                .isEqualTo("documenten/" + pdf.documentId());
        test(grid()).invokeLitRendererFunction(1, "actions", "actions");
        Dialog actions = find(Dialog.class).single();
        assertThat(actions.getHeaderTitle()).isEqualTo("Jaarverslag 2025.pdf");
        test(find(Button.class, actions).id("item-action-delete")).click();
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(find(com.vaadin.flow.component.html.Span.class).withText(
                "„Jaarverslag 2025.pdf” staat in de prullenbak.").all()).hasSize(1);
        assertThat(find(Button.class).id("undo-delete").getText()).isEqualTo("Ongedaan maken");
        test(find(Button.class).id("space-trash")).click();
        Dialog trash = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Grid<nl.tafel.spaces.TrashItem> items = find(Grid.class, trash).id("trash-grid");
        assertThat(test(items).size()).isEqualTo(1);
        assertThat(test(items).getRow(0).deletedBy()).isEqualTo("Lars Lid");
        test((Button) test(items).getCellComponent(0, "restore")).click();
        assertThat(test(items).size()).isZero();
        assertThat(test(grid()).size()).isEqualTo(2);
    }
}
