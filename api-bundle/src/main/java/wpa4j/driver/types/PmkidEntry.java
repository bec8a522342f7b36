package wpa4j.driver.types;

/**
 * A PMKSA cache entry as {@code add_pmkid}/{@code remove_pmkid} carry it.
 *
 * @param bssid the BSSID the PMK belongs to
 * @param pmkid the 16-octet PMKID
 */
public record PmkidEntry(MacAddress bssid, Bytes pmkid) {
    public static final int PMKID_LENGTH = 16;

    public PmkidEntry {
        Validate.nonNull("bssid", bssid);
        Validate.exactLength("pmkid", pmkid, PMKID_LENGTH);
    }
}
