/** The sim backend: a WifiDriver per radio of the sim medium (not exported). */
package wpa4j.sim;
