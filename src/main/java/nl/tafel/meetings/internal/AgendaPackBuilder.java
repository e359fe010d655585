package nl.tafel.meetings.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
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
 * <p>Over 500 lines: the page plan, the pages of its own (contents with links, agenda with descriptions, annexes),
 * bookmarks and stamps depend on one another's page numbers and are kept in one place for that reason.
 */
public final class AgendaPackBuilder {

    private static final Logger log = LoggerFactory.getLogger(AgendaPackBuilder.class);
    private static final float MARGIN = 56;
    private static final float LINE = 16;
    private static final PDRectangle A4 = PDRectangle.A4;
    /** Up to 16 MB per document in memory, the rest in temporary files: fast for board papers, bounded for big ones. */
    private static final org.apache.pdfbox.io.MemoryUsageSetting STREAM_CACHE =
            org.apache.pdfbox.io.MemoryUsageSetting.setupMixed(16L * 1024 * 1024);

    /**
     * A paper for the pack: a PDF on disk, or the reason (a translation key) it is not included. {@code id} and
     * {@code version} say which document and version it is, so that the next pack's change page compares papers by
     * identity rather than by the number of their item.
     */
    public record Paper(String name, @Nullable Path pdf, @Nullable String notIncludedKey, @Nullable String id,
            int version) {

        public Paper(String name, @Nullable Path pdf, @Nullable String notIncludedKey) {
            this(name, pdf, notIncludedKey, null, 0);
        }
    }

    /** Separates the fields of a manifest line: document, version, item number, item title, paper, pages. */
    public static final String FIELD = "\t";

    /** An agenda item with its papers and its description ("toelichting"), printed on the agenda pages. */
    public record Section(String number, String time, String title, String purpose, @Nullable String presenter,
            List<Paper> papers, @Nullable String description) {

        public Section(String number, String time, String title, String purpose, @Nullable String presenter,
                List<Paper> papers) {
            this(number, time, title, purpose, presenter, papers, null);
        }
    }

    /** A page (or more) of the pack's own after the agenda, such as the open actions of the "Actielijst" item. */
    public record Annex(String title, String bookmark, List<String> lines) {
    }

    /** What the pack is about. */
    public record Input(String spaceName, String shortName, String meetingTitle, String when, String where,
            String date, int version, String builtAt, List<Section> sections, List<String> changes,
            List<Annex> annexes) {

        public Input(String spaceName, String shortName, String meetingTitle, String when, String where,
                String date, int version, String builtAt, List<Section> sections, List<String> changes) {
            this(spaceName, shortName, meetingTitle, when, where, date, version, builtAt, sections, changes,
                    List.of());
        }
    }

    /** The result: the file, its pages, and one line per included paper (to compare the next version with). */
    public record Output(Path file, int pages, List<String> manifest) {
    }

    private final BiFunction<String, Object[], String> texts;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    /** Per font, which characters it can show (looked up once each). */
    private final java.util.Map<PDFont, java.util.Map<Integer, Boolean>> encodable = new java.util.HashMap<>();

    /** @param texts translates a key with arguments into the pack's language */
    public AgendaPackBuilder(BiFunction<String, Object[], String> texts) {
        this.texts = texts;
    }

    private String t(String key, Object... args) {
        return texts.apply(key, args);
    }

    /**
     * A paper as read, or why it is not included (a translation key). Papers are read on other threads, so they are
     * translated only afterwards, on the builder's own thread (whose class loader sees the translations).
     */
    private record Loaded(Section section, Paper paper, @Nullable PDDocument document, @Nullable String problem) {
    }

    /** A line of the pack's own pages; {@code page}: the page it refers to (right-aligned, and a link). */
    private record Line(String text, boolean strong, int indent, @Nullable String page) {
    }

    /** A link from a line of the contents to its page, added once every page exists. */
    private record Link(PDPage from, PDRectangle area, int toPage) {
    }

