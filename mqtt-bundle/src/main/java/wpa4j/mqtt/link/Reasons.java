package wpa4j.mqtt.link;

import javax.net.ssl.SSLException;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Why a broker connection failed, in words an operator can act on. */
final class Reasons {
    private Reasons() {}

    /** A person's reason for a refused connection. */
    static String describe(Throwable e, String gatewayId) {
        if (e instanceof MqttException m) {
            switch (m.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                    return "the broker refused the user name or password (check username and passwordFile)";
                case MqttException.REASON_CODE_NOT_AUTHORIZED:
                    return "the broker does not authorize this client (check username, passwordFile and the broker's ACL)";
                case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                    return "the broker refused the client id '" + gatewayId + "' (check gatewayId)";
                default:
                    break;
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SSLException s) {
                return "TLS handshake failed: " + s.getMessage() + " (check trustStore and the broker's certificate)";
            }
            if (c instanceof java.net.ConnectException) {
                return "connection refused (is the broker running?)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }

}
