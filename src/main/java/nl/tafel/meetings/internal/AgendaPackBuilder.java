package nl.tafel.meetings.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one agenda pack PDF with Apache PDFBox: a cover, (from version 2) a page of what changed, the contents
 * with page numbers, the agenda, and each item's papers in order; a bookmark per item and per paper, and a stamp on
 * every page ("Bestuur OL 13-01-2026 · agendapunt 5.1 · blz. 3/12"). Papers that are not PDF, or that cannot be read
 * (broken, password-protected), are listed as not included; the rest of the pack is still built. Papers are read
 * from files and the pack is written through temporary files, so memory stays small.
 */
public final class AgendaPackBuilder {

    private static final Logger log = LoggerFactory.getLogger(AgendaPackBuilder.class);
    private static final float MARGIN = 56;
    private static final float LINE = 16;
    private static final PDRectangle A4 = PDRectangle.A4;
    /** Up to 16 MB per document in memory, the rest in temporary files: fast for board papers, bounded for big ones. */
    private static final org.apache.pdfbox.io.MemoryUsageSetting STREAM_CACHE =
            org.apache.pdfbox.io.MemoryUsageSetting.setupMixed(16L * 1024 * 1024);

    /** A paper for the pack: a PDF on disk, or the reason (a translation key) it is not included. */
    public record Paper(String name, @Nullable Path pdf, @Nullable String notIncludedKey) {
    }

    /** An agenda item with its papers. */
    public record Section(String number, String time, String title, String purpose, @Nullable String presenter,
            List<Paper> papers) {
    }

    /** What the pack is about. */
    public record Input(String spaceName, String shortName, String meetingTitle, String when, String where,
            String date, int version, String builtAt, List<Section> sections, List<String> changes) {
    }

    /** The result: the file, its pages, and one line per included paper (to compare the next version with). */
    public record Output(Path file, int pages, List<String> manifest) {
    }

    private final BiFunction<String, Object[], String> texts;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    /** @param texts translates a key with arguments into the pack's language */
    public AgendaPackBuilder(BiFunction<String, Object[], String> texts) {
        this.texts = texts;
    }

    private String t(String key, Object... args) {
        return texts.apply(key, args);
    }

    private record Loaded(Section section, Paper paper, @Nullable PDDocument document, @Nullable String problem) {
    }

    private record Line(String text, boolean strong, int indent, @Nullable String page) {
    }

