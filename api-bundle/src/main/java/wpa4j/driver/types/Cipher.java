package wpa4j.driver.types;

/** Ciphers ({@code enum wpa_cipher} and {@code WPA_DRIVER_CAPA_ENC_*}). */
public enum Cipher {
    /** No cipher (open network). */ NONE,
    /** WEP with a 40-bit key. */ WEP40,
    /** WEP with a 104-bit key. */ WEP104,
    /** WEP with a 128-bit key (capability only). */ WEP128,
    /** TKIP. */ TKIP,
    /** CCMP (AES-CCM, 128-bit). */ CCMP,
    /** GCMP (AES-GCM, 128-bit). */ GCMP,
    /** BIP (AES-128-CMAC) management frame protection. */ BIP;
}
