package wpa4j.nl80211;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What cfg80211 shows in sysfs: the wiphys ({@code /sys/class/ieee80211/phyN}) and the network interfaces
 * bound to one ({@code /sys/class/net/IF/phy80211}). Cheap and reliable: no wiphy there means no nl80211.
 */
final class WiphyProbe {
    private final Path sysfs;

    WiphyProbe(Path sysfs) {
        this.sysfs = sysfs;
    }

    record Result(List<String> wiphys, List<String> interfaces) {}

    Result probe() {
        return new Result(list(sysfs.resolve("class/ieee80211"), false), list(sysfs.resolve("class/net"), true));
    }

    private static List<String> list(Path dir, boolean needPhyLink) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !needPhyLink || Files.exists(p.resolve("phy80211")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            // an unreadable sysfs is reported as "nothing found", with the reason in the status line
            names.clear();
        }
        return names;
    }
}
