/** What the status page shows, as JSON built from the cores' control services; plain Java. */
package wpa4j.web.view;
