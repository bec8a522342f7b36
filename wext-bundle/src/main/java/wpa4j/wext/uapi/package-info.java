/** Wireless Extensions constants and struct layouts generated from linux/wireless.h (not exported). */
package wpa4j.wext.uapi;
