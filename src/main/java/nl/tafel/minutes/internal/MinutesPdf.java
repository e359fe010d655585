package nl.tafel.minutes.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.shared.text.Markdown;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The approved minutes as a PDF (A4, PDFBox): title, attendance, then per agenda item its text, decisions and actions,
 * and a footer with the approval and page numbers. Text comes from the sanitized Markdown, as plain paragraphs.
 */
public final class MinutesPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** A block of text in the document: a heading, a paragraph or a list line. */
    public record Block(Kind kind, String text) {
    }

    public enum Kind {
        TITLE, SUBTITLE, HEADING, PARAGRAPH, BULLET, NOTE
    }

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

    /** The paragraphs and list items of a Markdown text, as blocks. */
    public static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        for (Element e : Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown)).body().select("p, li, h1, h2, h3, h4,"
                + " tr")) {
            if (e.tagName().equals("p") && e.parent() != null && e.parent().tagName().equals("li")) {
                continue;
            }
            String text = e.text().strip();
            if (!text.isEmpty()) {
                blocks.add(new Block(e.tagName().equals("li") ? Kind.BULLET : Kind.PARAGRAPH, text));
            }
        }
        return blocks;
    }

    public byte[] render(List<Block> blocks, String footer) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(pdf);
            for (Block b : blocks) {
                switch (b.kind()) {
                    case TITLE -> w.paragraph(bold, 16, b.text(), 0, 10);
                    case SUBTITLE -> w.paragraph(regular, 11, b.text(), 0, 12);
                    case HEADING -> w.paragraph(bold, 12, b.text(), 0, 4, 10);
                    case PARAGRAPH -> w.paragraph(regular, 10.5f, b.text(), 0, 5);
                    case BULLET -> w.paragraph(regular, 10.5f, "• " + b.text(), 12, 3);
                    case NOTE -> w.paragraph(italic, 10.5f, b.text(), 0, 5);
                }
            }
            w.close();
            int total = pdf.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream s = new PDPageContentStream(pdf, pdf.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    s.beginText();
                    s.setFont(regular, 8);
                    s.newLineAtOffset(MARGIN, 30);
                    s.showText(encodable(regular, footer + " · " + (i + 1) + "/" + total));
                    s.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** Lays out lines top to bottom, starting a new page when one is full. */
    private final class Writer {
        private final PDDocument pdf;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void paragraph(PDFont font, float size, String text, float indent, float after) throws IOException {
            paragraph(font, size, text, indent, after, 0);
        }

        void paragraph(PDFont font, float size, String text, float indent, float after, float before)
                throws IOException {
            y -= before;
            float leading = size * 1.35f;
            for (String line : wrap(font, size, encodable(font, text), WIDTH - indent)) {
                if (y - leading < MARGIN + 20) {
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
            }
            y -= after;
        }

        void close() throws IOException {
            stream.close();
        }
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The standard PDF fonts know WinAnsi only: anything else is shown as "?". */
    private static String encodable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
