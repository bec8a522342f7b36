package wpa4j.common.sae;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;

/**
 * The body of an SAE Commit (IEEE 802.11-2020 9.3.3.2, Table 9-41): Finite Cyclic Group (LE16), then for
 * hunting-and-pecking the optional Anti-Clogging Token, scalar and element; for hash-to-element the scalar and
 * element followed by the Password Identifier (Element ID Extension 33), Rejected Groups (92) and Anti-Clogging
 * Token Container (93) elements when present. Scalar and element are the sender's public values.
 *
 * @param group the Finite Cyclic Group
 * @param scalar primeLength octets, big-endian
 * @param element x || y, primeLength octets each
 * @param token the Anti-Clogging Token, empty for none
 * @param identifier the password identifier, empty for none (hash-to-element only)
 * @param rejectedGroups groups the sender's peer refused (hash-to-element only)
 */
public record SaeCommit(int group, Bytes scalar, Bytes element, Bytes token, Bytes identifier, List<Integer> rejectedGroups) {
    static final int EID_EXTENSION = 255;
    static final int EXT_PASSWORD_IDENTIFIER = 33;
    static final int EXT_REJECTED_GROUPS = 92;
    static final int EXT_ANTI_CLOGGING_TOKEN = 93;

    public SaeCommit {
        Objects.requireNonNull(scalar, "scalar");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(identifier, "identifier");
        rejectedGroups = List.copyOf(rejectedGroups);
    }

    /** This commit with {@code token} (an answer to status 76). */
    public SaeCommit withToken(Bytes token) {
        return new SaeCommit(group, scalar, element, token, identifier, rejectedGroups);
    }

    /** The body, in the form of hash-to-element ({@code h2e}) or hunting-and-pecking. */
    public Bytes encode(boolean h2e) {
        if (!h2e && (!identifier.isEmpty() || !rejectedGroups.isEmpty())) {
            throw new IllegalStateException("identifier and rejected groups need hash-to-element");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le16(out, group);
        if (!h2e) {
            out.writeBytes(token.toArray());
        }
        out.writeBytes(scalar.toArray());
        out.writeBytes(element.toArray());
        if (h2e) {
            if (!identifier.isEmpty()) {
                extension(out, EXT_PASSWORD_IDENTIFIER, identifier.toArray());
            }
            if (!rejectedGroups.isEmpty()) {
                ByteArrayOutputStream groups = new ByteArrayOutputStream();
                rejectedGroups.forEach(g -> le16(groups, g));
                extension(out, EXT_REJECTED_GROUPS, groups.toByteArray());
            }
            if (!token.isEmpty()) {
                extension(out, EXT_ANTI_CLOGGING_TOKEN, token.toArray());
            }
        }
        return Bytes.of(out.toByteArray());
    }

    /** The Finite Cyclic Group of a commit body, or empty when it is shorter than two octets. */
    public static OptionalInt groupOf(Bytes body) {
        return body.length() < 2 ? OptionalInt.empty() : OptionalInt.of(body.u8(0) | body.u8(1) << 8);
    }

    /**
     * Parses a commit body of a group wpa4j offers. In the hunting-and-pecking form every octet between the group
     * and the scalar is the token; in the hash-to-element form unknown elements after the element are skipped.
     */
    public static SaeCommit parse(Bytes body, boolean h2e) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int groupId = r.u16le("finite cyclic group");
        SaeGroup group = SaeGroup.byId(groupId)
                .orElseThrow(() -> new MalformedFrameException(0, "unsupported finite cyclic group " + groupId));
        int len = group.primeLength();
        Bytes token = Bytes.EMPTY;
        if (!h2e && r.remaining() > 3 * len) {
            token = r.bytes(r.remaining() - 3 * len, "anti-clogging token");
        }
        Bytes scalar = r.bytes(len, "scalar");
        Bytes element = r.bytes(2 * len, "element");
        Bytes identifier = Bytes.EMPTY;
        List<Integer> rejected = new ArrayList<>();
        if (h2e) {
            while (r.hasRemaining()) {
                int id = r.u8("element id");
                int elen = r.u8("element length");
                FrameReader e = r.sub(elen, "element");
                if (id != EID_EXTENSION || elen == 0) {
                    continue;
                }
                switch (e.u8("element id extension")) {
                    case EXT_PASSWORD_IDENTIFIER -> identifier = e.rest();
                    case EXT_REJECTED_GROUPS -> {
                        if (e.remaining() == 0 || e.remaining() % 2 != 0) {
                            throw new MalformedFrameException(r.position(), "rejected groups of " + e.remaining() + " octets");
                        }
                        while (e.hasRemaining()) {
                            rejected.add(e.u16le("rejected group"));
                        }
                    }
                    case EXT_ANTI_CLOGGING_TOKEN -> token = e.rest();
                    default -> { }
                }
            }
        } else {
            r.expectEnd("commit");
        }
        return new SaeCommit(groupId, scalar, element, token, identifier, rejected);
    }

    /** The body of a status-76 answer: the group, then the token (in its container with hash-to-element). */
    static Bytes tokenRequest(int group, Bytes token, boolean h2e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        le16(out, group);
        if (h2e) {
            extension(out, EXT_ANTI_CLOGGING_TOKEN, token.toArray());
        } else {
            out.writeBytes(token.toArray());
        }
        return Bytes.of(out.toByteArray());
    }

    /** The token of a status-76 answer. */
    static Bytes parseTokenRequest(Bytes body, boolean h2e) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        r.u16le("finite cyclic group");
        if (!h2e) {
            if (!r.hasRemaining()) {
                throw new MalformedFrameException(r.position(), "no anti-clogging token");
            }
            return r.rest();
        }
        int id = r.u8("element id");
        int len = r.u8("element length");
        FrameReader e = r.sub(len, "anti-clogging token container");
        if (id != EID_EXTENSION || len < 2 || e.u8("element id extension") != EXT_ANTI_CLOGGING_TOKEN) {
            throw new MalformedFrameException(2, "no anti-clogging token container");
        }
        return e.rest();
    }

    /** The rejected groups as the keyseed salt takes them (LE16 each). */
    byte[] rejectedGroupOctets() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rejectedGroups.forEach(g -> le16(out, g));
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write(v >>> 8 & 0xff);
    }

    private static void extension(ByteArrayOutputStream out, int extId, byte[] data) {
        if (data.length > 254) {
            throw new IllegalArgumentException("element " + extId + ": " + data.length + " octets, at most 254");
        }
        out.write(EID_EXTENSION);
        out.write(data.length + 1);
        out.write(extId);
        out.writeBytes(data);
    }

    /** Whether scalar and element equal another's (constant time): a retransmission or a reflection. */
    boolean sameValues(SaeCommit other) {
        return MessageDigest.isEqual(scalar.toArray(), other.scalar.toArray())
                & MessageDigest.isEqual(element.toArray(), other.element.toArray());
    }
}
