package org.stackscope.analysis.transport;

/**
 * The finite-volume diffusion problem on the voxel grid, read directly from the phase mask (no per-face arrays, so
 * large volumes fit in memory). Between two voxels of phases a and b along axis d the face conductance is
 * {@code A_d / h_d · 2σaσb / (σa + σb)} (harmonic mean, exact for layers in series); the fixed concentrations
 * c = 1 and c = 0 sit on the outer faces of the first and last slice, half a voxel from the voxel centres, so a
 * straight channel of n voxels has the resistance of its full length.
 */
final class FineGrid extends StencilGrid {

    /**
     * Phase index per voxel, -1 where nothing conducts; with one conducting phase instead the voxel's neighbour code
     * (see {@link #NEIGHBOUR_BITS}), still -1 where nothing conducts, so "conducts" is {@code phase[i] >= 0} either way.
     */
    private final byte[] phase;
    private final int phases;
    /**
     * One conducting phase: every open face along an axis has the same conductance, so the stencil of a voxel is
     * known from which of its six neighbours conduct (bits 0-5: +u, -u, +v, -v, +w, -w) and whether it touches the
     * inlet or outlet face (bit 6). The kernels then read one byte per voxel instead of building face rows.
     */
    private static final int NEIGHBOUR_BITS = 7;
    private final boolean onePhase;
    /** Face conductances along u, v, w and the diagonal of A for each neighbour code (one conducting phase). */
    private final double gu;
    private final double gv;
    private final double gw;
    private final double[] diagonalOfCode;
    /**
     * 1 / diagonal for each neighbour code read as an unsigned byte, 0 for the codes of cells that do not conduct
     * (negative bytes) and for cells without faces: the smoother multiplies by it in float (it is a preconditioner:
     * single precision is plenty there, and a float multiply is several times cheaper than a double division).
     */
    private final float[] inverseDiagonalOfCode = new float[256];
    /** The diagonal in float and 1 (0 where the cell does not conduct) per code read as an unsigned byte. */
    private final float[] diagonalOfCodeFloat = new float[256];
    private final float[] conductingOfCode = new float[256];
    /** {@code faceTable[d][(a + 1) * (phases + 1) + b + 1]}: face conductance between phases a and b along d. */
    private final float[][] faceTable;
    /** Conductance from a voxel of each phase (index + 1) to the inlet or outlet face. */
    private final float[] faceToBoundary;

    /**
     * @param phase phase index per voxel ({@code -1} = not conducting), flat in (u, v, w) order; the grid takes it
     *        over (with one conducting phase it is rewritten in place as neighbour codes)
     * @param conductivity relative conductivity of each phase index
     * @param spacing voxel edge lengths along u, v, w
     */
    FineGrid(byte[] phase, int nu, int nv, int nw, double[] conductivity, double[] spacing, boolean periodicSides,
            SlicePool pool) {
        super(nu, nv, nw, periodicSides, periodicSides);
        this.phase = phase;
        this.phases = conductivity.length;
        int n = phases + 1;
        faceTable = new float[3][n * n];
        for (int d = 0; d < 3; d++) {
            double areaOverLength = spacing[0] * spacing[1] * spacing[2] / (spacing[d] * spacing[d]);
            for (int a = 0; a < phases; a++) {
                for (int b = 0; b < phases; b++) {
                    double sa = conductivity[a];
                    double sb = conductivity[b];
                    double harmonic = sa + sb > 0 ? 2 * sa * sb / (sa + sb) : 0;
                    faceTable[d][(a + 1) * n + b + 1] = (float) (areaOverLength * harmonic);
                }
            }
        }
        faceToBoundary = new float[n];
        double area = spacing[0] * spacing[1];
        for (int a = 0; a < phases; a++) {
            faceToBoundary[a + 1] = (float) (2 * conductivity[a] * area / spacing[2]);
        }
        int last = (nw - 1) * plane;
        for (int i = 0; i < plane; i++) {
            inletBoundary[i] += faceToBoundary[phase[i] + 1];
            outletBoundary[i] += faceToBoundary[phase[last + i] + 1];
        }
        onePhase = phases == 1;
        int open = onePhase ? n + 1 : 0; // faceTable index of a face between two voxels of phase 0
        gu = faceTable[0][open];
        gv = faceTable[1][open];
        gw = faceTable[2][open];
        diagonalOfCode = new double[1 << NEIGHBOUR_BITS];
        if (onePhase) {
            // the same float faces summed in the same order as the general kernel: bit-identical diagonals
            float[] g = { faceTable[0][open], faceTable[0][open], faceTable[1][open], faceTable[1][open],
                    faceTable[2][open], faceTable[2][open],
                    nw > 1 ? faceToBoundary[1] : faceToBoundary[1] + faceToBoundary[1] };
            for (int code = 0; code < 1 << NEIGHBOUR_BITS; code++) {
                double d = 0;
                for (int bit = 0; bit < NEIGHBOUR_BITS; bit++) {
                    d += (code >> bit & 1) != 0 ? g[bit] : 0f;
                }
                diagonalOfCode[code] = d;
                inverseDiagonalOfCode[code] = d > 0 ? (float) (1 / d) : 0f;
                diagonalOfCodeFloat[code] = (float) d;
                conductingOfCode[code] = 1;
            }
            pool.forEach(nw, (from, to) -> encodeNeighbours(from, to));
        }
    }

