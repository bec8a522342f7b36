package wpa4j.common.ie;

import java.util.Optional;

import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmt;

/**
 * A cipher or AKM suite selector: 3-octet OUI and 1-octet type, held as the big-endian 32-bit value of
 * the four octets (00-0F-AC:4 is {@code 0x000FAC04}).
 *
 * @param selector the four octets as transmitted, big-endian
 */
public record Suite(int selector) {
    public static final int RSN_OUI = 0x000FAC;
    public static final int WPA_OUI = 0x0050F2;

    public static final Suite RSN_USE_GROUP = rsn(0);
    public static final Suite RSN_WEP40 = rsn(1);
    public static final Suite RSN_TKIP = rsn(2);
    public static final Suite RSN_CCMP = rsn(4);
    public static final Suite RSN_WEP104 = rsn(5);
    public static final Suite RSN_BIP = rsn(6);
    public static final Suite RSN_GROUP_NOT_ALLOWED = rsn(7);
    public static final Suite RSN_GCMP = rsn(8);

    public static final Suite AKM_8021X = rsn(1);
    public static final Suite AKM_PSK = rsn(2);
    public static final Suite AKM_FT_8021X = rsn(3);
    public static final Suite AKM_FT_PSK = rsn(4);
    public static final Suite AKM_8021X_SHA256 = rsn(5);
    public static final Suite AKM_PSK_SHA256 = rsn(6);
    public static final Suite AKM_SAE = rsn(8);
    public static final Suite AKM_FT_SAE = rsn(9);

    public static final Suite WPA_NONE = wpa(0);
    public static final Suite WPA_WEP40 = wpa(1);
    public static final Suite WPA_TKIP = wpa(2);
    public static final Suite WPA_CCMP = wpa(4);
    public static final Suite WPA_WEP104 = wpa(5);
    public static final Suite WPA_AKM_8021X = wpa(1);
    public static final Suite WPA_AKM_PSK = wpa(2);

    public static Suite rsn(int type) {
        return new Suite(RSN_OUI << 8 | (type & 0xff));
    }

    public static Suite wpa(int type) {
        return new Suite(WPA_OUI << 8 | (type & 0xff));
    }

    public int oui() {
        return selector >>> 8;
    }

    public int type() {
        return selector & 0xff;
    }

    /** The cipher this selector names in an RSN or WPA element, if wpa4j knows it. */
    public Optional<Cipher> cipher() {
        if (oui() != RSN_OUI && oui() != WPA_OUI) {
            return Optional.empty();
        }
        return switch (type()) {
            case 0 -> Optional.of(Cipher.NONE);
            case 1 -> Optional.of(Cipher.WEP40);
            case 2 -> Optional.of(Cipher.TKIP);
            case 4 -> Optional.of(Cipher.CCMP);
            case 5 -> Optional.of(Cipher.WEP104);
            case 6 -> oui() == RSN_OUI ? Optional.of(Cipher.BIP) : Optional.empty();
            case 8 -> oui() == RSN_OUI ? Optional.of(Cipher.GCMP) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The AKM this selector names, if wpa4j knows it. */
    public Optional<KeyMgmt> akm() {
        if (oui() == WPA_OUI) {
            return switch (type()) {
                case 1 -> Optional.of(KeyMgmt.IEEE8021X);
                case 2 -> Optional.of(KeyMgmt.PSK);
                default -> Optional.empty();
            };
        }
        if (oui() != RSN_OUI) {
            return Optional.empty();
        }
        return switch (type()) {
            case 1 -> Optional.of(KeyMgmt.IEEE8021X);
            case 2 -> Optional.of(KeyMgmt.PSK);
            case 3 -> Optional.of(KeyMgmt.FT_IEEE8021X);
            case 4 -> Optional.of(KeyMgmt.FT_PSK);
            case 5 -> Optional.of(KeyMgmt.IEEE8021X_SHA256);
            case 6 -> Optional.of(KeyMgmt.PSK_SHA256);
            case 8 -> Optional.of(KeyMgmt.SAE);
            case 9 -> Optional.of(KeyMgmt.FT_SAE);
            default -> Optional.empty();
        };
    }

    /** The RSN selector for a cipher. */
    public static Suite rsnCipher(Cipher c) {
        return switch (c) {
            case NONE -> RSN_USE_GROUP;
            case WEP40 -> RSN_WEP40;
            case WEP104, WEP128 -> RSN_WEP104;
            case TKIP -> RSN_TKIP;
            case CCMP -> RSN_CCMP;
            case GCMP -> RSN_GCMP;
            case BIP -> RSN_BIP;
        };
    }

    /** The RSN selector of an AKM; empty for those without one (none, WPS, WPA-None, WAPI, 802.1X without WPA). */
    public static Optional<Suite> rsnAkm(KeyMgmt k) {
        // the inverse of akm(), so the type numbers stay written once
        for (int type = 1; type <= 0xff; type++) {
            Suite s = rsn(type);
            if (s.akm().equals(Optional.of(k))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format("%02x-%02x-%02x:%d", oui() >>> 16, (oui() >>> 8) & 0xff, oui() & 0xff, type());
    }
}
