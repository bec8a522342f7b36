/** EAPOL over a PF_PACKET socket (hostap's l2_packet), through libc over JNA (not exported). */
package wpa4j.nl80211.l2;
