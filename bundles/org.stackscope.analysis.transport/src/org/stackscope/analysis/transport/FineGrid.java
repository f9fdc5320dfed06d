package org.stackscope.analysis.transport;

/**
 * The finite-volume diffusion problem on the voxel grid, read directly from the phase mask (no per-face arrays, so
 * large volumes fit in memory). Between two voxels of phases a and b along axis d the face conductance is
 * {@code A_d / h_d · 2σaσb / (σa + σb)} (harmonic mean, exact for layers in series); the fixed concentrations
 * c = 1 and c = 0 sit on the outer faces of the first and last slice, half a voxel from the voxel centres, so a
 * straight channel of n voxels has the resistance of its full length.
 */
final class FineGrid extends StencilGrid {

    /** Phase index per voxel, -1 where nothing conducts. */
    private final byte[] phase;
    private final int phases;
    /** {@code faceTable[d][(a + 1) * (phases + 1) + b + 1]}: face conductance between phases a and b along d. */
    private final float[][] faceTable;
    /** Conductance from a voxel of each phase (index + 1) to the inlet or outlet face. */
    private final float[] faceToBoundary;

    /**
     * @param phase phase index per voxel ({@code -1} = not conducting), flat in (u, v, w) order
     * @param conductivity relative conductivity of each phase index
     * @param spacing voxel edge lengths along u, v, w
     */
    FineGrid(byte[] phase, int nu, int nv, int nw, double[] conductivity, double[] spacing, boolean periodicSides) {
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
    }

    private float face(int d, byte a, byte b) {
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
            // one conducting phase (index 0, else -1): a face is open when both cells conduct, (a | b) == 0
            float open = table[3];
            if (step == 1) {
                for (int u = 0; u < nu; u++) {
                    out[u] = open * (1 + (phase[from + u] | phase[to + u]));
                }
            } else {
                for (int u = first; u < nu; u += 2) {
                    out[u] = open * (1 + (phase[from + u] | phase[to + u]));
                }
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
                out[u] = open * (1 + (phase[start + u] | phase[start + u + 1]));
            }
        } else {
            for (int u = 0; u < nu - 1; u++) {
                out[u] = table[(phase[start + u] + 1) * n + phase[start + u + 1] + 1];
            }
        }
        out[nu - 1] = periodicU ? table[(phase[start + nu - 1] + 1) * n + phase[start] + 1] : 0f;
    }

    /** Whether voxel {@code i} takes part in the solution. */
    boolean conducts(int i) {
        return phase[i] >= 0;
    }

    /** Conductance of voxel {@code i} of the first or last slice to the outer face (0 outside the phase). */
    double toFace(int i) {
        return faceToBoundary[phase[i] + 1];
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
                        sum += face(2, phase[i], phase[i + plane]) * (c[i] - c[i + plane]);
                    }
                }
                flux[k] = sum;
            }
        });
        return flux;
    }
}
