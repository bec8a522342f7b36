package wpa4j.mqtt.link;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Paho's connect options from the settings: credentials, TLS trust and timeouts, shared by the link and fleet queries. */
final class ConnectOptions {
    static final int CONNECT_TIMEOUT_SECONDS = 15;

    private ConnectOptions() {}

    static MqttConnectOptions of(MqttSettings settings, boolean cleanSession) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(cleanSession);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
        }
        if (settings.password().length > 0) {
            o.setPassword(settings.password().clone());
        }
        settings.trustStore().ifPresent(t -> o.setSocketFactory(TrustStores.socketFactory(t, settings.trustStorePassword())));
        return o;
    }
}
