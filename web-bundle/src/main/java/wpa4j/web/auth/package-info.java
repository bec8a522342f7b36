/** Who may act on the page: HTTP Basic credentials against the configured user; plain Java. */
package wpa4j.web.auth;
