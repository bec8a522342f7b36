/**
 * What the gateway says and hears over MQTT, plain Java: control events as JSON, control commands checked and
 * answered by the same endpoints as wpa_cli/hostapd_cli, the retained status, and the fleet table read from it.
 */
package wpa4j.mqtt.bridge;
