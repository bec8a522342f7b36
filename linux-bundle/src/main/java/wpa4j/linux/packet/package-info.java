/** EAPOL over a PF_PACKET socket (hostap's l2_packet), through libc over JNA. */
@Export
@Version("1.0.0")
package wpa4j.linux.packet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
