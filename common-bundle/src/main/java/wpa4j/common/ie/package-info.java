/**
 * 802.11 information elements: a lossless {@link wpa4j.common.ie.IeList} (unknown elements kept octet for
 * octet) and typed views of the elements the cores read and write (SSID, rates and BSS membership selectors,
 * DS, TIM, Country, RSN, RSN Extension, Timeout Interval, WPA, HT capabilities/operation).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package wpa4j.common.ie;