    public Output build(Input input, Path target, IntConsumer progress) throws IOException {
        List<Loaded> loaded = new ArrayList<>();
        List<String> manifest = new ArrayList<>();
        try {
            loaded.addAll(readAll(input));
            progress.accept(60);
            // Page plan: cover, changes, contents, agenda, then the papers.
            List<Line> agendaLines = wrap(agendaLines(input));
            int agendaPages = pagesFor(agendaLines.size());
            List<Line> changeLines = input.version() > 1 ? wrap(changeLines(input).stream()
                    .map(c -> new Line(c, false, 0, null)).toList()) : List.of();
            int changePages = changeLines.isEmpty() ? 0 : pagesFor(changeLines.size());
            List<List<Line>> annexLines = new ArrayList<>();
            for (Annex annex : input.annexes()) {
                annexLines.add(wrap(annex.lines().stream().map(l -> new Line(l, false, 0, null)).toList()));
            }
            // long lines wrap, so the contents are counted as they will be written (page numbers do not matter here)
            int contentsPages = pagesFor(wrap(contentsLines(input, loaded, null, 0, List.of())).size());
            int firstAgendaPage = 1 + changePages + contentsPages + 1;
            int next = firstAgendaPage + agendaPages;
            List<Integer> annexStart = new ArrayList<>();
            for (List<Line> lines : annexLines) {
                annexStart.add(next);
                next += pagesFor(lines.size());
            }
            List<Integer> paperStart = new ArrayList<>();
            for (Loaded l : loaded) {
                paperStart.add(l.document() == null ? -1 : next);
                if (l.document() != null) {
                    next += l.document().getNumberOfPages();
                }
            }
            int totalPages = next - 1;

            try (PDDocument pack = new PDDocument(STREAM_CACHE.streamCache)) {
                metadata(pack, input);
                cover(pack, input);
                List<Link> links = new ArrayList<>();
                if (!changeLines.isEmpty()) {
                    writePages(pack, t("pack.changesTitle", input.version() - 1, input.version()), changeLines,
                            links);
                }
                writePages(pack, t("pack.contents"), wrap(contentsLines(input, loaded, paperStart, firstAgendaPage,
                        annexStart)), links);
                writePages(pack, t("pack.agenda"), agendaLines, links);
                for (int a = 0; a < annexLines.size(); a++) {
                    writePages(pack, input.annexes().get(a).title(), annexLines.get(a), links);
                }
                progress.accept(70);

                for (Loaded l : loaded) {
                    if (l.document() == null && l.paper().id() != null) {
                        // listed as not included: in the manifest too, so that the next change page knows it
                        manifest.add(String.join(FIELD, l.paper().id(), String.valueOf(l.paper().version()),
                                l.section().number(), l.section().title(), l.paper().name(), "0"));
                    }
                    if (l.document() != null) {
                        for (PDPage page : pagesOf(l.document())) {
                            pack.addPage(page);
                        }
                        manifest.add(l.paper().id() == null
                                ? l.section().number() + " " + l.section().title() + ": " + l.paper().name() + " ("
                                        + l.document().getNumberOfPages() + " blz.)"
                                : String.join(FIELD, l.paper().id(), String.valueOf(l.paper().version()),
                                        l.section().number(), l.section().title(), l.paper().name(),
                                        String.valueOf(l.document().getNumberOfPages())));
                    }
                }
                progress.accept(80);
                link(pack, links);
                outline(pack, input, loaded, paperStart, firstAgendaPage, annexStart);
                stamp(pack, input, loaded, paperStart, changePages, firstAgendaPage,
                        agendaPages + annexLines.stream().mapToInt(l -> pagesFor(l.size())).sum(), totalPages);
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

    /**
     * Reads the papers and makes them ready to move, in parallel (each is a document of its own), on threads of this
     * build that see the application's classes as their context (as a server's common pool threads may not).
     */
    private List<Loaded> readAll(Input input) throws IOException {
        ClassLoader classes = AgendaPackBuilder.class.getClassLoader();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Future<Loaded>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tafel-pack-reader");
            thread.setDaemon(true);
            thread.setContextClassLoader(classes);
            return thread;
        })) {
            for (Section section : input.sections()) {
                for (Paper paper : section.papers()) {
                    reads.add(readers.submit(() -> load(section, paper)));
                }
            }
        } // waits until every paper is read
        List<Loaded> result = new ArrayList<>();
        Throwable failure = null;
        for (Future<Loaded> read : reads) {
            try {
                result.add(read.get());
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                // the build was stopped (the application shutting down)
                failure = e;
            }
        }
        if (failure != null) {
            // Only an error (out of memory, say) or a stop gets here: load() turns every other problem into "not
            // included". What was read is closed again.
            for (Loaded l : result) {
                if (l.document() != null) {
                    l.document().close();
                }
            }
            throw new IOException("Reading the papers failed", failure);
        }
        return result;
    }

