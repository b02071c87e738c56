package org.xenfusa.sloc.effort;

/** ISO 26262 automotive safety integrity levels, A (lowest) to D (highest). */
public enum Asil {
    ASIL_A, ASIL_B, ASIL_C, ASIL_D;

    public String label() {
        return "ASIL " + name().charAt(5);
    }
}
