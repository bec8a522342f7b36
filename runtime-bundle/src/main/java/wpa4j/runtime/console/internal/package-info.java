/**
 * The DS components behind {@link wpa4j.runtime.console.Console} (not exported): the sink that writes its
 * lines to the OSGi Log Service as the calling bundle, the JUL bridge and the log level configurations.
 * Only runtime-bundle can install a sink.
 */
package wpa4j.runtime.console.internal;
