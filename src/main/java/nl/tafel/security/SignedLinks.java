package nl.tafel.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links that work without signing in (answering an invitation, reporting on an action): a token
 * {@code <subject id>.<expiry>.<HMAC-SHA256>}, base64url, that names one row of the module that issued it. The key comes from
 * {@code TAFEL_LINK_SECRET} or, when that is not set, is generated once and kept in the database so that every
 * instance and every restart signs alike. A purpose ("rsvp") is signed along, so a link made for one use cannot
 * serve another.
 */
@Component
public class SignedLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration validity;
    private final @Nullable String configured;
    private volatile byte @Nullable [] key;

    SignedLinks(JdbcTemplate jdbc, Clock clock, @Value("${tafel.link-validity:60d}") Duration validity,
            @Value("${tafel.link-secret:}") @Nullable String configured) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = validity;
        this.configured = configured == null || configured.isBlank() ? null : configured;
    }

    /** The outcome of checking a token: the invitee, or why it cannot be used. */
    public sealed interface Checked {
    }

    public record Valid(long subject) implements Checked {
    }

    public record Invalid() implements Checked {
    }

    public record Expired(long subject) implements Checked {
    }

    public String issue(String purpose, long subject) {
        return issue(purpose, subject, clock.instant().plus(validity));
    }

    /** A link that works until {@code expires} (for instance: until a week after the meeting it answers for). */
    public String issue(String purpose, long subject, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        String payload = subject + "." + expires;
        return B64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "." + sign(purpose, payload);
    }

    public Checked check(String purpose, @Nullable String token) {
        if (token == null || token.length() > 300) {
            return new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return new Invalid();
        }
        String payload;
        try {
            payload = new String(B64D.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return new Invalid();
        }
        String signature = token.substring(dot + 1);
        if (!MessageDigest.isEqual(sign(purpose, payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Invalid();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 2) {
            return new Invalid();
        }
        long invitee;
        long expires;
        try {
            invitee = Long.parseLong(parts[0]);
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return new Invalid();
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
            return new Expired(invitee);
        }
        return new Valid(invitee);
    }

    private String sign(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update((purpose + ":").getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k != null) {
            return k;
        }
        if (configured != null) {
            k = sha256(configured.getBytes(StandardCharsets.UTF_8));
        } else {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.update("insert ignore into app_secret (name, value) values ('link-signing-key', ?)",
                    HexFormat.of().formatHex(fresh));
            String stored = jdbc.queryForObject("select value from app_secret where name = 'link-signing-key'",
                    String.class);
            k = HexFormat.of().parseHex(Optional.ofNullable(stored).orElseThrow());
        }
        key = k;
        return k;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
