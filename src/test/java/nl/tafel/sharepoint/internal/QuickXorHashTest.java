package nl.tafel.sharepoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuickXorHashTest {

    /**
     * Input (Base64) and expected hash. Vectors from rclone's OneDrive backend tests
     * (backend/onedrive/quickxorhash/quickxorhash_test.go), which were checked against OneDrive's own hashes; the
     * inputs of 111, 222 and 333 bytes pass the 160-byte width, so bytes 160 apart fold onto the same bits.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "Sg==;SgAAAAAAAAAAAAAAAQAAAAAAAAA=",
            "tbQ=;taAFAAAAAAAAAAAAAgAAAAAAAAA=",
            "0pZP;0rDEEwAAAAAAAAAAAwAAAAAAAAA=",
            "2fuxhBJXtpWFe8dOfdGeHw==;O9tHLAghgSvYohKFyMMxnNCHaHg=",
            "T6LYJIfDh81JrAK309H2JMJTXis=;zBTHrspn3mEcohlJdIUAbjGNaNg=",
            "jyibxJSzO6ZiZ0O1qe3tG/bvIAYssvukh9suIT5wEy1JBINVgPiqdsTW0cOpP0aUfP7mgqLfADkzI/m/GgCuVhr8oFLrOCoTx1/psBOWwhltCbhUx51Icm9aH8tY4Z3ccU+6BKpYQkLCy0B/A9Zc;hZfLIilSITC6N3e3tQ/iSgEzkto=",
            "PfxMcUd0vIW6VbHG/uj/Y0W6qEoKmyBD0nYebEKazKaKG+UaDqBEcmQjbfQeVnVLuodMoPp7P7TR1htX5n2VnkHh22xDyoJ8C/ZQKiSNqQfXvh83judf4RVr9exJCud8Uvgip6aVZTaPrJHVjQhMCp/dEnGvqg0oN5OVkM2qqAXvA0teKUDhgNM71sDBVBCGXxNOR2bpbD1iM4dnuT0ey4L+loXEHTL0fqMeUcEi2asgImnlNakwenDzz0x57aBwyq3AspCFGB1ncX4yYCr/OaCcS5OKi/00WH+wNQU3;QX/YEpG0gDsmhEpCdWhsxDzsfVE=",
            "w0LGhqU1WXFbdavqDE4kAjEzWLGGzmTNikzqnsiXHx2KRReKVTxkv27u3UcEz9+lbMvYl4xFf2Z4aE1xRBBNd1Ke5C0zToSaYw5o4B/7X99nKK2/XaUX1byLow2aju2XJl2OpKpJg+tSJ2fmjIJTkfuYUz574dFX6/VXxSxwGH/xQEAKS5TCsBK3CwnuG1p5SAsQq3gGVozDWyjEBcWDMdy8/AIFrj/y03Lfc/RNRCQTAfZbnf2QwV7sluw4fH3XJr07UoD0YqN+7XZzidtrwqMY26fpLZnyZjnBEt1FAZWO7RnKG5asg8xRk9YaDdedXdQSJAOy6bWEWlABj+tVAigBxavaluUH8LOj+yfCFldJjNLdi90fVHkUD/m4Mr5OtmupNMXPwuG3EQlqWUVpQoYpUYKLsk7a5Mvg6UFkiH596y5IbJEVCI1Kb3D1;e3+wo77iKcILiZegnzyUNcjCdoQ=",
    })
    void knownVectors(String inputBase64, String expected) throws IOException {
        byte[] input = Base64.getDecoder().decode(inputBase64);

        assertThat(QuickXorHash.of(input)).isEqualTo(expected);
        assertThat(QuickXorHash.of(new ByteArrayInputStream(input))).isEqualTo(expected);
        for (int piece : new int[] {1, 2, 7, 64, 159, 160, 161}) {
            assertThat(chunked(input, piece)).as("in pieces of %d", piece).isEqualTo(expected);
        }
    }

    @Test
    void emptyInputIsTwentyZeroBytes() {
        assertThat(new QuickXorHash().digestBase64()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(QuickXorHash.of(new byte[0])).isEqualTo("AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 160, 320, 1000, 65_536, 100_000})
    void piecesOfAnySizeGiveTheOneShotHash(int piece) {
        byte[] data = new byte[1_000_003];
        new Random(piece).nextBytes(data);

        assertThat(chunked(data, piece)).isEqualTo(QuickXorHash.of(data));
    }

    @Test
    void digestDoesNotEndTheHash() {
        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes();
        QuickXorHash hash = new QuickXorHash();
        hash.update(data, 0, 10);
        hash.digestBase64();
        hash.update(data, 10, data.length - 10);

        assertThat(hash.digestBase64()).isEqualTo(QuickXorHash.of(data));
    }

    @Test
    void theLengthCounts() {
        // Zero bytes leave the vector empty; only the length tells them apart.
        assertThat(QuickXorHash.of(new byte[1])).isEqualTo("AAAAAAAAAAAAAAAAAQAAAAAAAAA=");
        assertThat(QuickXorHash.of(new byte[2])).isEqualTo("AAAAAAAAAAAAAAAAAgAAAAAAAAA=");
    }

    private static String chunked(byte[] data, int piece) {
        QuickXorHash hash = new QuickXorHash();
        for (int off = 0; off < data.length; off += piece) {
            hash.update(data, off, Math.min(piece, data.length - off));
        }
        return hash.digestBase64();
    }
}
