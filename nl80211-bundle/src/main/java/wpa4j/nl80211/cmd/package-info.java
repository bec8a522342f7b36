/** nl80211 commands and their replies as records: interfaces, wiphys, scans, regulatory (not exported). */
package wpa4j.nl80211.cmd;
