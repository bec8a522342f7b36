package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Destroyable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.core.Akm;
import wpa4j.supplicant.SupplicantState;

/**
 * The key audit of issue #16: every secret a link holds (PTK and temporary PTK, GTK/IGTK/BIGTK, the AP's copy of the
 * station's PMK, SAE exchange state) is found by walking the link's objects, and must be zeroed once the link ends;
 * the AP's group keys once its BSS stops. Left out by design: the PMK the station's handshake borrows, which belongs
 * to the network (a PSK) or to the PMKSA cache (SAE), and the PSKs of the BSS the AP's handshake tries, which belong to
 * its configuration: all of them outlive a link, as in wpa_supplicant and hostapd.
 */
class KeyZeroingTest {
    private static final String PASS = "key zeroing passphrase";

    /** Every Destroyable reachable from {@code root} through wpa4j objects, Optionals, maps and collections. */
    static List<Destroyable> secrets(Object root, Set<String> skipFields) throws IllegalAccessException {
        List<Destroyable> found = new ArrayList<>();
        walk(root, skipFields, Collections.newSetFromMap(new IdentityHashMap<>()), found, 0, root.getClass().getSimpleName());
        return found;
    }

    static final Map<Destroyable, String> PATHS = Collections.synchronizedMap(new IdentityHashMap<>());

    private static void walk(Object o, Set<String> skip, Set<Object> seen, List<Destroyable> found, int depth, String path) throws IllegalAccessException {
        if (o == null || depth > 8 || !seen.add(o)) {
            return;
        }
        if (o instanceof Destroyable d) {
            found.add(d);
            PATHS.put(d, path);
            return;
        }
        if (o instanceof Optional<?> opt) {
            walk(opt.orElse(null), skip, seen, found, depth + 1, path);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                walk(v, skip, seen, found, depth + 1, path + "[]");
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object v : c) {
                walk(v, skip, seen, found, depth + 1, path + "[]");
            }
            return;
        }
        // timers and listeners (lambdas) lead to the whole core, not to what the link owns
        if (!o.getClass().getName().startsWith("wpa4j.") || o.getClass().isEnum() || o.getClass().isSynthetic() || o.getClass().isHidden()) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || skip.contains(f.getName())) {
                    continue;
                }
                f.setAccessible(true);
                walk(f.get(o), skip, seen, found, depth + 1, path + "." + f.getName());
            }
        }
    }

    static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WPA2-PSK", "SAE+PMF"})
    void aLinkThatEndsLeavesNoKeyBehindAndAStoppedBssNoGroupKey(String security) throws Exception {
        boolean sae = security.startsWith("SAE");
        try (SimPair p = new SimPair()) {
            p.startAp(sae ? Wpa3SimTest.ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0) : SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0));
            p.startStation(sae ? Wpa3SimTest.sta(Set.of(KeyMgmt.SAE), Wpa3SimTest.PASS, 2, 0) : SimPair.network(PASS, false));
            p.awaitState(SupplicantState.COMPLETED);

            List<Destroyable> link = p.staLoop.call(() -> secrets(field(p.sta, "keys"), Set.of("pmk")));
            Object apStation = p.apLoop.call(() -> ((Map<?, ?>) field(p.ap, "stations")).get(p.staRadio.mac()));
            link.addAll(p.apLoop.call(() -> secrets(apStation, Set.of("pmks"))));
            assertTrue(link.size() >= 3, "a PTK on each side and the station's GTK at least: " + link);
            assertFalse(link.stream().anyMatch(Destroyable::isDestroyed), "all in use while the link is up");

            p.staLoop.call(() -> {
                p.sta.disconnect();
                return null;
            });
            SimPair.await(() -> p.apEvents.stream().anyMatch(l -> l.startsWith("AP-STA-DISCONNECTED")), () -> "the AP saw the link end: " + p.apEvents);
            p.apLoop.call(() -> null);
            List<Destroyable> left = link.stream().filter(d -> !d.isDestroyed()).toList();
            assertTrue(left.isEmpty(), "zeroed when the link ended: " + left.stream().map(PATHS::get).toList());

            List<Destroyable> group = p.apLoop.call(() -> secrets(field(p.ap, "groupKeys"), Set.of()));
            assertFalse(group.isEmpty() || group.stream().anyMatch(Destroyable::isDestroyed), "the BSS's group keys in use: " + group);
            p.apLoop.call(() -> {
                p.ap.stop();
                return null;
            });
            assertTrue(group.stream().allMatch(Destroyable::isDestroyed), "zeroed when the BSS stopped: " + group);
        }
    }
}
