package org.xenfusa.sloc.effort;

/** DO-178C software levels, from the most demanding (A, catastrophic failure) to E (no safety effect). */
public enum DesignAssuranceLevel {
    DAL_A, DAL_B, DAL_C, DAL_D, DAL_E;

    /** "DAL A", as pages and reports print it. */
    public String label() {
        return "DAL " + name().charAt(4);
    }
}
