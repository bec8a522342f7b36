/** The AP's side of the hostap control protocol: hostapd_cli's commands answered on the AP's event loop. Not exported. */
package wpa4j.hostapd.ctrl;