    private static List<PDPage> pagesOf(PDDocument document) {
        List<PDPage> pages = new ArrayList<>(document.getNumberOfPages());
        document.getPages().forEach(pages::add);
        return pages;
    }

    /**
     * Makes a paper's page ready to move into the pack as it is, the way {@code pdfunite} does: its content streams
     * are written out still encoded, never decoded and compressed again (which {@link PDDocument#importPage} does).
     * What the page inherited from its own page tree (resources, boxes, rotation) becomes its own. The paper stays
     * open until the pack is saved, and is not saved itself afterwards.
     */
    private static void detach(PDPage page) {
        COSDictionary dictionary = page.getCOSObject();
        if (!dictionary.containsKey(COSName.RESOURCES) && page.getResources() != null) {
            page.setResources(page.getResources());
        }
        if (!dictionary.containsKey(COSName.MEDIA_BOX)) {
            page.setMediaBox(page.getMediaBox());
        }
        if (!dictionary.containsKey(COSName.CROP_BOX) && page.getCOSObject().getDictionaryObject(COSName.PARENT)
                instanceof COSDictionary parent && inherited(parent, COSName.CROP_BOX)) {
            page.setCropBox(page.getCropBox());
        }
        if (!dictionary.containsKey(COSName.ROTATE) && page.getRotation() != 0) {
            page.setRotation(page.getRotation());
        }
        dictionary.removeItem(COSName.PARENT);
        // the writer numbers every object afresh; keys from the paper's own file must not travel along
        dictionary.resetImportedObjectKeys();
    }

