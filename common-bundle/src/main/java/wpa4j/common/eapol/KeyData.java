package wpa4j.common.eapol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * The (decrypted) Key Data field: elements (the RSN element) and KDEs (vendor-specific elements with the
 * 00-0F-AC OUI), optionally followed by padding ({@code 0xdd} then zeros) up to the key wrap block size.
 *
 * @param elements elements and KDEs in order
 */
public record KeyData(List<InformationElement> elements) {
    public static final int KDE_GTK = 1;
    public static final int KDE_MAC_ADDRESS = 3;
    public static final int KDE_PMKID = 4;
    public static final int KDE_IGTK = 9;
    /** BIGTK KDE (IEEE 802.11-2020 12.7.2, Figure 12-43): the beacon protection key, laid out as the IGTK KDE. */
    public static final int KDE_BIGTK = 14;
    private static final int RSN_OUI = 0x000FAC;
    private static final int MAX_ELEMENTS = 255;

    public KeyData {
        elements = Validate.list("elements", elements, MAX_ELEMENTS);
    }

    /**
     * A GTK KDE.
     *
     * @param keyId key index 0..3
     * @param tx whether the GTK is also used for transmission
     * @param gtk the group temporal key; never printed
     */
    public record Gtk(int keyId, boolean tx, Bytes gtk) {
        public Gtk {
            Validate.range("keyId", keyId, 0, 3);
            Validate.length("gtk", gtk, 5, 32);
        }

        @Override
        public String toString() {
            return "Gtk[keyId=" + keyId + ", tx=" + tx + ", gtk=<" + gtk.length() + " octets>]";
        }
    }

    public static KeyData decode(Bytes octets) throws MalformedFrameException {
        FrameReader r = FrameReader.of(octets);
        List<InformationElement> list = new ArrayList<>();
        while (r.hasRemaining()) {
            int start = r.position();
            int id = r.u8("key data element id");
            if (id == ElementId.VENDOR_SPECIFIC && (!r.hasRemaining() || octets.u8(start + 1) == 0) && paddingFrom(octets, start)) {
                break;
            }
            if (list.size() == MAX_ELEMENTS) {
                throw new MalformedFrameException(start, "key data of more than " + MAX_ELEMENTS + " elements");
            }
            int len = r.u8("key data element length");
            list.add(new InformationElement(id, r.bytes(len, "key data element " + id)));
        }
        return new KeyData(list);
    }

