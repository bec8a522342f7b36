package wpa4j.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617) of the one operator the {@code wpa4j.web} configuration names. The
 * comparison takes the same time whatever the input, so the password cannot be guessed octet by octet from timing.
 */
public final class BasicAuth {
    private final byte[] expected;
    private final String user;

    public BasicAuth(String user, String password) {
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("username: '" + user + "' must be non-empty and have no ':'");
        }
        this.user = user;
        this.expected = digest(user + ":" + password);
    }

    public String user() {
        return user;
    }

    /** The user of an {@code Authorization} header that carries the right credentials; empty for any other header. */
    public Optional<String> check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, digest(pair)) ? Optional.of(user) : Optional.empty();
    }

    /** Digests of equal length: isEqual then does not leak the length of the secret either. */
    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JRE", e);
        }
    }
}