    private static boolean inherited(COSDictionary node, COSName key) {
        for (COSDictionary n = node; n != null; n = n.getDictionaryObject(COSName.PARENT) instanceof COSDictionary p
                ? p : null) {
            if (n.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private Loaded load(Section section, Paper paper) {
        if (paper.pdf() == null) {
            return new Loaded(section, paper, null, paper.notIncludedKey() == null ? "pack.notPdf"
                    : paper.notIncludedKey());
        }
        try {
            PDDocument document = Loader.loadPDF(paper.pdf().toFile(), "", null, null, STREAM_CACHE.streamCache);
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                document.close();
                return new Loaded(section, paper, null, "pack.failed");
            }
            try {
                document.setAllSecurityToBeRemoved(true);
                // this reads every object the pages use, so a broken one is found here and not while saving
                for (PDPage page : pagesOf(document)) {
                    detach(page);
                }
            } catch (RuntimeException e) {
                document.close();
                throw e;
            }
            return new Loaded(section, paper, document, null);
        } catch (InvalidPasswordException e) {
            return new Loaded(section, paper, null, "pack.failed");
        } catch (IOException | RuntimeException e) {
            log.info("Paper {} not included in the pack: {}", paper.name(), e.toString());
            return new Loaded(section, paper, null, "pack.failed");
        }
    }

    /**
     * The contents: the agenda, each item with the page of its first paper and its papers (or why one is not
     * included), and the annexes. Without {@code paperStart} (counting the lines only) no page numbers are filled in.
     */
    private List<Line> contentsLines(Input input, List<Loaded> loaded, @Nullable List<Integer> paperStart,
            int agendaPage, List<Integer> annexStart) {
        List<Line> contents = new ArrayList<>();
        contents.add(new Line(t("pack.agenda"), true, 0, paperStart == null ? null : String.valueOf(agendaPage)));
        int index = 0;
        for (Section s : input.sections()) {
            Integer first = null;
            List<Line> papers = new ArrayList<>();
            for (Paper p : s.papers()) {
                Loaded l = loaded.get(index);
                int start = paperStart == null ? -1 : paperStart.get(index);
                index++;
                if (start > 0 && first == null) {
                    first = start;
                }
                papers.add(new Line(p.name() + (l.problem() == null ? "" : " — " + t(l.problem())), false, 1,
                        start > 0 ? String.valueOf(start) : null));
            }
            contents.add(new Line(s.number() + "  " + s.title(), true, s.number().contains(".") ? 1 : 0,
                    first == null ? null : String.valueOf(first)));
            contents.addAll(papers);
        }
        for (int a = 0; a < input.annexes().size(); a++) {
            contents.add(new Line(input.annexes().get(a).title(), true, 0,
                    annexStart.size() > a ? String.valueOf(annexStart.get(a)) : null));
        }
        return contents;
    }

    private List<Line> agendaLines(Input input) {
        List<Line> lines = new ArrayList<>();
        for (Section s : input.sections()) {
            int indent = s.number().contains(".") ? 1 : 0;
            lines.add(new Line(s.time() + "   " + s.number() + "  " + s.title(), indent == 0, indent, null));
            String detail = s.purpose() + (s.presenter() == null ? "" : " · " + t("pack.presenter", s.presenter()));
            lines.add(new Line(detail, false, indent + 1, null));
            if (s.description() != null && !s.description().isBlank()) {
                // the item's description ("toelichting"), paragraph by paragraph
                for (String paragraph : s.description().strip().split("\\R")) {
                    if (!paragraph.isBlank()) {
                        lines.add(new Line(paragraph.strip(), false, indent + 1, null));
                    }
                }
            }
        }
        return lines;
    }

    /** Lines too wide for the page go on over more lines (at spaces where possible); the page stays on the first. */
    private List<Line> wrap(List<Line> lines) throws IOException {
        List<Line> result = new ArrayList<>();
        for (Line line : lines) {
            PDFont font = line.strong() ? bold : regular;
            float width = A4.getWidth() - (MARGIN + 18 * line.indent()) - MARGIN - 40;
            String rest = encodable(font, line.text());
            boolean first = true;
            while (width(font, 11, rest) > width) {
                int cut = rest.length();
                while (cut > 1 && width(font, 11, rest.substring(0, cut)) > width) {
                    cut--;
                }
                int space = rest.lastIndexOf(' ', cut);
                if (space > cut / 2) {
                    cut = space;
                }
                result.add(new Line(rest.substring(0, cut).stripTrailing(), line.strong(), line.indent(),
                        first ? line.page() : null));
                first = false;
                rest = rest.substring(cut).stripLeading();
            }
            result.add(new Line(rest, line.strong(), line.indent(), first ? line.page() : null));
        }
        return result;
    }

    /** Title, author (the space) and subject, as a reader's PDF viewer and search show them. */
    private void metadata(PDDocument pack, Input input) {
        org.apache.pdfbox.pdmodel.PDDocumentInformation info = pack.getDocumentInformation();
        info.setTitle(t("pack.title") + " " + input.meetingTitle() + " " + input.date());
        info.setAuthor(input.spaceName());
        info.setSubject(t("pack.metaSubject", input.version()) + " · " + input.meetingTitle() + " · "
                + input.when());
        info.setCreator("Tafel");
        info.setCreationDate(java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Europe/Amsterdam")));
    }

    /** The contents' lines link to their pages. */
    private static void link(PDDocument pack, List<Link> links) throws IOException {
        for (Link l : links) {
            if (l.toPage() < 1 || l.toPage() > pack.getNumberOfPages()) {
                continue;
            }
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink annotation =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            annotation.setRectangle(l.area());
            org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary border =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination to =
                    new org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination
                            .PDPageFitWidthDestination();
            to.setPage(pack.getPage(l.toPage() - 1));
            to.setTop((int) pack.getPage(l.toPage() - 1).getCropBox().getUpperRightY());
            annotation.setDestination(to);
            l.from().getAnnotations().add(annotation);
        }
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
    private void writePages(PDDocument pack, String title, List<Line> lines, List<Link> links) throws IOException {
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
                        links.add(new Link(page, new PDRectangle(x, y - 3, A4.getWidth() - MARGIN - x, LINE),
                                Integer.parseInt(line.page())));
                    }
                    y -= LINE;
                }
            }
        }
    }