    /**
     * Replaces the phase index (0) of each conducting voxel of slices from..to by its neighbour code. Slices are
     * encoded in parallel in place: a neighbour's byte is read before or after its own encoding, and both say the
     * same about whether it conducts (sign bit).
     */
    private void encodeNeighbours(int from, int to) {
        for (int w = from; w < to; w++) {
            for (int v = 0; v < nv; v++) {
                int i0 = rowStart(v, w);
                int north = v < nv - 1 ? nu : periodicV ? -(nv - 1) * nu : 0;
                int south = v > 0 ? -nu : periodicV ? (nv - 1) * nu : 0;
                boolean inner = interiorRow(v, w);
                if (inner) {
                    // inner cells of an inner row: all six neighbours exist, no wrap
                    for (int i = i0 + 1; i < i0 + nu - 1; i++) {
                        int code = opens(i + 1) | opens(i - 1) << 1 | opens(i + nu) << 2 | opens(i - nu) << 3
                                | opens(i + plane) << 4 | opens(i - plane) << 5;
                        phase[i] = phase[i] < 0 ? -1 : (byte) code;
                    }
                }
                int step = inner ? nu - 1 : 1;
                for (int u = 0; u < nu; u += step) {
                    int i = i0 + u;
                    if (phase[i] < 0) {
                        continue;
                    }
                    int east = u < nu - 1 ? i + 1 : periodicU ? i0 : -1;
                    int west = u > 0 ? i - 1 : periodicU ? i0 + nu - 1 : -1;
                    int code = bit(east, 0) | bit(west, 1) | bit(north != 0 ? i + north : -1, 2)
                            | bit(south != 0 ? i + south : -1, 3) | bit(w < nw - 1 ? i + plane : -1, 4)
                            | bit(w > 0 ? i - plane : -1, 5) | (w == 0 || w == nw - 1 ? 1 << 6 : 0);
                    phase[i] = (byte) code;
                }
            }
        }
    }

    /** 1 when voxel j conducts, else 0 (the sign bit of its byte, before or after encoding). */
    private int opens(int j) {
        return (phase[j] >> 7) + 1;
    }

    /** {@code 1 << bit} when neighbour {@code j} exists and conducts. */
    private int bit(int j, int bit) {
        return j >= 0 && phase[j] >= 0 ? 1 << bit : 0;
    }

    /** Whether the kernels read one neighbour-code byte per voxel (one conducting phase). */
    boolean readsNeighbourCodes() {
        return onePhase;
    }

    /** Phase index of voxel i (0 or -1 with one conducting phase, whose bytes hold neighbour codes). */
    private int phaseOf(int i) {
        return onePhase ? phase[i] >> 7 : phase[i];
    }

