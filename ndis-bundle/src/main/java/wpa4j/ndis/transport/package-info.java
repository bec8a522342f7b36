/**
 * How the ndis backend reaches an adapter: the {@link wpa4j.ndis.transport.NdisTransport} interface,
 * the NDISUIO buffers and IOCTL codes as plain codecs, and the Windows implementation over JNA.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.ndis.transport;