    /** Padding is 0xdd followed only by zero octets to the end. */
    private static boolean paddingFrom(Bytes octets, int start) {
        for (int i = start + 1; i < octets.length(); i++) {
            if (octets.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Encodes the elements; with {@code padForKeyWrap}, pads to a multiple of 8 and at least 16 octets. */
    public Bytes encode(boolean padForKeyWrap) {
        FrameWriter w = new FrameWriter(64);
        elements.forEach(e -> e.writeTo(w));
        if (padForKeyWrap) {
            int len = w.length();
            int padded = Math.max(16, (len + 7) / 8 * 8);
            if (padded > len) {
                w.u8(ElementId.VENDOR_SPECIFIC);
                for (int i = len + 1; i < padded; i++) {
                    w.u8(0);
                }
            }
        }
        return w.toBytes();
    }

    public static InformationElement gtkKde(Gtk gtk) {
        FrameWriter w = new FrameWriter(6 + gtk.gtk().length());
        w.u32be(RSN_OUI << 8 | KDE_GTK).u8(gtk.keyId() | (gtk.tx() ? 0x04 : 0)).u8(0).bytes(gtk.gtk());
        return new InformationElement(ElementId.VENDOR_SPECIFIC, w.toBytes());
    }

    public static InformationElement pmkidKde(Bytes pmkid) {
        Validate.exactLength("pmkid", pmkid, 16);
        return new InformationElement(ElementId.VENDOR_SPECIFIC, new FrameWriter(20).u32be(RSN_OUI << 8 | KDE_PMKID).bytes(pmkid).toBytes());
    }

    /**
     * An IGTK KDE (IEEE 802.11-2020 12.7.2, Figure 12-42): the BIP key for group-addressed management frames.
     *
     * @param keyId key index 4 or 5
     * @param ipn the 6-octet IGTK packet number, little-endian (the receiver's replay counter start)
     * @param igtk the 16-octet BIP-CMAC-128 key; never printed
     */
    public record Igtk(int keyId, Bytes ipn, Bytes igtk) {
        public Igtk {
            Validate.range("keyId", keyId, 4, 5);
            Validate.exactLength("ipn", ipn, 6);
            Validate.exactLength("igtk", igtk, 16);
        }

        @Override
        public String toString() {
            return "Igtk[keyId=" + keyId + ", ipn=" + ipn + ", igtk=<16 octets>]";
        }
    }

    /**
     * A BIGTK KDE (IEEE 802.11-2020 12.7.2, Figure 12-43): the BIP key that protects Beacons (beacon protection).
     *
     * @param keyId key index 6 or 7
     * @param bipn the 6-octet BIGTK packet number, little-endian
     * @param bigtk the 16-octet BIP-CMAC-128 key; never printed
     */
    public record Bigtk(int keyId, Bytes bipn, Bytes bigtk) {
        public Bigtk {
            Validate.range("keyId", keyId, 6, 7);
            Validate.exactLength("bipn", bipn, 6);
            Validate.exactLength("bigtk", bigtk, 16);
        }

        @Override
        public String toString() {
            return "Bigtk[keyId=" + keyId + ", bipn=" + bipn + ", bigtk=<16 octets>]";
        }
    }

    public static InformationElement igtkKde(Igtk igtk) {
        return mgmtKeyKde(KDE_IGTK, igtk.keyId(), igtk.ipn(), igtk.igtk());
    }

    public static InformationElement bigtkKde(Bigtk bigtk) {
        return mgmtKeyKde(KDE_BIGTK, bigtk.keyId(), bigtk.bipn(), bigtk.bigtk());
    }

    /** The first IGTK KDE. */
    public Optional<Igtk> igtk() throws MalformedFrameException {
        return mgmtKey(KDE_IGTK, "igtk", 4).map(k -> new Igtk(k.keyId(), k.pn(), k.key()));
    }

    /** The first BIGTK KDE. */
    public Optional<Bigtk> bigtk() throws MalformedFrameException {
        return mgmtKey(KDE_BIGTK, "bigtk", 6).map(k -> new Bigtk(k.keyId(), k.pn(), k.key()));
    }

    /** The IGTK and BIGTK KDEs share one layout: Key ID (2 octets), packet number (6), a 16-octet BIP-CMAC-128 key. */
    private record MgmtKey(int keyId, Bytes pn, Bytes key) {
        @Override
        public String toString() {
            return "MgmtKey[keyId=" + keyId + ", <16-octet key>]";
        }
    }

    private static InformationElement mgmtKeyKde(int type, int keyId, Bytes pn, Bytes key) {
        FrameWriter w = new FrameWriter(28);
        w.u32be(RSN_OUI << 8 | type).u8(keyId).u8(0).bytes(pn).bytes(key);
        return new InformationElement(ElementId.VENDOR_SPECIFIC, w.toBytes());
    }

    /** The first KDE of {@code type} with key index {@code firstId} or the one after it. */
    private Optional<MgmtKey> mgmtKey(int type, String name, int firstId) throws MalformedFrameException {
        Optional<InformationElement> e = kde(type);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().body().length() != 28) {
            throw new MalformedFrameException(0, name + " kde of " + e.get().body().length() + " octets, expected 28 (key of 16)");
        }
        FrameReader r = FrameReader.of(e.get().body());
        r.skip(4, name + " kde oui");
        int keyId = r.u8(name + " kde key id") | r.u8(name + " kde key id") << 8;
        if (keyId != firstId && keyId != firstId + 1) {
            throw new MalformedFrameException(4, name + " key id " + keyId + ", expected " + firstId + " or " + (firstId + 1));
        }
        return Optional.of(new MgmtKey(keyId, r.bytes(6, "packet number"), r.rest()));
    }

    /** The first GTK KDE. */
    public Optional<Gtk> gtk() throws MalformedFrameException {
        Optional<InformationElement> e = kde(KDE_GTK);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        FrameReader r = FrameReader.of(e.get().body());
        r.skip(4, "gtk kde oui");
        int flags = r.u8("gtk kde flags");
        r.skip(1, "gtk kde reserved");
        if (r.remaining() < 5 || r.remaining() > 32) {
            throw new MalformedFrameException(r.position(), "gtk of " + r.remaining() + " octets");
        }
        return Optional.of(new Gtk(flags & 0x03, (flags & 0x04) != 0, r.rest()));
    }

    /** The first PMKID KDE's PMKID. */
    public Optional<Bytes> pmkid() throws MalformedFrameException {
        Optional<InformationElement> e = kde(KDE_PMKID);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().body().length() != 20) {
            throw new MalformedFrameException(0, "pmkid kde of " + e.get().body().length() + " octets, expected 20");
        }
        return Optional.of(e.get().body().slice(4, 16));
    }

    /** The RSN element, decoded. */
    public Optional<RsnElement> rsn() throws MalformedFrameException {
        Optional<InformationElement> e = elements.stream().filter(x -> x.id() == ElementId.RSN).findFirst();
        return e.isEmpty() ? Optional.empty() : Optional.of(RsnElement.decode(e.get().body()));
    }

    /** The RSN element as received, octet for octet (message 3 must match the Beacon's exactly). */
    public Optional<InformationElement> rsnElement() {
        return elements.stream().filter(x -> x.id() == ElementId.RSN).findFirst();
    }

    private Optional<InformationElement> kde(int type) {
        return elements.stream().filter(e -> e.isVendor(RSN_OUI, type)).findFirst();
    }

    @Override
    public String toString() {
        return "KeyData[" + elements.size() + " elements]";
    }
}