    /**
     * Bookmarks: the agenda, each item (with its papers under it, sub-items under their item), and the annexes. An
     * item without papers points at the agenda.
     */
    private void outline(PDDocument pack, Input input, List<Loaded> loaded, List<Integer> paperStart,
            int agendaPage, List<Integer> annexStart) {
        PDDocumentOutline outline = new PDDocumentOutline();
        pack.getDocumentCatalog().setDocumentOutline(outline);
        outline.addLast(bookmark(pack, t("pack.agenda"), agendaPage));
        int index = 0;
        PDOutlineItem parent = null;
        for (Section s : input.sections()) {
            PDOutlineItem item = null;
            for (Paper p : s.papers()) {
                int start = paperStart.get(index++);
                if (start < 0) {
                    continue;
                }
                if (item == null) {
                    item = bookmark(pack, s.number() + " " + s.title(), start);
                }
                item.addLast(bookmark(pack, p.name(), start));
            }
            if (item == null) {
                item = bookmark(pack, s.number() + " " + s.title(), agendaPage);
            }
            if (s.number().contains(".") && parent != null) {
                parent.addLast(item);
            } else {
                outline.addLast(item);
                parent = item;
            }
        }
        for (int a = 0; a < input.annexes().size(); a++) {
            outline.addLast(bookmark(pack, input.annexes().get(a).bookmark(), annexStart.get(a)));
        }
        outline.openNode();
    }

    private static PDOutlineItem bookmark(PDDocument pack, String title, int page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(pack.getPage(page - 1));
        return item;
    }

    private void stamp(PDDocument pack, Input input, List<Loaded> loaded, List<Integer> paperStart, int changePages,
            int agendaPage, int agendaPages, int total) throws IOException {
        String[] itemOfPage = new String[total + 1];
        for (int i = 0; i < loaded.size(); i++) {
            Loaded l = loaded.get(i);
            if (l.document() != null) {
                for (int p = 0; p < l.document().getNumberOfPages(); p++) {
                    itemOfPage[paperStart.get(i) + p] = l.section().number();
                }
            }
        }
        // Each text is translated once, not once per page; only the page number differs from page to page.
        String prefix = input.shortName() + " " + input.date() + " · ";
        String pageMarker = "\u0000";
        String pagePart = " · " + t("pack.stampPage", pageMarker, total);
        String agendaPart = t("pack.agenda").toLowerCase(java.util.Locale.ROOT);
        String contentsPart = t("pack.contents").toLowerCase(java.util.Locale.ROOT);
        String changesPart = t("pack.stampChanges");
        java.util.Map<String, String> itemParts = new java.util.HashMap<>();
        int n = 0;
        for (PDPage page : pack.getPages()) {
            if (++n == 1) {
                continue; // the cover
            }
            String part = itemOfPage.length > n && itemOfPage[n] != null
                    ? itemParts.computeIfAbsent(itemOfPage[n], item -> t("pack.stampItem", item))
                    : n >= agendaPage && n < agendaPage + agendaPages ? agendaPart
                    : n <= 1 + changePages ? changesPart : contentsPart;
            String stamp = prefix + part + pagePart.replace(pageMarker, String.valueOf(n));
            PDRectangle box = page.getCropBox();
            // Not compressed: a stamp is a few dozen bytes, and compressing 300 of them costs more than it saves.
            try (PDPageContentStream out = new PDPageContentStream(pack, page, PDPageContentStream.AppendMode.APPEND,
                    false, true)) {
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
    private String encodable(PDFont font, String text) {
        java.util.Map<Integer, Boolean> known = encodable.computeIfAbsent(font, f -> new java.util.HashMap<>());
        StringBuilder result = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp >= 0x20 && cp < 0x7f || known.computeIfAbsent(cp, c -> canEncode(font, c));
            if (!ok && result == null) {
                result = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (result != null) {
                if (ok) {
                    result.appendCodePoint(cp);
                } else {
                    result.append('?');
                }
            }
            i += Character.charCount(cp);
        }
        return result == null ? text : result.toString();
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
