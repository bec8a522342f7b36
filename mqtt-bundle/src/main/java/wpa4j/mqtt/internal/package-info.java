/** The OSGi edge of the MQTT bridge: the {@code wpa4j.mqtt} component and the {@code fleet:*} Gogo commands. */
package wpa4j.mqtt.internal;
