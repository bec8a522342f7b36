/** Wireless Extensions ioctls over JNA: struct iwreq / iw_point requests and their decoded answers (not exported). */
package wpa4j.wext.ioctl;
