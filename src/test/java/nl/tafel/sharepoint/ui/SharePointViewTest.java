package nl.tafel.sharepoint.ui;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.SyncStatus;
import nl.tafel.sharepoint.internal.SyncState;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Beheer › SharePoint and the SharePoint card on a space's page, without a Graph server: the test context has no
 * SharePoint credentials, and linking only stores the link.
 */
@TafelTest
class SharePointViewTest extends SpringBrowserlessTest {

    @Autowired
    TestBoard board;
    @Autowired
    RunAs as;
    @Autowired
    SharePointService sharePoint;
    @Autowired
    SyncState syncState;
    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;

    String name;
    String folder;
    SpaceId space;

    @BeforeEach
    void createSpace() {
        name = TestBoard.unique("Bestuur");
        space = board.space(name);
        // each space its own folder: two spaces may not share one
        folder = "Tafel/" + name;
    }

    /** What the state column says for a space that is not linked, with or without credentials. */
    private String notLinkedState() {
        return sharePoint.configured() ? "Niet gekoppeld" : "Niet geconfigureerd";
    }

    @SuppressWarnings("unchecked")
    private Grid<SyncStatus> grid() {
        return find(Grid.class).id("sharepoint-grid");
    }

    private int row() {
        Grid<SyncStatus> grid = grid();
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i).space().equals(space)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private String cell(int column) {
        return test(grid()).getCellComponent(row(), column).getElement().getTextRecursively();
    }

