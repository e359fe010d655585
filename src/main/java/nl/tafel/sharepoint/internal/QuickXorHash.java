package nl.tafel.sharepoint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;

/**
 * Microsoft's quickXorHash, the only content hash SharePoint and OneDrive for Business report
 * ({@code file.hashes.quickXorHash} of a driveItem).
 *
 * <p>The hash is a 160-bit vector. Byte number {@code n} of the input (counting from 0 over the whole input) is XORed
 * into the vector at bit {@code (11 * n) mod 160}, wrapping around from the last bit to the first. At the end the
 * total input length, as a 64-bit little-endian number, is XORed into the last 8 of the 20 bytes. The 20 bytes (the
 * vector read little-endian) are given in standard Base64 with padding.
 *
 * <p>Bytes that are 160 apart land on the same bit position, so {@link #update} first XORs them together and then
 * places each of the (at most) 160 results once.
 *
 * <p>Not thread-safe.
 */
@NullMarked
public final class QuickXorHash {

    private static final int WIDTH_IN_BITS = 160;
    private static final int SHIFT = 11;
    /** Bits used in the last of the three 64-bit cells (160 = 64 + 64 + 32). */
    private static final int BITS_IN_LAST_CELL = 32;

    private final long[] cells = new long[3];
    /** The bit position at which the next input byte is placed. */
    private int shift;
    private long length;

    public QuickXorHash() {
    }

    /** Adds {@code len} bytes of {@code b} from {@code off}. */
    public void update(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int end = off + len;
        int position = shift;
        int positions = Math.min(len, WIDTH_IN_BITS);
        for (int i = 0; i < positions; i++) {
            int folded = 0;
            for (int j = off + i; j < end; j += WIDTH_IN_BITS) {
                folded ^= b[j];
            }
            xorByteAt(position, folded & 0xFF);
            position += SHIFT;
            if (position >= WIDTH_IN_BITS) {
                position -= WIDTH_IN_BITS;
            }
        }
        shift = (int) ((shift + (long) SHIFT * (len % WIDTH_IN_BITS)) % WIDTH_IN_BITS);
        length += len;
    }

    /** Adds all of {@code b}. */
    public void update(byte[] b) {
        update(b, 0, b.length);
    }

    /** XORs the 8 bits of {@code value} into the vector from bit {@code position}, wrapping past bit 159 to bit 0. */
    private void xorByteAt(int position, int value) {
        int cell = position / 64;
        int offset = position % 64;
        boolean last = cell == cells.length - 1;
        int bitsInCell = last ? BITS_IN_LAST_CELL : 64;
        // Bits shifted past the top of a 64-bit cell fall off; the high part goes to the next cell below.
        // In the last cell only the low 32 bits count, bits above them are never read.
        cells[cell] ^= (long) value << offset;
        if (offset > bitsInCell - 8) {
            int next = last ? 0 : cell + 1;
            cells[next] ^= (long) value >>> (bitsInCell - offset);
        }
    }

    /** The hash of everything added so far, in Base64 (28 characters). Does not reset: more bytes may follow. */
    public String digestBase64() {
        byte[] out = new byte[WIDTH_IN_BITS / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (cells[i / 8] >>> (8 * (i % 8)));
        }
        // The length, little-endian, into the last 8 bytes.
        for (int i = 0; i < 8; i++) {
            out[out.length - 8 + i] ^= (byte) (length >>> (8 * i));
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /** The hash of {@code data}. */
    public static String of(byte[] data) {
        QuickXorHash hash = new QuickXorHash();
        hash.update(data, 0, data.length);
        return hash.digestBase64();
    }

    /** The hash of everything {@code in} gives until its end. Does not close the stream. */
    public static String of(InputStream in) throws IOException {
        QuickXorHash hash = new QuickXorHash();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            hash.update(buffer, 0, n);
        }
        return hash.digestBase64();
    }
}