    /*
     * The one-phase kernels. A neighbour that does not conduct holds 0 in every vector the solver passes
     * (prolongation keeps it so), so a face needs no test where the neighbour exists: g · 0 adds nothing. Rows with
     * all four neighbour rows inside the grid read them from the same array at fixed offsets, which the JIT compiles
     * into a tight loop; their first and last cells (u may wrap) and the rows on the grid's faces go cell by cell by
     * the code's bits ({@link #neighbourSum}).
     */

    /** Σ g·x over the conducting neighbours of cell u of row (v, w) starting at i0, by the bits of its code. */
    private double neighbourSum(int i0, int u, int v, int c, float[] x) {
        int i = i0 + u;
        double sum = 0;
        if ((c & 1) != 0) {
            sum += gu * x[u < nu - 1 ? i + 1 : i0];
        }
        if ((c & 2) != 0) {
            sum += gu * x[u > 0 ? i - 1 : i0 + nu - 1];
        }
        if ((c & 4) != 0) {
            sum += gv * x[v < nv - 1 ? i + nu : i - (nv - 1) * nu];
        }
        if ((c & 8) != 0) {
            sum += gv * x[v > 0 ? i - nu : i + (nv - 1) * nu];
        }
        if ((c & 16) != 0) {
            sum += gw * x[i + plane];
        }
        if ((c & 32) != 0) {
            sum += gw * x[i - plane];
        }
        return sum;
    }

    /** One conducting phase: the half-sweep on a row in one pass, straight from the neighbour codes, in float. */
    @Override
    void sweepRow(Scratch s, int v, int w, float[] f, float[] e, int first, boolean fromZero) {
        if (!onePhase) {
            super.sweepRow(s, v, w, f, e, first, fromZero);
            return;
        }
        int i0 = rowStart(v, w);
        byte[] code = phase;
        float[] inverse = inverseDiagonalOfCode;
        if (fromZero) {
            java.util.Arrays.fill(e, i0, i0 + nu, 0f);
            for (int u = first; u < nu; u += 2) {
                e[i0 + u] = f[i0 + u] * inverse[code[i0 + u] & 0xff];
            }
            return;
        }
        boolean inside = interiorRow(v, w);
        if (inside) {
            int last = nu - 1;
            float gU = (float) gu;
            float gV = (float) gv;
            float gW = (float) gw;
            int north = nu;
            int top = plane;
            for (int u = 2 - first; u < last; u += 2) {
                int i = i0 + u;
                float total = gU * (e[i + 1] + e[i - 1]) + gV * (e[i + north] + e[i - north])
                        + gW * (e[i + top] + e[i - top]);
                e[i] = (f[i] + total) * inverse[code[i] & 0xff];
            }
        }
        // what the loop left: the row ends (after the inner cells: no cell of one colour depends on another, unless
        // an odd periodic row wraps onto itself, and then still in a fixed order), or every cell of the colour
        int step = inside ? nu - 1 : 2;
        for (int u = inside ? 0 : first; u < nu; u += step) {
            int c = code[i0 + u];
            if (((u ^ first) & 1) == 0 && c >= 0) {
                e[i0 + u] = (float) ((f[i0 + u] + neighbourSum(i0, u, v, c, e)) * inverse[c]);
            }
        }
    }

    /** One conducting phase: {@code out = A x} on a row, in double (the operator of the conjugate gradients). */
    @Override
    double applyRow(Scratch s, int v, int w, float[] x, float[] out, double dot) {
        if (!onePhase) {
            return super.applyRow(s, v, w, x, out, dot);
        }
        int i0 = rowStart(v, w);
        byte[] code = phase;
        double[] diagonal = diagonalOfCode;
        boolean inside = interiorRow(v, w);
        if (inside) {
            int last = nu - 1;
            double gU = gu;
            double gV = gv;
            double gW = gw;
            int north = nu;
            int top = plane;
            for (int u = 1; u < last; u++) {
                int i = i0 + u;
                int c = code[i];
                double total = gU * ((double) x[i + 1] + x[i - 1]) + gV * ((double) x[i + north] + x[i - north])
                        + gW * ((double) x[i + top] + x[i - top]);
                float ax = c < 0 ? 0f : (float) (diagonal[c] * x[i] - total);
                out[i] = ax;
                dot += (double) x[i] * ax;
            }
        }
        // the row ends or every cell, added after the inner cells (a fixed order for any thread count)
        double ends = 0;
        int step = inside ? nu - 1 : 1;
        for (int u = 0; u < nu; u += step) {
            int i = i0 + u;
            int c = code[i];
            float ax = c < 0 ? 0f : (float) (diagonal[c] * x[i] - neighbourSum(i0, u, v, c, x));
            out[i] = ax;
            ends += (double) x[i] * ax;
        }
        return dot + ends;
    }

