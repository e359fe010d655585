package nl.tafel.spaces.internal;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The separate process that reads the text of one file (see {@link TextExtraction} and ADR 0021). It runs in its
 * own small JVM, so a hostile file can exhaust only this process's heap and a stuck parser is ended by killing the
 * process. Arguments: the most characters to read, the memory PDFBox may use for buffers, and the file (or
 * {@code -} for standard input). The text goes to standard output as UTF-8; the exit code tells how it went.
 */
public final class TextExtractorProcess {

    /** All text was read. */
    static final int COMPLETE = 0;
    /** The character limit was reached: the text read so far was written. */
    static final int TRUNCATED = 10;
    /** The parser refused the file. */
    static final int UNREADABLE = 11;
    /** What the JVM answers with -XX:+ExitOnOutOfMemoryError: the file needs more memory than allowed. */
    static final int OUT_OF_MEMORY = 3;

    private TextExtractorProcess() {
    }

    public static void main(String[] args) {
        int maxCharacters = Integer.parseInt(args[0]);
        long maxBufferBytes = Long.parseLong(args[1]);
        String file = args[2];
        BodyContentHandler handler = new BodyContentHandler(maxCharacters);
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        // PDFBox keeps at most this much of a file's streams in memory and the rest in a scratch file
        pdf.setMaxMainMemoryBytes(maxBufferBytes);
        context.set(PDFParserConfig.class, pdf);
        int exit = COMPLETE;
        try (InputStream in = file.equals("-") ? TikaInputStream.get(System.in) : TikaInputStream.get(Path.of(file))) {
            new AutoDetectParser().parse(in, handler, new Metadata(), context);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                exit = TRUNCATED;
            } else {
                System.err.println(e);
                System.exit(UNREADABLE);
            }
        }
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            out.write(handler.toString());
            out.flush();
        } catch (java.io.IOException e) {
            System.exit(UNREADABLE);
        }
        System.exit(exit);
    }
}
