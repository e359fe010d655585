package nl.tafel.spaces.internal;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
 * The separate process that reads the text of files (see {@link TextExtraction} and ADR 0021). It runs in its own
 * small JVM, so a hostile file can exhaust only this process's heap (it then exits at once, with
 * {@code -XX:+ExitOnOutOfMemoryError}), and a stuck parser is ended by killing the process. Arguments: the most
 * characters to read per file and the memory PDFBox may use for buffers (the rest goes to a scratch file). It reads
 * one file path per line from standard input and answers each on standard output with an int status, an int length
 * and that many bytes of UTF-8 text. Anything libraries print goes to standard error.
 */
public final class TextExtractorProcess {

    /** All text was read. */
    static final int COMPLETE = 0;
    /** The character limit was reached: the text read so far follows. */
    static final int TRUNCATED = 10;
    /** The parser refused the file. */
    static final int UNREADABLE = 11;
    /** What the JVM exits with under -XX:+ExitOnOutOfMemoryError: the file needs more memory than allowed. */
    static final int OUT_OF_MEMORY = 3;

    private TextExtractorProcess() {
    }

    public static void main(String[] args) throws Exception {
        int maxCharacters = Integer.parseInt(args[0]);
        long maxBufferBytes = Long.parseLong(args[1]);
        DataOutputStream answers = new DataOutputStream(new java.io.BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        AutoDetectParser parser = new AutoDetectParser();
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String file;
        while ((file = requests.readLine()) != null) {
            BodyContentHandler handler = new BodyContentHandler(maxCharacters);
            ParseContext context = new ParseContext();
            PDFParserConfig pdf = new PDFParserConfig();
            // PDFBox keeps at most this much of a file's streams in memory and the rest in a scratch file
            pdf.setMaxMainMemoryBytes(maxBufferBytes);
            context.set(PDFParserConfig.class, pdf);
            int status = COMPLETE;
            try (InputStream in = TikaInputStream.get(Path.of(file))) {
                parser.parse(in, handler, new Metadata(), context);
            } catch (Exception e) {
                if (WriteLimitReachedException.isWriteLimitReached(e)) {
                    status = TRUNCATED;
                } else {
                    System.err.println(e);
                    status = UNREADABLE;
                }
            }
            byte[] text = status == UNREADABLE ? new byte[0] : handler.toString().getBytes(StandardCharsets.UTF_8);
            answers.writeInt(status);
            answers.writeInt(text.length);
            answers.write(text);
            answers.flush();
        }
    }
}
