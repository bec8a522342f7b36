/**
 * NDIS 802.11 OID structures (ntddndis.h) as byte-exact little-endian codecs, testable on any OS.
 *
 * <p>Layout: every structure here consists of ULONG/LONG (4 octets on 32- and 64-bit Windows alike,
 * LLP64), USHORT, UCHAR arrays and one ULONGLONG (NDIS_802_11_KEY.KeyRSC, 8-aligned under the default
 * MSVC packing on both), and no pointers, so the layout is the same on 32- and 64-bit Windows. Offsets
 * are asserted field by field in the tests.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.ndis.oid;
