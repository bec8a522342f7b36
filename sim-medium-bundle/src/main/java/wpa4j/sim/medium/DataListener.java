package wpa4j.sim.medium;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** Receives the data frames a radio accepted (decrypted where protected), as a network device would. */
@FunctionalInterface
public interface DataListener {
    void onData(MacAddress src, MacAddress dst, int ethertype, Bytes payload);
}
