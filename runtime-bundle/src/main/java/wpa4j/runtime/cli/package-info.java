/** Command-line tools of the toolkit (not exported). */
package wpa4j.runtime.cli;
