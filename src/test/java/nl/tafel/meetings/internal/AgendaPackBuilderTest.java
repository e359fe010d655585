package nl.tafel.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's pages taken over from the papers as they are: each page keeps its own text, size and rotation, also when
 * it inherited them from its paper's page tree, and also when papers were written alike (the same object numbers).
 */
class AgendaPackBuilderTest {

    @TempDir
    Path dir;

    private final AgendaPackBuilder builder = new AgendaPackBuilder((key, args) -> switch (key) {
        case "pack.stampItem" -> "agendapunt " + args[0];
        case "pack.stampPage" -> "blz. " + args[0] + "/" + args[1];
        case "pack.failed" -> "kon niet worden opgenomen";
        default -> key;
    });

    @Test
    void pagesKeepTheirOwnTextSizeAndRotationAndGetAStamp() throws Exception {
        // Two papers made the same way, so their objects carry the same numbers, each with pages that inherit their
        // font, their (landscape) size and their rotation from the page tree.
        Path first = paper("eerste", 3, true);
        Path second = paper("tweede", 2, true);
        Path plain = paper("los", 1, false);
        AgendaPackBuilder.Output output = build(List.of(first, second, plain));

        try (PDDocument pack = Loader.loadPDF(output.file().toFile());
                PDDocument source = Loader.loadPDF(first.toFile())) {
            assertThat(pack.getNumberOfPages()).isEqualTo(3 + 3 + 2 + 1).isEqualTo(output.pages());
            int total = pack.getNumberOfPages();
            List<String> expected = List.of("eerste blad 1", "eerste blad 2", "eerste blad 3", "tweede blad 1",
                    "tweede blad 2", "los blad 1");
            for (int i = 0; i < expected.size(); i++) {
                int number = 4 + i;
                // on a turned page the text comes out in pieces: compared without white space
                String text = bare(text(pack, number));
                assertThat(text).contains(bare(expected.get(i)), bare("Bestuur OL 13-01-2026 · agendapunt 5 · blz. "
                        + number + "/" + total));
                for (String other : expected) {
                    if (!other.equals(expected.get(i))) {
                        assertThat(text).doesNotContain(bare(other));
                    }
                }
                PDPage page = pack.getPage(number - 1);
                boolean inherited = i < 5;
                assertThat(page.getMediaBox().getWidth()).isEqualTo(inherited ? 842 : PDRectangle.A4.getWidth());
                assertThat(page.getRotation()).isEqualTo(inherited ? 90 : 0);
            }
            // The paper's page content is carried over byte for byte as it was written: not decoded and re-encoded.
            assertThat(rawContents(pack.getPage(3))).contains(rawContents(source.getPage(0)).getFirst());
        }
    }

    @Test
    void aPasswordProtectedOrBrokenPaperIsListedAndTheRestIsBuilt() throws Exception {
        Path locked = paper("geheim", 1, false);
        try (PDDocument document = Loader.loadPDF(locked.toFile())) {
            document.protect(new StandardProtectionPolicy("eigenaar", "lezer", new AccessPermission()));
            document.save(locked.toFile());
        }
        Path broken = dir.resolve("kapot.pdf");
        Files.writeString(broken, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF");
        Path good = paper("goed", 2, true);
        // Protected against changes only (no password to open it): it is included, and readable in the pack.
        Path restricted = paper("beperkt", 1, false);
        try (PDDocument document = Loader.loadPDF(restricted.toFile())) {
            AccessPermission noChanges = new AccessPermission();
            noChanges.setCanModify(false);
            document.protect(new StandardProtectionPolicy("eigenaar", "", noChanges));
            document.save(restricted.toFile());
        }
        AgendaPackBuilder.Output output = build(List.of(locked, broken, good, restricted));

        try (PDDocument pack = Loader.loadPDF(output.file().toFile())) {
            assertThat(pack.isEncrypted()).isFalse();
            assertThat(pack.getNumberOfPages()).isEqualTo(3 + 2 + 1);
            assertThat(text(pack, 2)).contains("geheim.pdf — kon niet worden opgenomen",
                    "kapot.pdf — kon niet worden opgenomen", "goed.pdf", "beperkt.pdf");
            assertThat(bare(text(pack, 4))).contains("goedblad1");
            assertThat(bare(text(pack, 5))).contains("goedblad2", "blz.5/6");
            assertThat(text(pack, 6)).contains("beperkt blad 1", "blz. 6/6");
        }
        assertThat(output.manifest()).hasSize(2);
    }

    private AgendaPackBuilder.Output build(List<Path> papers) throws IOException {
        List<AgendaPackBuilder.Paper> list = new ArrayList<>();
        for (Path paper : papers) {
            list.add(new AgendaPackBuilder.Paper(paper.getFileName().toString(), paper, null));
        }
        AgendaPackBuilder.Input input = new AgendaPackBuilder.Input("Bestuur Ondernemend Leiden", "Bestuur OL",
                "Bestuursvergadering", "dinsdag 13 januari 2026, 16:00–18:00", "Stadhuis", "13-01-2026", 1,
                "30-11-2026 16:00", List.of(new AgendaPackBuilder.Section("5", "16:30", "Stukken", "ter bespreking",
                        null, list)), List.of());
        List<Integer> progress = new ArrayList<>();
        AgendaPackBuilder.Output output = builder.build(input, dir.resolve("pakket.pdf"), progress::add);
        assertThat(progress).isSorted().isNotEmpty();
        return output;
    }

    /** A paper whose pages say "name blad n", with font, size and rotation on the page tree when inherited. */
    private Path paper(String name, int pages, boolean inherited) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDResources resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDStream content = new PDStream(document);
                // written without a filter: re-encoding on the way into the pack would show as compressed bytes
                try (OutputStream out = content.createOutputStream()) {
                    out.write(("BT /" + font.getName() + " 14 Tf 60 400 Td (" + name + " blad " + n + ") Tj ET")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(content);
                if (inherited) {
                    page.getCOSObject().removeItem(COSName.MEDIA_BOX);
                } else {
                    page.setResources(resources);
                }
            }
            if (inherited) {
                var tree = document.getPages().getCOSObject();
                tree.setItem(COSName.RESOURCES, resources);
                tree.setItem(COSName.MEDIA_BOX, new PDRectangle(842, 595).getCOSArray());
                tree.setInt(COSName.ROTATE, 90);
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static List<byte[]> rawContents(PDPage page) throws IOException {
        List<byte[]> result = new ArrayList<>();
        for (Iterator<PDStream> streams = page.getContentStreams(); streams.hasNext(); ) {
            try (InputStream in = streams.next().getCOSObject().createRawInputStream()) {
                result.add(in.readAllBytes());
            }
        }
        return result;
    }

    private static String bare(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String text(PDDocument pack, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pack);
    }
}
