/** The OSGi edge of the status page: the servlet the Servlet Whiteboard serves at {@code /wpa4j/}. */
package wpa4j.web.internal;
