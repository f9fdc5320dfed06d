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
    /** Stand-ins for a missing neighbour row and for a slice away from the inlet and outlet. */
    private final byte[] outside;
    private final float[] noBoundary;

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
        outside = new byte[nu];
        java.util.Arrays.fill(outside, (byte) -1);
        noBoundary = new float[n];
        double area = spacing[0] * spacing[1];
        for (int a = 0; a < phases; a++) {
            faceToBoundary[a + 1] = (float) (2 * conductivity[a] * area / spacing[2]);
        }
    }

    private float face(int d, byte a, byte b) {
        return faceTable[d][(a + 1) * (phases + 1) + b + 1];
    }

    @Override
    void fillRow(int v, int w, Row row, int first, int step) {
        int start = rowStart(v, w);
        int plane = nu * nv;
        // a missing neighbour row reads as a row of non-conducting voxels, whose faces are all 0 in the tables
        byte[] plusV = v < nv - 1 || periodicV ? phase : outside;
        int plusVStart = v < nv - 1 ? start + nu : periodicV ? start - (nv - 1) * nu : 0;
        byte[] minusV = v > 0 || periodicV ? phase : outside;
        int minusVStart = v > 0 ? start - nu : periodicV ? start + (nv - 1) * nu : 0;
        byte[] plusW = w < nw - 1 ? phase : outside;
        int plusWStart = w < nw - 1 ? start + plane : 0;
        byte[] minusW = w > 0 ? phase : outside;
        int minusWStart = w > 0 ? start - plane : 0;
        float[] toFace = w == 0 || w == nw - 1 ? faceToBoundary : noBoundary;
        float faces = w == 0 && w == nw - 1 ? 2f : 1f;
        int n = phases + 1;
        float[] alongU = faceTable[0];
        float[] alongV = faceTable[1];
        float[] alongW = faceTable[2];
        for (int u = first; u < nu; u += step) {
            int a = phase[start + u] + 1;
            // the face to a + neighbour b is entry (a, b), the face to a - neighbour b is entry (b, a)
            int an = a * n + 1;
            byte plusU = u < nu - 1 ? phase[start + u + 1] : periodicU ? phase[start] : -1;
            byte minusU = u > 0 ? phase[start + u - 1] : periodicU ? phase[start + nu - 1] : -1;
            row.guPlus[u] = alongU[an + plusU];
            row.guMinus[u] = alongU[(minusU + 1) * n + a];
            row.gvPlus[u] = alongV[an + plusV[plusVStart + u]];
            row.gvMinus[u] = alongV[(minusV[minusVStart + u] + 1) * n + a];
            row.gwPlus[u] = alongW[an + plusW[plusWStart + u]];
            row.gwMinus[u] = alongW[(minusW[minusWStart + u] + 1) * n + a];
            row.boundary[u] = toFace[a] * faces;
        }
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
        int plane = nu * nv;
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
