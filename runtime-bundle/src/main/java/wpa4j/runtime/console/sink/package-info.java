/**
 * Where {@link wpa4j.runtime.console.Console} lines go besides standard output (not exported): the
 * pluggable sink and its holder, apart from both the console and the Log Service components that install one.
 */
package wpa4j.runtime.console.sink;
