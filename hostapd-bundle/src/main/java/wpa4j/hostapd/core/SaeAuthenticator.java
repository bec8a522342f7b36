package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.AntiCloggingTokens;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.PmksaEntry;
import wpa4j.common.sae.SaeAccessPoint;
import wpa4j.common.sae.SaeAction;
import wpa4j.common.sae.SaeGroup;
import wpa4j.common.sae.SaePassword;
import wpa4j.common.sae.SaePwe;
import wpa4j.common.sae.SaeSettings;
import wpa4j.common.sae.SaeStatus;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * SAE authentication on the AP (hostapd's handle_auth_sae) over common's {@link SaeAccessPoint}: a station's Commit
 * and Confirm go to the protocol instance of the password it must use (sae_password lines by peer, then the
 * passphrase), whose answers are sent back and whose retransmission timers run on the core's event loop. An accepted
 * exchange is cached as a PMKSA (hostapd's wpa_auth_pmksa_add_sae), so a reconnect naming its PMKID skips SAE. The
 * instances share one set of anti-clogging tokens, whose key a timer on the loop renews. Used on the event loop only.
 */
final class SaeAuthenticator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SaeAuthenticator.class.getName());
    /** hostapd's dot11RSNAConfigPMKLifetime. */
    private static final Duration PMK_LIFETIME = Duration.ofSeconds(43_200);

    /** What the exchanges tell the core. */
    interface Outcome {
        void send(AuthenticationBody frame);

        /** {@code sta} authenticated: the PMK is the core's now (it zeroes it); {@code h2e} is the derivation used. */
        void accepted(MacAddress sta, SecretKeyBytes pmk, Bytes pmkid, SaeGroup group, boolean h2e);

        /** The exchange with {@code sta} ended without a key. */
        void failed(MacAddress sta, int status, String why);
    }

    private final EventLoop loop;
    private final ApSaeSettings settings;
    private final Ssid ssid;
    private final MacAddress bssid;
    private final SecureRandom random;
    private final PmksaCache pmksa;
    private final Outcome outcome;
    /** One instance per password (keyed by the configuration's credential), each holding its stations' exchanges. */
    private final Map<SaeCredential, SaeAccessPoint> instances = new IdentityHashMap<>();
    private final Map<MacAddress, EventLoop.Timer> timers = new HashMap<>();
    /** Whether the station's last Commit used hash-to-element (status 126), which check_assoc_ies asks about. */
    private final Map<MacAddress, Boolean> h2e = new HashMap<>();
    private final AntiCloggingTokens tokens;
    private final long tokenKeyMillis;
    private EventLoop.Timer tokenRenewal;

    SaeAuthenticator(EventLoop loop, ApSaeSettings settings, Ssid ssid, MacAddress bssid, SecureRandom random, PmksaCache pmksa, Outcome outcome) {
        this(loop, settings, ssid, bssid, random, pmksa, outcome, AntiCloggingTokens.KEY_LIFETIME.toMillis());
    }

    /** @param tokenKeyMillis how often the anti-clogging token key is renewed (tests shorten it) */
    SaeAuthenticator(EventLoop loop, ApSaeSettings settings, Ssid ssid, MacAddress bssid, SecureRandom random, PmksaCache pmksa, Outcome outcome,
            long tokenKeyMillis) {
        this.loop = loop;
        this.settings = settings;
        this.ssid = ssid;
        this.bssid = bssid;
        this.random = random;
        this.pmksa = pmksa;
        this.outcome = outcome;
        this.tokens = new AntiCloggingTokens(random);
        this.tokenKeyMillis = tokenKeyMillis;
        scheduleTokenRenewal();
    }

    /** hostapd renews its token key every 60 s so that a token seen on the air is of no use for long. */
    private void scheduleTokenRenewal() {
        tokenRenewal = loop.schedule(tokenKeyMillis, () -> {
            tokens.renew();
            scheduleTokenRenewal();
        });
    }

    /** An SAE Authentication frame from a station the core lets authenticate. */
    void receive(AuthenticationBody f) {
        MacAddress sta = f.header().sa();
        Optional<SaeCredential> password = settings.passwordFor(sta);
        if (password.isEmpty()) {
            // as hostapd without a password for this station: refused, nothing kept
            outcome.send(frameTo(sta, f.transaction(), StatusCode.UNSPECIFIED_FAILURE, Bytes.EMPTY));
            return;
        }
        if (f.transaction() == SaeStatus.COMMIT) {
            h2e.put(sta, f.statusCode() == SaeStatus.SAE_HASH_TO_ELEMENT);
        }
        SaeAccessPoint ap = instance(password.get());
        apply(ap, sta, ap.receive(sta, f.transaction(), f.statusCode(), f.body()));
    }

    private AuthenticationBody frameTo(MacAddress sta, int transaction, int status, Bytes body) {
        return AuthenticationBody.sae(sta, bssid, bssid, transaction, status, body);
    }

    /** Whether an exchange with {@code sta} is under way or accepted. */
    boolean active(MacAddress sta) {
        return instances.values().stream().anyMatch(ap -> ap.state(sta).isPresent());
    }

    /** Forgets {@code sta}'s exchange (it left, or was removed). */
    void remove(MacAddress sta) {
        cancelTimer(sta);
        h2e.remove(sta);
        instances.values().forEach(ap -> ap.remove(sta));
    }

    private SaeAccessPoint instance(SaeCredential c) {
        return instances.computeIfAbsent(c, k -> {
            byte[] pw = k.password().copy();
            try {
                return new SaeAccessPoint(SaePassword.of(pw, ssid), bssid, commonSettings(), random, tokens);
            } finally {
                Arrays.fill(pw, (byte) 0);
            }
        });
    }

    /** hostapd.conf's SAE keys in common's terms; sync limit and retransmission period are hostapd's defaults. */
    private SaeSettings commonSettings() {
        List<SaeGroup> groups = new ArrayList<>();
        settings.groups().forEach(g -> SaeGroup.byId(g).ifPresent(groups::add));
        SaePwe pwe = switch (settings.pwe()) {
            case 1 -> SaePwe.HASH_TO_ELEMENT;
            case 2 -> SaePwe.BOTH;
            default -> SaePwe.LOOPING;
        };
        SaeSettings d = SaeSettings.DEFAULT;
        return new SaeSettings(groups, pwe, d.syncLimit(), d.retransmitMillis(), settings.antiCloggingThreshold());
    }

    private void apply(SaeAccessPoint ap, MacAddress sta, List<SaeAction> actions) {
        for (SaeAction a : actions) {
            if (a instanceof SaeAction.Send s) {
                outcome.send(frameTo(sta, s.transaction(), s.status(), s.body()));
            } else if (a instanceof SaeAction.ArmTimer t) {
                cancelTimer(sta);
                timers.put(sta, loop.schedule(t.millis(), () -> {
                    timers.remove(sta);
                    apply(ap, sta, ap.timeout(sta));
                }));
            } else if (a instanceof SaeAction.CancelTimer) {
                cancelTimer(sta);
            } else if (a instanceof SaeAction.Accepted acc) {
                cancelTimer(sta);
                pmksa.add(new PmksaEntry(bssid, sta, SecretKeyBytes.adopt(acc.pmk().copy()), acc.pmkid(), Suite.AKM_SAE, Instant.now().plus(PMK_LIFETIME)));
                outcome.accepted(sta, acc.pmk(), acc.pmkid(), acc.group(), h2e.getOrDefault(sta, false));
            } else if (a instanceof SaeAction.Failed f) {
                cancelTimer(sta);
                h2e.remove(sta);
                outcome.failed(sta, f.status(), f.why());
            } else if (a instanceof SaeAction.Ignored i) {
                LOG.log(System.Logger.Level.DEBUG, () -> "SAE frame from " + sta + " dropped: " + i.why());
            }
        }
    }

    private void cancelTimer(MacAddress sta) {
        EventLoop.Timer t = timers.remove(sta);
        if (t != null) {
            t.cancel();
        }
    }

    /** Every exchange ends; passwords, PTs, keys of the instances and the token keys are zeroed. */
    @Override
    public void close() {
        tokenRenewal.cancel();
        timers.values().forEach(EventLoop.Timer::cancel);
        timers.clear();
        h2e.clear();
        instances.values().forEach(SaeAccessPoint::destroy);
        instances.clear();
        tokens.destroy();
    }
}
