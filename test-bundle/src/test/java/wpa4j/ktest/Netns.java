package wpa4j.ktest;

/**
 * A network namespace holding one hwsim radio (its wiphy and interface), so that traffic between two radios
 * of the VM crosses the simulated air instead of being delivered locally. The peer (real hostapd or
 * wpa_supplicant) runs in it through {@link #exec}; wpa4j stays in the root namespace.
 */
record Netns(String name, String phy) implements AutoCloseable {

    static Netns moveInto(String name, String ifname) throws Exception {
        String wiphy = KernelSupport.sh("iw dev " + ifname + " info | awk '/wiphy/ {print $2}'").trim();
        KernelSupport.sh("ip netns add " + name + " && iw phy phy" + wiphy + " set netns name " + name);
        return new Netns(name, "phy" + wiphy);
    }

    /** {@code command} run inside the namespace. */
    String exec(String command) {
        return "ip netns exec " + name + " " + command;
    }

    /** Gives the radio back to the root namespace (PID 1's) and removes the namespace. */
    @Override
    public void close() throws Exception {
        KernelSupport.sh(exec("iw phy " + phy + " set netns 1") + " ; ip netns del " + name);
    }
}
