package wpa4j.hostapd.ctrl;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.ReasonCode;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlRequest;
import wpa4j.driver.types.MacAddress;
import wpa4j.hostapd.StationInfo;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.Hostapd;

/**
 * hostapd_cli's commands for one AP (the subset of hostapd's ctrl_iface.c an operator uses), each run on the AP's
 * event loop. STA-FIRST/STA-NEXT walk the station table in order, as {@code hostapd_cli all_sta} does.
 */
public final class ApCommands implements CtrlEndpoint {
    private static final String OK = "OK\n";
    private static final String FAIL = "FAIL\n";

    private final EventLoop loop;
    private final Hostapd core;
    /** RELOAD: the settings read again (the configuration file, or Config Admin's) and applied; false when they are now invalid. */
    private final BooleanSupplier reload;

    public ApCommands(EventLoop loop, Hostapd core, BooleanSupplier reload) {
        this.loop = loop;
        this.core = core;
        this.reload = reload;
    }

    @Override
    public String handle(String request) {
        CtrlRequest r = CtrlRequest.parse(request);
        String cmd = r.command();
        String args = r.args().trim();
        if (cmd.equals("RELOAD")) {
            // the file is read off the loop (PBKDF2 takes a while); only the switch to the new settings runs on it
            return reload.getAsBoolean() ? OK : FAIL;
        }
        return loop.query(() -> run(cmd, args));
    }

    private String run(String cmd, String args) {
        try {
            return switch (cmd) {
                case "PING" -> "PONG\n";
                case "STATUS" -> core.status().toHostapdCli();
                case "GET_CONFIG" -> config(core.config(), core.status().bssid());
                case "ALL_STA" -> {
                    StringBuilder sb = new StringBuilder();
                    core.stationInfos().forEach(s -> sb.append(sta(s)));
                    yield sb.toString();
                }
                case "STA" -> find(args).map(ApCommands::sta).orElse(FAIL);
                case "STA-FIRST" -> core.stationInfos().stream().findFirst().map(ApCommands::sta).orElse("");
                case "STA-NEXT" -> next(args).map(ApCommands::sta).orElse("");
                case "DEAUTHENTICATE" -> {
                    core.deauthenticate(mac(args), reason(args, ReasonCode.PREV_AUTH_NOT_VALID));
                    yield OK;
                }
                case "DISASSOCIATE" -> {
                    core.disassociate(mac(args), reason(args, ReasonCode.PREV_AUTH_NOT_VALID));
                    yield OK;
                }
                case "ENABLE" -> core.enable() ? OK : FAIL;
                case "DISABLE" -> core.disable() ? OK : FAIL;
                default -> "UNKNOWN COMMAND\n";
            };
        } catch (IllegalArgumentException e) {
            return FAIL;
        }
    }

    private Optional<StationInfo> find(String addr) {
        String a = mac(addr).toString();
        return core.stationInfos().stream().filter(s -> s.addr().equals(a)).findFirst();
    }

    private Optional<StationInfo> next(String addr) {
        String a = mac(addr).toString();
        List<StationInfo> all = core.stationInfos();
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).addr().equals(a)) {
                return Optional.of(all.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The address that starts {@code args}; blanks only (nothing to split) are refused as any bad address is. */
    private static MacAddress mac(String args) {
        return MacAddress.parse(args.strip().split(" ")[0]);
    }

    /** hostapd's optional {@code reason=N} after the address. */
    private static int reason(String args, int dflt) {
        for (String w : args.split(" ")) {
            if (w.startsWith("reason=")) {
                return Integer.parseInt(w.substring(7));
            }
        }
        return dflt;
    }

    /** One station as hostapd prints it: the address line, then its fields; for an RSN association hostapd's wpa_get_mib_sta lines. */
    private static String sta(StationInfo s) {
        StringBuilder sb = new StringBuilder(s.addr()).append("\nflags=").append(s.flags()).append("\naid=").append(s.aid())
                .append("\nkey_handshake=").append(s.keyState()).append('\n');
        if (!s.akmSuite().isEmpty()) {
            sb.append("dot11RSNAStatsSTAAddress=").append(s.addr()).append("\ndot11RSNAStatsVersion=1\n")
                    .append("dot11RSNAStatsSelectedPairwiseCipher=00-0f-ac-4\ndot11RSNAStatsTKIPLocalMICFailures=0\n")
                    .append("dot11RSNAStatsTKIPRemoteMICFailures=0\nwpa=2\nAKMSuiteSelector=").append(s.akmSuite()).append('\n');
        }
        if (s.saeGroup() > 0) {
            sb.append("sae_group=").append(s.saeGroup()).append('\n');
        }
        return sb.toString();
    }

    private static String config(ApConfig c, String bssid) {
        StringBuilder sb = new StringBuilder("bssid=").append(bssid).append("\nssid=").append(c.ssid().toPrintable()).append('\n');
        if (c.isRsn()) {
            sb.append("wpa=2\nkey_mgmt=").append(c.security().keyMgmtNames()).append("\ngroup_cipher=CCMP\nrsn_pairwise_cipher=CCMP\n");
        } else {
            sb.append("wpa=0\n");
        }
        return sb.toString();
    }
}
