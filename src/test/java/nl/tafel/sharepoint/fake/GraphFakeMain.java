package nl.tafel.sharepoint.fake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the Graph fake on its own, for trying Tafel's SharePoint screens without a tenant: it makes the site
 * {@code contoso.sharepoint.com:/sites/bestuur} with the library "Documenten" and a few files, prints the two
 * environment variables to start Tafel with, writes them to the file given as first argument (if any), and runs
 * until stopped.
 */
public final class GraphFakeMain {

    private GraphFakeMain() {
    }

    public static void main(String[] args) throws Exception {
        GraphFake fake = GraphFake.start(Clock.systemUTC());
        String site = fake.addSite("contoso.sharepoint.com", "/sites/bestuur");
        String drive = fake.driveId(site, "Documenten");
        fake.putFile(drive, "Tafel/Bestuur/Ingekomen/Brief gemeente Leiden.txt",
                "Geachte bestuursleden,\n\nHierbij de uitnodiging voor het ondernemersoverleg.\n"
                        .getBytes(StandardCharsets.UTF_8));
        fake.putFile(drive, "Tafel/Bestuur/Begroting 2027.txt", "Begroting 2027 (concept)\n"
                .getBytes(StandardCharsets.UTF_8));
        String env = "TAFEL_SHAREPOINT_GRAPH_BASE_URL=" + fake.baseUrl() + "\nTAFEL_SHAREPOINT_ACCESS_TOKEN="
                + fake.token() + "\n";
        System.out.print(env);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), env);
        }
        Thread.currentThread().join();
    }
}
