package org.xenfusa.cli;

/** A main class for {@link StartupArchiveTest}'s real JVM runs: prints one line. */
public final class CdsProbe {
    private CdsProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe");
    }
}
