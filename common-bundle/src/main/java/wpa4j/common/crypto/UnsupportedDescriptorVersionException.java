package wpa4j.common.crypto;

/** An EAPOL-Key Key Descriptor Version (Key Information bits 0-2) that defines no MIC: 4..7, as a received frame may carry. */
public class UnsupportedDescriptorVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int descriptorVersion;

    public UnsupportedDescriptorVersionException(int descriptorVersion) {
        super("descriptorVersion: " + descriptorVersion + " (no such EAPOL-Key MIC)");
        this.descriptorVersion = descriptorVersion;
    }

    public int descriptorVersion() {
        return descriptorVersion;
    }
}