    private Button action(String id) {
        Component actions = test(grid()).getCellComponent(row(), 2);
        return (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals(id + space)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id));
    }

    private void link() {
        as.run(ADMIN, () -> sharePoint.link(space, "contoso.sharepoint.com:/sites/bestuur", "Documenten",
                folder));
    }

    @Test
    @WithUserDetails(ADMIN)
    void anAdministratorSeesEverySpaceAndWhySharePointIsNotSetUp() {
        UI.getCurrent().navigate("beheer/sharepoint");
        assertThat(find(H1.class).single().getText()).isEqualTo("SharePoint");
        if (!sharePoint.configured()) {
            assertThat(find(Div.class).id("sharepoint-not-configured").getElement().getTextRecursively()).contains("TAFEL_SHAREPOINT_TENANT_ID",
                "TAFEL_SHAREPOINT_CLIENT_ID", "TAFEL_SHAREPOINT_CLIENT_SECRET",
                    "TAFEL_SHAREPOINT_CLIENT_CERTIFICATE_PATH");
        }
        assertThat(test(grid()).getHeaderCell(1)).isEqualTo("Stand");
        assertThat(cell(0)).isEqualTo(name);
        assertThat(cell(1)).isEqualTo(notLinkedState());
        assertThat(action("sharepoint-link-").getText()).isEqualTo("Koppelen");
    }

    @Test
    @WithUserDetails(ADMIN)
    void aBadSiteIsExplainedOnItsFieldAndAGoodOneLinksTheSpace() {
        UI.getCurrent().navigate("beheer/sharepoint");
        test(action("sharepoint-link-")).click();
        Dialog dialog = find(Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("„" + name + "” koppelen aan SharePoint");
        TextField site = find(TextField.class, dialog).id("sharepoint-site");
        TextField library = find(TextField.class, dialog).id("sharepoint-library");
        assertThat(library.getValue()).isEqualTo("Documenten");

        test(site).setValue("not a site");
        test(find(Button.class, dialog).id("sharepoint-test")).click();
        assertThat(site.isInvalid()).isTrue();
        assertThat(site.getErrorMessage()).isEqualTo("Dit is geen SharePoint-site. Schrijf haar als "
                + "hostnaam:/sites/naam, bijvoorbeeld contoso.sharepoint.com:/sites/bestuur.");
        test(find(Button.class, dialog).id("sharepoint-link")).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(site.isInvalid()).isTrue();

        test(site).setValue("https://contoso.sharepoint.com/sites/bestuur/");
        test(library).setValue("");
        test(find(Button.class, dialog).id("sharepoint-link")).click();
        assertThat(site.isInvalid()).isFalse();
        assertThat(library.isInvalid()).isTrue();
        assertThat(library.getErrorMessage()).isEqualTo("Vul de naam van de bibliotheek in, bijvoorbeeld Documenten.");

        test(library).setValue("Documenten");
        test(find(TextField.class, dialog).id("sharepoint-folder")).setValue(folder);
        if (!sharePoint.configured()) {
            test(find(Button.class, dialog).id("sharepoint-test")).click();
            assertThat(find(Div.class, dialog).id("sharepoint-check").getElement().getTextRecursively())
                    .startsWith("Testen kan nog niet: SharePoint is niet ingesteld");
        }
        test(find(Button.class, dialog).id("sharepoint-link")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("„" + name + "” is gekoppeld aan SharePoint.");
        assertThat(cell(0)).isEqualTo(name + "contoso.sharepoint.com:/sites/bestuur · Documenten / " + folder);
        assertThat(cell(1)).startsWith(sharePoint.configured() ? "Wacht op eerste synchronisatie"
                : "Niet geconfigureerd").contains("Nog niet gesynchroniseerd");

        test(action("sharepoint-unlink-")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains("Er wordt niets verwijderd");
        test(confirm).confirm();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("„" + name + "” is ontkoppeld van SharePoint. Er is niets verwijderd.");
        assertThat(cell(0)).isEqualTo(name);
        assertThat(cell(1)).isEqualTo(notLinkedState());
    }

    @Test
    @WithUserDetails(SECRETARY)
    void someoneWhoIsNotAnAdministratorCannotOpenThePage() {
        UI.getCurrent().navigate("beheer/sharepoint");
        assertThat(getCurrentView()).isNotInstanceOf(SharePointView.class);
        assertThat(find(Grid.class).withId("sharepoint-grid").all()).isEmpty();
    }

    @Test
    @WithUserDetails(SECRETARY)
    void theSpaceManagerSeesTheCardWithProblemsAndConflictsAndResolvesOne() {
        link();
        StoredDocument doc = as.call(SECRETARY, () -> documents.upload(spaces.get(space).rootFolder(),
                "Jaarverslag.pdf", getClass().getResourceAsStream("/samples/jaarverslag-2025.pdf"), -1));
        StoredDocument copy = as.call(SECRETARY, () -> documents.upload(spaces.get(space).rootFolder(),
                "Jaarverslag (SharePoint).pdf", getClass().getResourceAsStream("/samples/jaarverslag-2025.pdf"), -1));
        UUID linkId = syncState.link(space).orElseThrow().id();
        syncState.pending(linkId, 3);
        syncState.problem(linkId, "remote:1", "Notulen", "sharepoint.problem.parentMissing", Instant.now());
        syncState.problem(linkId, "remote:2", "Begroting.xlsx", "The resource is locked", Instant.now());
        syncState.conflict(linkId, space, doc.documentId().value(), "Jaarverslag.pdf", copy.documentId().value(),
                "Jaarverslag (SharePoint).pdf", "SHAREPOINT", Instant.now());

        UI.getCurrent().navigate("ruimtes/" + space);
        Div card = find(Div.class).id("space-sharepoint");
        assertThat(card.getElement().getTextRecursively()).contains("SharePoint",
                "Plaats in SharePoint: contoso.sharepoint.com:/sites/bestuur · Documenten / " + folder,
                "Nog niet gesynchroniseerd", "3 wijzigingen wachten",
                "2 bestanden of mappen konden niet worden gesynchroniseerd",
                "NotulenDe map erboven is nog niet gesynchroniseerd.", "Begroting.xlsxDit kon niet worden gesynchroniseerd.",
                "1 conflict: een document is in Tafel en in SharePoint tegelijk gewijzigd",
                "de versie uit SharePoint is de huidige versie");
        assertThat(find(Anchor.class, card).all()).extracting(Anchor::getHref).containsExactly(
                "documenten/" + doc.documentId(), "documenten/" + copy.documentId());
        assertThat(find(Anchor.class, card).all()).extracting(Anchor::getText).containsExactly("Jaarverslag.pdf",
                "Jaarverslag (SharePoint).pdf");

        test(find(Button.class, card).withText("Opgelost").single()).click();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Het conflict bij „Jaarverslag.pdf” is opgelost.");
        assertThat(find(Div.class).id("space-sharepoint").getElement().getTextRecursively())
                .doesNotContain("conflict").contains("Plaats in SharePoint");
        assertThat(find(Button.class, card).withText("Opgelost").all()).isEmpty();
    }

    @Test
    @WithUserDetails(ADMIN)
    void anUnlinkedSpaceShowsAdministratorsOneLineWithTheWayToLinkIt() {
        UI.getCurrent().navigate("ruimtes/" + space);
        Div line = find(Div.class).id("space-sharepoint");
        assertThat(line.getElement().getTextRecursively()).isEqualTo((sharePoint.configured()
                ? "Deze ruimte wordt niet met SharePoint gesynchroniseerd." : "SharePoint is nog niet ingesteld.")
                + " Koppelen in Beheer › SharePoint");
        assertThat(find(Anchor.class, line).single().getHref()).isEqualTo("beheer/sharepoint");
    }

    @Test
    @WithUserDetails(READER)
    void aReaderSeesNothingOfSharePoint() {
        link();
        UI.getCurrent().navigate("ruimtes/" + space);
        assertThat(find(H1.class).single().getText()).isEqualTo(name);
        assertThat(find(Div.class).withId("space-sharepoint").all()).isEmpty();
    }

    @Test
    @WithUserDetails(MEMBER)
    void aContributorSeesNothingOfSharePointEither() {
        link();
        UI.getCurrent().navigate("ruimtes/" + space);
        assertThat(find(H1.class).single().getText()).isEqualTo(name);
        assertThat(find(Div.class).withId("space-sharepoint").all()).isEmpty();
    }
}
