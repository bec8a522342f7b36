package wpa4j.driver.types;

/** Channel restrictions ({@code HOSTAPD_CHAN_*}). */
public enum ChannelFlag {
    /** Channel may not be used. */ DISABLED,
    /** Only passive scanning (no probe requests). */ PASSIVE_SCAN,
    /** IBSS not allowed. */ NO_IBSS,
    /** Radar detection required. */ RADAR,
    /** HT40 with the secondary channel above. */ HT40PLUS,
    /** HT40 with the secondary channel below. */ HT40MINUS;
}
