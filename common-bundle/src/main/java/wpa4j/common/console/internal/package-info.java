/**
 * Where {@link wpa4j.common.console.Console} lines go besides standard output (not exported): the pluggable
 * {@link wpa4j.common.console.internal.ConsoleSink}, and the DS component that installs one writing to the OSGi
 * Log Service as the calling bundle. Only common-bundle can install a sink.
 */
package wpa4j.common.console.internal;