    /** One conducting phase: {@code s.sum = f - A e} on a row, in float (it is restricted into a float vector). */
    @Override
    void residualRow(Scratch s, int v, int w, float[] f, float[] e, int first, int step) {
        if (!onePhase) {
            super.residualRow(s, v, w, f, e, first, step);
            return;
        }
        int i0 = rowStart(v, w);
        byte[] code = phase;
        double[] sum = s.sum;
        boolean inside = interiorRow(v, w);
        if (inside) {
            int last = nu - 1;
            float gU = (float) gu;
            float gV = (float) gv;
            float gW = (float) gw;
            float[] diagonal = diagonalOfCodeFloat;
            float[] conducting = conductingOfCode;
            int north = nu;
            int top = plane;
            for (int u = first == 0 ? step : first; u < last; u += step) {
                int i = i0 + u;
                int c = code[i] & 0xff;
                float total = gU * (e[i + 1] + e[i - 1]) + gV * (e[i + north] + e[i - north])
                        + gW * (e[i + top] + e[i - top]);
                sum[u] = (f[i] + total) * conducting[c] - diagonal[c] * e[i];
            }
        }
        int rest = inside ? nu - 1 : step;
        for (int u = inside ? 0 : first; u < nu; u += rest) {
            int c = code[i0 + u];
            if (((u ^ first) & (step - 1)) == 0) {
                sum[u] = c < 0 ? 0 : f[i0 + u] + neighbourSum(i0, u, v, c, e) - diagonalOfCode[c] * e[i0 + u];
            }
        }
    }

    /** As the general prolongation, but voxels that do not conduct stay 0 (the one-phase kernel relies on it). */
    @Override
    void prolongAdd(SlicePool pool, StencilGrid coarse, float[] ec, float weight, float[] e) {
        if (!onePhase) {
            super.prolongAdd(pool, coarse, ec, weight, e);
            return;
        }
        int step = twoColoured ? 2 : 1;
        forSlices(pool, nw, (from, to) -> {
            for (int w = from; w < to; w++) {
                for (int v = 0; v < nv; v++) {
                    int start = rowStart(v, w);
                    int coarseStart = coarse.rowStart(v / 2, w / 2);
                    for (int u = (v + w) & (step - 1); u < nu; u += step) {
                        e[start + u] += phase[start + u] >= 0 ? weight * ec[coarseStart + (u >> 1)] : 0f;
                    }
                }
            }
        });
    }

    /** The face between voxel i and the next one along w (one conducting phase: bit 4 of the code says if open). */
    private double faceAlongW(int i) {
        return onePhase ? (phase[i] >= 0 && (phase[i] & 16) != 0 ? gw : 0) : face(2, phase[i], phase[i + plane]);
    }

    private float face(int d, int a, int b) {
        return faceTable[d][(a + 1) * (phases + 1) + b + 1];
    }

    @Override
    Faces newFaces() {
        return new Faces(this, true);
    }

