package wpa4j.driver.types;

/** PHY modes ({@code enum hostapd_hw_mode}). */
public enum HwModeType {
    /** 802.11b, 2.4 GHz. */ IEEE80211B,
    /** 802.11g, 2.4 GHz. */ IEEE80211G,
    /** 802.11a, 5 GHz. */ IEEE80211A,
    /** 802.11ad, 60 GHz. */ IEEE80211AD;
}
