/**
 * The hostap control interface transport: AF_UNIX datagram sockets that Debian's stock wpa_cli and hostapd_cli
 * talk to. A core registers a {@link wpa4j.ctrl.CtrlEndpoint} service (the whiteboard opens its socket) or
 * opens a {@link wpa4j.ctrl.CtrlServer} itself; {@link wpa4j.ctrl.CtrlClient} is the client side.
 */
@Export
@Version("1.0.0")
package wpa4j.ctrl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