    public Output build(Input input, Path target, IntConsumer progress) throws IOException {
        List<Loaded> loaded = new ArrayList<>();
        List<String> manifest = new ArrayList<>();
        try {
            int total = Math.max(1, input.sections().stream().mapToInt(s -> s.papers().size()).sum());
            int done = 0;
            for (Section section : input.sections()) {
                for (Paper paper : section.papers()) {
                    loaded.add(load(section, paper));
                    progress.accept(60 * ++done / total);
                }
            }
            // Page plan: cover, changes, contents, agenda, then the papers.
            List<Line> agendaLines = agendaLines(input);
            int agendaPages = pagesFor(agendaLines.size());
            List<String> changeLines = input.version() > 1 ? changeLines(input) : List.of();
            int changePages = changeLines.isEmpty() ? 0 : pagesFor(changeLines.size());
            int contentsLineCount = 1;
            for (Section s : input.sections()) {
                contentsLineCount += 1 + s.papers().size();
            }
            int contentsPages = pagesFor(contentsLineCount);
            int firstAgendaPage = 1 + changePages + contentsPages + 1;
            int next = firstAgendaPage + agendaPages;
            List<Integer> paperStart = new ArrayList<>();
            for (Loaded l : loaded) {
                paperStart.add(l.document() == null ? -1 : next);
                if (l.document() != null) {
                    next += l.document().getNumberOfPages();
                }
            }
            int totalPages = next - 1;

            try (PDDocument pack = new PDDocument(STREAM_CACHE.streamCache)) {
                cover(pack, input);
                if (!changeLines.isEmpty()) {
                    List<String> body = new ArrayList<>(changeLines);
                    writePages(pack, t("pack.changesTitle", input.version() - 1, input.version()),
                            body.stream().map(c -> new Line(c, false, 0, null)).toList());
                }
                List<Line> contents = new ArrayList<>();
                contents.add(new Line(t("pack.agenda"), true, 0, String.valueOf(firstAgendaPage)));
                int index = 0;
                for (Section s : input.sections()) {
                    Integer first = null;
                    List<Line> papers = new ArrayList<>();
                    for (Paper p : s.papers()) {
                        Loaded l = loaded.get(index);
                        int start = paperStart.get(index++);
                        if (start > 0 && first == null) {
                            first = start;
                        }
                        papers.add(new Line(p.name() + (l.problem() == null ? "" : " — " + l.problem()), false, 1,
                                start > 0 ? String.valueOf(start) : null));
                    }
                    contents.add(new Line(s.number() + "  " + s.title(), true, 0,
                            first == null ? null : String.valueOf(first)));
                    contents.addAll(papers);
                }
                writePages(pack, t("pack.contents"), contents);
                writePages(pack, t("pack.agenda"), agendaLines);
                progress.accept(70);

                for (Loaded l : loaded) {
                    if (l.document() != null) {
                        // Pages are taken over as they are (not cloned); the papers stay open until the pack is saved.
                        for (PDPage page : l.document().getPages()) {
                            pack.importPage(page);
                        }
                        manifest.add(l.section().number() + " " + l.section().title() + ": " + l.paper().name()
                                + " (" + l.document().getNumberOfPages() + " blz.)");
                    }
                }
                progress.accept(80);
                outline(pack, input, loaded, paperStart, firstAgendaPage, changePages);
                stamp(pack, input, loaded, paperStart, firstAgendaPage, agendaPages, totalPages);
                progress.accept(95);
                pack.save(target.toFile());
                return new Output(target, pack.getNumberOfPages(), manifest);
            }
        } finally {
            for (Loaded l : loaded) {
                if (l.document() != null) {
                    l.document().close();
                }
            }
        }
    }

