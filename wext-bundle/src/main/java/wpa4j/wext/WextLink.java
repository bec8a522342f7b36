package wpa4j.wext;

import wpa4j.driver.Capabilities;
import wpa4j.driver.types.MacAddress;

/** What the probe found of one WEXT interface: its name, index, own address and capabilities. */
record WextLink(String ifname, int ifindex, MacAddress mac, Capabilities capabilities, int ranking) {}