    /**
     * Builds the faces of row (v, w) from the phases, for the cells u = first, first + step, ... (the -v faces of a
     * whole row are kept from row v - 1 when that came just before).
     */
    @Override
    void faces(int v, int w, Faces f, int first, int step) {
        int row = v + nv * w;
        if (f.row != row || f.step != step || f.first != first) {
            int start = rowStart(v, w);
            if (step == 1 && f.step == 1 && v > 0 && f.row == row - 1) {
                float[] t = f.scratchS;
                f.scratchS = f.scratchV;
                f.scratchV = t;
            } else if (v > 0 || periodicV) {
                int previous = rowStart(v > 0 ? v - 1 : nv - 1, w);
                facesAlong(faceTable[1], previous, start, f.scratchS, first, step);
            }
            facesAlongU(start, f.scratchU);
            if (v < nv - 1 || periodicV) {
                facesAlong(faceTable[1], start, v < nv - 1 ? start + nu : rowStart(0, w), f.scratchV, first, step);
            } else {
                java.util.Arrays.fill(f.scratchV, 0f);
            }
            if (w < nw - 1) {
                facesAlong(faceTable[2], start, start + plane, f.scratchW, first, step);
            } else {
                java.util.Arrays.fill(f.scratchW, 0f);
            }
            if (w > 0) {
                facesAlong(faceTable[2], start - plane, start, f.scratchB, first, step);
            }
            f.row = row;
            f.step = step;
            f.first = first;
        }
        f.gu = f.scratchU;
        f.gv = f.scratchV;
        f.gw = f.scratchW;
        f.at = 0;
        f.gs = v > 0 || periodicV ? f.scratchS : zeros();
        f.atS = 0;
        f.gb = w > 0 ? f.scratchB : zeros();
        f.atB = 0;
        boundaryOf(v, w, f);
    }

    /** Faces between the cells u = first, first + step, ... of the row starting at {@code from} and of {@code to}. */
    private void facesAlong(float[] table, int from, int to, float[] out, int first, int step) {
        if (phases == 1) {
            // one conducting phase (bytes >= 0, else -1): a face is open when both cells conduct, (a | b) >= 0
            float open = table[3];
            for (int u = first; u < nu; u += step) {
                out[u] = (phase[from + u] | phase[to + u]) >= 0 ? open : 0f;
            }
            return;
        }
        int n = phases + 1;
        for (int u = first; u < nu; u += step) {
            out[u] = table[(phase[from + u] + 1) * n + phase[to + u] + 1];
        }
    }

    private void facesAlongU(int start, float[] out) {
        float[] table = faceTable[0];
        int n = phases + 1;
        if (phases == 1) {
            float open = table[3];
            for (int u = 0; u < nu - 1; u++) {
                out[u] = (phase[start + u] | phase[start + u + 1]) >= 0 ? open : 0f;
            }
        } else {
            for (int u = 0; u < nu - 1; u++) {
                out[u] = table[(phase[start + u] + 1) * n + phase[start + u + 1] + 1];
            }
        }
        out[nu - 1] = periodicU ? table[(phaseOf(start + nu - 1) + 1) * n + phaseOf(start) + 1] : 0f;
    }

    /** Whether voxel {@code i} takes part in the solution. */
    boolean conducts(int i) {
        return phase[i] >= 0;
    }

    /** Conductance of voxel {@code i} of the first or last slice to the outer face (0 outside the phase). */
    double toFace(int i) {
        return faceToBoundary[phaseOf(i) + 1];
    }

    /**
     * Total flux through each of the {@code nw + 1} planes: the inlet face, the faces between consecutive slices and
     * the outlet face, for the concentration {@code c} (inlet at 1, outlet at 0).
     */
    double[] planeFluxes(SlicePool pool, double[] c) {
        double[] flux = new double[nw + 1];
        pool.forEach(nw + 1, (from, to) -> {
            for (int k = from; k < to; k++) {
                double sum = 0;
                if (k == 0 || k == nw) {
                    int offset = k == 0 ? 0 : (nw - 1) * plane;
                    for (int i = offset; i < offset + plane; i++) {
                        sum += toFace(i) * (k == 0 ? 1 - c[i] : c[i]);
                    }
                } else {
                    int offset = (k - 1) * plane;
                    for (int i = offset; i < offset + plane; i++) {
                        sum += faceAlongW(i) * (c[i] - c[i + plane]);
                    }
                }
                flux[k] = sum;
            }
        });
        return flux;
    }
}
