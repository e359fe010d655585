package nl.tafel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for LibreOffice's {@code soffice} in tests, so that the conversion path (command line, output file,
 * cache, viewer) runs the same on every machine: it answers {@code --convert-to pdf --outdir DIR FILE} with a real
 * PDF (the December minutes) named after the file, as LibreOffice does.
 */
final class FakeSoffice {

    private FakeSoffice() {
    }

    static synchronized Path install() {
        try {
            Path dir = Path.of("target/fake-soffice").toAbsolutePath();
            Files.createDirectories(dir);
            Path pdf = dir.resolve("converted.pdf");
            try (InputStream in = FakeSoffice.class.getResourceAsStream("/samples/notulen-bestuur-2025-12.pdf")) {
                Files.copy(in, pdf, StandardCopyOption.REPLACE_EXISTING);
            }
            Path script = dir.resolve("soffice");
            Files.writeString(script, """
                    #!/bin/sh
                    outdir=""; file=""
                    while [ $# -gt 0 ]; do
                      case "$1" in
                        --outdir) outdir="$2"; shift 2 ;;
                        --convert-to) shift 2 ;;
                        -*) shift ;;
                        *) file="$1"; shift ;;
                      esac
                    done
                    base=$(basename "$file"); base="${base%%.*}"
                    cp "%s" "$outdir/$base.pdf"
                    """.formatted(pdf));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
