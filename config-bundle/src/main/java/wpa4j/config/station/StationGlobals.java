package wpa4j.config.station;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import wpa4j.config.FileNames;
import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.internal.KnownKeys;
import wpa4j.config.internal.Numbers;
import wpa4j.config.text.Octets;
import wpa4j.config.internal.Show;
import wpa4j.config.internal.Values;
import wpa4j.driver.types.CountryCode;

/** The global keys of wpa_supplicant.conf as they are read, validated one by one like network keys. */
final class StationGlobals {
    static final Set<String> SUPPORTED = Set.of("ctrl_interface", "ctrl_interface_group", "update_config", "country",
            "ap_scan", "pmf", "sae_pwe");
    /** Keys whose value makes no difference to wpa4j (EAP re-authentication; P2P, which wpa4j lacks). */
    static final Set<String> SILENT = Set.of("fast_reauth", "p2p_disabled");
    private static final String CTRL_FORMS = "a directory, or DIR=<directory> GROUP=<group>";
    private static final String COUNTRY_FORMS = "two upper-case letters (ISO 3166-1 alpha-2) or 00";

    private String ctrlInterface;
    private String ctrlInterfaceGroup;
    private boolean updateConfig;
    private String country;
    private int pmf;
    private int saePwe;

    /** @return warnings; throws {@link wpa4j.config.ConfigException} for an invalid value */
    List<Problem> set(String key, String value, Source src) {
        Values.checkKeyBlanks(key, src, k -> SUPPORTED.contains(k) || KnownKeys.WPA_SUPPLICANT_GLOBAL.contains(k));
        switch (key) {
            case "ctrl_interface" -> {
                parseCtrl(value, src);
                ctrlInterface = value;
            }
            case "ctrl_interface_group" -> {
                if (value.isEmpty()) {
                    throw Values.error(src, key, "", "is empty", "a group name or number");
                }
                ctrlInterfaceGroup = value;
            }
            case "update_config" -> updateConfig = Values.strtol(key, value, src, 0, 1, "0, 1") == 1;
            case "country" -> country = parseCountry(value, src);
            case "ap_scan" -> parseApScan(value, src);
            case "pmf" -> pmf = Values.strtol(key, value, src, 0, 2, "0 (disabled), 1 (optional), 2 (required)");
            case "sae_pwe" -> saePwe = Values.strtol(key, value, src, 0, 2, "0 (hunting-and-pecking), 1 (hash-to-element), 2 (both)");
            default -> {
                if (SILENT.contains(key)) {
                    return List.of();
                }
                return List.of(KnownKeys.WPA_SUPPLICANT_GLOBAL.contains(key) ? Values.notImplemented(src, key) : Values.unknown(src, key));
            }
        }
        return List.of();
    }

    /** {@code DIR=<dir> GROUP=<group>} or a plain directory, as the control interface splits it. */
    private static CtrlInterface parseCtrl(String value, Source src) {
        String dir = value;
        Optional<String> group = Optional.empty();
        if (value.startsWith("DIR=")) {
            dir = value.substring(4);
            int g = dir.indexOf(" GROUP=");
            if (g >= 0) {
                String name = dir.substring(g + 7);
                dir = dir.substring(0, g);
                if (name.isEmpty()) {
                    throw Values.error(src, "ctrl_interface", Show.value(value), "has an empty GROUP", CTRL_FORMS);
                }
                group = Optional.of(Octets.toText(Octets.bytes(name)));
            }
        }
        if (dir.isEmpty()) {
            throw Values.error(src, "ctrl_interface", Show.value(value), "has no directory", CTRL_FORMS);
        }
        return new CtrlInterface(FileNames.of("ctrl_interface", Octets.toText(Octets.bytes(dir)), src, CTRL_FORMS), group);
    }

    private static String parseCountry(String value, Source src) {
        try {
            return new CountryCode(value).alpha2();
        } catch (IllegalArgumentException e) {
            throw Values.error(src, "country", Show.value(value), "is not a country code", COUNTRY_FORMS);
        }
    }

    private static void parseApScan(String value, Source src) {
        Long n = Numbers.strtol(value);
        if (n == null) {
            throw Values.error(src, "ap_scan", Show.value(value), "is not a number", "1");
        }
        if (n != 1) {
            String what = n == 0 ? "(no scanning: wired or driver-managed) " : n == 2 ? "(the driver selects the AP) " : "";
            throw Values.error(src, "ap_scan", Show.value(value), what + "is not supported by wpa4j", "1");
        }
    }

    /** As the control interface reads them: a DIR= form's GROUP wins, ctrl_interface_group serves the plain form. */
    Optional<CtrlInterface> ctrlInterface() {
        if (ctrlInterface == null) {
            return Optional.empty();
        }
        CtrlInterface c = parseCtrl(ctrlInterface, Source.of("ctrl_interface"));
        if (!ctrlInterface.startsWith("DIR=") && ctrlInterfaceGroup != null) {
            c = new CtrlInterface(c.dir(), Optional.of(Octets.toText(Octets.bytes(ctrlInterfaceGroup))));
        }
        return Optional.of(c);
    }

    boolean updateConfig() {
        return updateConfig;
    }

    Optional<String> country() {
        return Optional.ofNullable(country);
    }

    int pmf() {
        return pmf;
    }

    int saePwe() {
        return saePwe;
    }
}
