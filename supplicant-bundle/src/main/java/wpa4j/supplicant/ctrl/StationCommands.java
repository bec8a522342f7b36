package wpa4j.supplicant.ctrl;

import java.util.List;
import java.util.Optional;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.config.ConfigException;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlRequest;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.station.Station;

/**
 * wpa_cli's commands for one station (the subset of wpa_supplicant's ctrl_iface.c a gateway operator uses), each run on
 * the station's event loop. Replies as wpa_supplicant gives them: {@code OK}, {@code FAIL}, {@code UNKNOWN COMMAND}
 * or the data. A refused setting is also reported as one line naming the key and why.
 */
public final class StationCommands implements CtrlEndpoint {
    private static final String OK = "OK\n";
    private static final String FAIL = "FAIL\n";

    private final EventLoop loop;
    private final Station station;
    private final Station.ProblemSink problems;

    public StationCommands(EventLoop loop, Station station, Station.ProblemSink problems) {
        this.loop = loop;
        this.station = station;
        this.problems = problems;
    }

    @Override
    public String handle(String request) {
        CtrlRequest r = CtrlRequest.parse(request);
        return loop.query(() -> run(r.command(), r.args()));
    }

    private String run(String cmd, String args) throws Exception {
        Supplicant core = station.core();
        try {
            return switch (cmd) {
                case "PING" -> "PONG\n";
                case "IFNAME" -> station.ifname() + "\n";
                case "STATUS" -> core.statusText(false);
                case "STATUS-VERBOSE" -> core.statusText(true);
                case "SCAN" -> {
                    core.scan();
                    yield OK;
                }
                case "SCAN_RESULTS" -> String.join("\n", core.scanResults()) + "\n";
                case "BSS" -> bss(core, args);
                case "LIST_NETWORKS" -> String.join("\n", station.listNetworks()) + "\n";
                case "ADD_NETWORK" -> station.addNetwork() + "\n";
                case "SET_NETWORK" -> setNetwork(args);
                case "GET_NETWORK" -> {
                    String[] a = args.split(" ", 2);
                    yield a.length < 2 ? FAIL : station.getNetwork(id(a[0]), a[1]).map(v -> v + "\n").orElse(FAIL);
                }
                case "ENABLE_NETWORK" -> {
                    station.enableNetwork(idOrAll(args, "all"));
                    yield OK;
                }
                case "DISABLE_NETWORK" -> {
                    station.disableNetwork(idOrAll(args, "all"));
                    yield OK;
                }
                case "SELECT_NETWORK" -> {
                    // blanks only: no id at all (split would give nothing)
                    station.selectNetwork(idOrAll(args.strip().split(" ")[0], "any"));
                    yield OK;
                }
                case "REMOVE_NETWORK" -> {
                    station.removeNetwork(idOrAll(args, "all"));
                    yield OK;
                }
                case "SAVE_CONFIG" -> station.saveConfig() ? OK : FAIL;
                case "RECONFIGURE" -> {
                    station.reconfigure();
                    yield OK;
                }
                case "REASSOCIATE" -> {
                    core.reassociate();
                    yield OK;
                }
                case "RECONNECT" -> {
                    core.reconnect();
                    yield OK;
                }
                case "DISCONNECT" -> {
                    core.disconnect();
                    yield OK;
                }
                case "SIGNAL_POLL" -> core.signalPoll().orElse(FAIL);
                default -> "UNKNOWN COMMAND\n";
            };
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.problem(p.toString()));
            return FAIL;
        } catch (IllegalArgumentException e) {
            // a bad id or argument: wpa_supplicant answers FAIL and says why in its log
            problems.problem(cmd + " refused: " + e.getMessage());
            return FAIL;
        } catch (java.io.IOException e) {
            // SAVE_CONFIG or RECONFIGURE could not write or read the file
            problems.problem(cmd + " failed: " + e.getMessage());
            return FAIL;
        }
    }

    private String setNetwork(String args) throws ConfigException {
        String[] a = args.split(" ", 3);
        if (a.length < 3) {
            throw new IllegalArgumentException("usage: SET_NETWORK <id> <key> <value>");
        }
        station.setNetwork(id(a[0]), a[1], a[2]);
        return OK;
    }

    /** BSS &lt;index|bssid|FIRST|LAST|RANGE=ALL&gt; [MASK=0x..]. */
    private static String bss(Supplicant core, String args) {
        List<ScanResult> all = core.bssEntries();
        // "BSS " with nothing (or blanks) after it selects nothing, as in wpa_supplicant
        String[] a = args.strip().split(" +");
        long mask = mask(a);
        String sel = a[0];
        if (sel.equals("RANGE=ALL") || sel.startsWith("RANGE=")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                sb.append(BssFormat.format(i, all.get(i), core.bssFlags(all.get(i).bssid()), mask));
            }
            return sb.toString();
        }
        Optional<Integer> index = switch (sel) {
            case "FIRST" -> all.isEmpty() ? Optional.empty() : Optional.of(0);
            case "LAST" -> all.isEmpty() ? Optional.empty() : Optional.of(all.size() - 1);
            default -> sel.contains(":") ? indexOf(all, MacAddress.parse(sel)) : Optional.of(Integer.parseInt(sel)).filter(i -> i >= 0 && i < all.size());
        };
        // wpa_supplicant answers an unknown BSS with an empty reply
        return index.map(i -> BssFormat.format(i, all.get(i), core.bssFlags(all.get(i).bssid()), mask)).orElse("");
    }

    /** The MASK= argument of BSS (hex), or every field. */
    private static long mask(String[] args) {
        for (String s : args) {
            if (s.startsWith("MASK=")) {
                return Long.parseLong(s.substring(5).replaceFirst("^0x", ""), 16);
            }
        }
        return BssFormat.MASK_ALL & ~BssFormat.DELIM;
    }

    private static Optional<Integer> indexOf(List<ScanResult> all, MacAddress bssid) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).bssid().equals(bssid)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static int id(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a network id");
        }
    }

    private static Optional<Integer> idOrAll(String s, String allWord) {
        return s.trim().equals(allWord) ? Optional.empty() : Optional.of(id(s));
    }
}
