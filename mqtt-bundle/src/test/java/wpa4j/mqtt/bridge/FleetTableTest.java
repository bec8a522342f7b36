package wpa4j.mqtt.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FleetTableTest {
    @Test
    void oneLinePerGatewayAndInterfaceOfflineAndUnreadableShown() {
        FleetTable t = new FleetTable();
        t.put("gw-b", "{\"gateway\":\"gw-b\",\"online\":true,\"version\":\"1.0.0\",\"started\":\"S\",\"time\":\"T\",\"interfaces\":["
                + "{\"ifname\":\"sim0\",\"role\":\"ap\",\"state\":\"ENABLED\",\"ssid\":\"demo\",\"driver\":\"sim\",\"stations\":1},"
                + "{\"ifname\":\"sim1\",\"role\":\"station\",\"state\":\"COMPLETED\",\"ssid\":\"demo\",\"driver\":\"sim\",\"bssid\":\"02:00:00:00:00:00\"}]}");
        t.put("gw-a", "{\"gateway\":\"gw-a\",\"online\":false}");
        t.put("gw-c", "not json");
        t.put("gw-d", "{\"x\":1}");
        t.put("gw-d", "");
        assertEquals("""
                3 gateways, 1 online
                gw-a OFFLINE
                gw-b online 1.0.0 since S (reported T)
                  sim0 ap ENABLED ssid=demo driver=sim stations=1
                  sim1 station COMPLETED ssid=demo driver=sim bssid=02:00:00:00:00:00
                gw-c unreadable status (8 bytes)
                """, t.format());
    }
}
