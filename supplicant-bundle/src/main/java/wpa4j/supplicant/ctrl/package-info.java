/**
 * The station's side of the hostap control protocol: wpa_cli's commands answered from the station on its event
 * loop. The socket itself is the ctrl bundle's; this package only turns requests into replies. Not exported.
 */
package wpa4j.supplicant.ctrl;