    private Loaded load(Section section, Paper paper) {
        if (paper.pdf() == null) {
            return new Loaded(section, paper, null, t(paper.notIncludedKey() == null ? "pack.notPdf"
                    : paper.notIncludedKey()));
        }
        try {
            PDDocument document = Loader.loadPDF(paper.pdf().toFile(), "", null, null, STREAM_CACHE.streamCache);
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                document.close();
                return new Loaded(section, paper, null, t("pack.failed"));
            }
            document.setAllSecurityToBeRemoved(true);
            return new Loaded(section, paper, document, null);
        } catch (InvalidPasswordException e) {
            return new Loaded(section, paper, null, t("pack.failed"));
        } catch (IOException | RuntimeException e) {
            log.info("Paper {} not included in the pack: {}", paper.name(), e.toString());
            return new Loaded(section, paper, null, t("pack.failed"));
        }
    }

    private List<Line> agendaLines(Input input) {
        List<Line> lines = new ArrayList<>();
        for (Section s : input.sections()) {
            int indent = s.number().contains(".") ? 1 : 0;
            lines.add(new Line(s.time() + "   " + s.number() + "  " + s.title(), indent == 0, indent, null));
            String detail = s.purpose() + (s.presenter() == null ? "" : " · " + t("pack.presenter", s.presenter()));
            lines.add(new Line(detail, false, indent + 1, null));
        }
        return lines;
    }

    private List<String> changeLines(Input input) {
        return input.changes().isEmpty() ? List.of(t("pack.noChanges")) : input.changes();
    }

    private static int linesPerPage() {
        return (int) ((A4.getHeight() - 2 * MARGIN - 60) / LINE);
    }

    private static int pagesFor(int lines) {
        return Math.max(1, (lines + linesPerPage() - 1) / linesPerPage());
    }

    private void cover(PDDocument pack, Input input) throws IOException {
        PDPage page = new PDPage(A4);
        pack.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(pack, page)) {
            float y = A4.getHeight() - 200;
            text(out, bold, 14, MARGIN, y, t("pack.title"));
            text(out, bold, 26, MARGIN, y - 40, input.meetingTitle());
            text(out, regular, 14, MARGIN, y - 70, input.spaceName());
            text(out, regular, 12, MARGIN, y - 110, input.when());
            text(out, regular, 12, MARGIN, y - 128, input.where());
            text(out, regular, 10, MARGIN, MARGIN + 20, t("pack.version", input.version(), input.builtAt()));
        }
    }

    /** Writes titled lines over as many pages as they need; a line's page number goes to the right. */
    private void writePages(PDDocument pack, String title, List<Line> lines) throws IOException {
        int perPage = linesPerPage();
        int pages = pagesFor(lines.size());
        for (int p = 0; p < pages; p++) {
            PDPage page = new PDPage(A4);
            pack.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(pack, page)) {
                float y = A4.getHeight() - MARGIN - 10;
                text(out, bold, 18, MARGIN, y, title);
                y -= 40;
                for (Line line : lines.subList(p * perPage, Math.min(lines.size(), (p + 1) * perPage))) {
                    float x = MARGIN + 18 * line.indent();
                    String text = fit(line.strong() ? bold : regular, 11, line.text(),
                            A4.getWidth() - x - MARGIN - 40);
                    text(out, line.strong() ? bold : regular, 11, x, y, text);
                    if (line.page() != null) {
                        float width = width(regular, 11, line.page());
                        text(out, regular, 11, A4.getWidth() - MARGIN - width, y, line.page());
                    }
                    y -= LINE;
                }
            }
        }
    }

    private void outline(PDDocument pack, Input input, List<Loaded> loaded, List<Integer> paperStart,
            int agendaPage, int changePages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        pack.getDocumentCatalog().setDocumentOutline(outline);
        outline.addLast(bookmark(pack, t("pack.agenda"), agendaPage));
        int index = 0;
        for (Section s : input.sections()) {
            PDOutlineItem item = null;
            for (Paper p : s.papers()) {
                int start = paperStart.get(index++);
                if (start < 0) {
                    continue;
                }
                if (item == null) {
                    item = bookmark(pack, s.number() + " " + s.title(), start);
                    outline.addLast(item);
                }
                item.addLast(bookmark(pack, p.name(), start));
            }
            if (item == null) {
                outline.addLast(bookmark(pack, s.number() + " " + s.title(), agendaPage));
            }
        }
        outline.openNode();
    }

    private static PDOutlineItem bookmark(PDDocument pack, String title, int page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(pack.getPage(page - 1));
        return item;
    }

    private void stamp(PDDocument pack, Input input, List<Loaded> loaded, List<Integer> paperStart, int agendaPage,
            int agendaPages, int total) throws IOException {
        String[] itemOfPage = new String[total + 1];
        for (int i = 0; i < loaded.size(); i++) {
            Loaded l = loaded.get(i);
            if (l.document() != null) {
                for (int p = 0; p < l.document().getNumberOfPages(); p++) {
                    itemOfPage[paperStart.get(i) + p] = l.section().number();
                }
            }
        }
        for (int n = 2; n <= pack.getNumberOfPages(); n++) {
            PDPage page = pack.getPage(n - 1);
            String part = itemOfPage.length > n && itemOfPage[n] != null ? t("pack.stampItem", itemOfPage[n])
                    : n >= agendaPage && n < agendaPage + agendaPages ? t("pack.agenda").toLowerCase(java.util.Locale.ROOT)
                    : t("pack.contents").toLowerCase(java.util.Locale.ROOT);
            String stamp = input.shortName() + " " + input.date() + " · " + part + " · " + t("pack.stampPage", n, total);
            PDRectangle box = page.getCropBox();
            try (PDPageContentStream out = new PDPageContentStream(pack, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                out.setNonStrokingColor(0.35f, 0.35f, 0.35f);
                text(out, regular, 8, box.getLowerLeftX() + 28, box.getLowerLeftY() + 16, stamp);
            }
        }
    }

    private void text(PDPageContentStream out, PDFont font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(encodable(font, text));
        out.endText();
    }

    private String fit(PDFont font, float size, String text, float width) throws IOException {
        String t = encodable(font, text);
        if (width(font, size, t) <= width) {
            return t;
        }
        while (t.length() > 4 && width(font, size, t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(encodable(font, text)) / 1000 * size;
    }

    /** The standard PDF fonts know WinAnsi only: anything else is shown as "?". */
    private static String encodable(PDFont font, String text) {
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                result.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                result.append('?');
            }
        });
        return result.toString();
    }
}
