package org.stackscope.analysis.electrochem;

/**
 * Which electrode the capacity belongs to, which fixes the Coulombic-efficiency convention. There is deliberately no
 * usable default: the same file gives reciprocal efficiencies under the two conventions.
 */
public enum Electrode {
    /** Not chosen: the analysis refuses to run and says why. */
    UNSET,
    /** Positive electrode or full cell: a cycle is charge then discharge, CE = discharge / charge. */
    CATHODE,
    /** Negative electrode against lithium: a cycle is discharge (lithiation) then charge, CE = charge / discharge. */
    ANODE
}
