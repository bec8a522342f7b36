package wpa4j.driver.types;

/** Operating mode of an association ({@code IEEE80211_MODE_*}). */
public enum BssMode {
    /** Infrastructure station. */ INFRA,
    /** IBSS (ad hoc). */ IBSS,
    /** Access point. */ AP;
}
