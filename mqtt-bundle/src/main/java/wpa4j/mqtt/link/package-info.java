/**
 * The gateway's MQTT client, plain Java over Eclipse Paho: settings, the topic scheme, and {@link wpa4j.mqtt.link.FleetLink}
 * (connection with backoff, a bounded outbox with counted drops, QoS 1 messages resent across broker restarts).
 */
package wpa4j.mqtt.link;
