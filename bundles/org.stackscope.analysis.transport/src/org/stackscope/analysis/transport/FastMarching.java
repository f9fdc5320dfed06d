package org.stackscope.analysis.transport;

import org.stackscope.core.api.Monitor;

/**
 * Geodesic distance inside the selected phases of a {@link PhaseMask} to its outlet face (the last slice along the
 * flow), by the fast marching method: the Eikonal equation |∇T| = 1 is solved upwind from all outlet voxels at once,
 * with Sethian's second-order one-sided differences where two accepted voxels line up on the upwind side of an axis
 * and first-order differences otherwise (next to walls and sources). Voxel spacing may differ per axis.
 * <p>
 * Distances are kept in units of the flow-axis spacing, so a straight channel along the flow gets exact integers and
 * a tortuosity of exactly 1. Memory: one float per voxel, which also carries the marching state (below), plus the
 * queue of the front (primitive arrays of packed index and key). Superseded queue entries are skipped when they come
 * up (lazy deletion) instead of keeping a per-voxel position index, which would cost another 4 bytes per voxel and a
 * random write per heap move.
 */
final class FastMarching {

    /** Not in the selected phases; NaN compares false with everything, so it is never updated. */
    private static final float BLOCKED = Float.NaN;
    /** Not reached yet. */
    private static final float FAR = Float.POSITIVE_INFINITY;
    /** Accepted voxels between two cancel checks. */
    private static final int CHECK_EVERY = 1 << 16;

    private final int nu;
    private final int nv;
    private final int nw;
    private final int slice;
    /** 1 / spacing along u, v, w, in units of the flow spacing (so {@code invW == 1}). */
    private final double invU;
    private final double invV;
    private final double invW;
    /**
     * Per voxel: {@link #BLOCKED}, {@link #FAR}, a tentative distance (on the front), or an accepted distance stored
     * with its sign bit set ({@code -d}, and {@code -0.0f} on the outlet): one array read tells state and value, which
     * halves the cache misses of the scattered neighbour reads.
     */
    private final float[] dist;

    /*
     * The front queue. Entries pack the non-negative float key's bits (ordered like the floats) in the high word and
     * the voxel index in the low word. Keys are grouped in buckets of width BUCKETS_PER_VOXEL-th of the smallest
     * spacing; only the bucket being served lives in a binary heap (small, cache resident), later buckets wait
     * unordered in a ring. The order is exact: every key in the ring is above every key in the heap. With one binary
     * heap of the whole front (10^5..10^6 entries) heap operations took half of the run time (19 s instead of 11 s
     * for 512x512x256).
     */
    private static final int BUCKETS_PER_VOXEL = 256;
    private final double invBucket;
    private final int ringMask;
    private final long[][] ring;
    private final int[] ringSize;
    /** The bucket whose entries are in the heap. */
    private long current;
    private long queued;
    private long[] heap = new long[1 << 10];
    private int heapSize;

    /** Scratch terms of one update, sorted by beta: (T - beta)^2 * coef summed over axes = 1. */
    private final double[] beta = new double[3];
    private final double[] coef = new double[3];

    private FastMarching(PhaseMask mask) {
        nu = mask.nu();
        nv = mask.nv();
        nw = mask.nw();
        slice = nu * nv;
        double[] h = mask.spacing();
        invU = h[2] / h[0];
        invV = h[2] / h[1];
        invW = 1;
        double hMin = Math.min(1, Math.min(h[0], h[1]) / h[2]);
        double hMax = Math.max(1, Math.max(h[0], h[1]) / h[2]);
        invBucket = BUCKETS_PER_VOXEL / hMin;
        // a new key exceeds the accepted one by at most about one spacing: twice that is one ring turn
        ringMask = Integer.highestOneBit((int) Math.min(1 << 16, Math.ceil(2 * hMax * invBucket) + 2)) * 2 - 1;
        ring = new long[ringMask + 1][16];
        ringSize = new int[ringMask + 1];
        byte[] voxels = mask.voxels();
        dist = new float[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            dist[i] = voxels[i] >= 0 ? FAR : BLOCKED;
        }
    }

    private static boolean known(float d) {
        return Float.floatToRawIntBits(d) < 0;
    }

    /**
     * Path length from every inlet-face voxel ({@code w = 0}) to the outlet face ({@code w = nw - 1}) inside the
     * phases, in units of the flow-axis spacing: index {@code u + nu * v}; +infinity where the voxel is in a phase
     * but not connected to the outlet, NaN where it belongs to no selected phase.
     *
     * @throws org.stackscope.core.api.CanceledException when the monitor is canceled
     */
    static float[] inletDistances(PhaseMask mask, Monitor monitor) {
        if (mask.nw() < 2) {
            throw new IllegalArgumentException("the flow axis needs at least 2 slices, not " + mask.nw());
        }
        FastMarching m = new FastMarching(mask);
        monitor.checkCanceled();
        m.march(monitor);
        float[] out = new float[m.slice];
        for (int i = 0; i < m.slice; i++) {
            float d = m.dist[i];
            out[i] = known(d) ? -d : Float.isNaN(d) ? Float.NaN : Float.POSITIVE_INFINITY;
        }
        return out;
    }

    private void march(Monitor monitor) {
        int inletVoxels = 0;
        for (int i = 0; i < slice; i++) {
            if (!Float.isNaN(dist[i])) {
                inletVoxels++;
            }
        }
        long phaseVoxels = 0;
        for (float d : dist) {
            if (!Float.isNaN(d)) {
                phaseVoxels++;
            }
        }
        monitor.begin("Fast marching from the outlet face", phaseVoxels);
        int outlet = (nw - 1) * slice;
        for (int i = outlet; i < outlet + slice; i++) {
            if (dist[i] == FAR) {
                dist[i] = 0;
                push(i, 0);
            }
        }
        int inletDone = 0;
        int sinceCheck = 0;
        int i;
        while (inletDone < inletVoxels && (i = pop()) >= 0) {
            float d = dist[i];
            if (known(d)) {
                continue; // a stale entry: the voxel was accepted with a smaller key
            }
            dist[i] = -d;
            if (i < slice) {
                inletDone++; // every inlet voxel known: the rest of the field is not needed
            }
            if (++sinceCheck == CHECK_EVERY) {
                monitor.checkCanceled();
                monitor.worked(sinceCheck);
                sinceCheck = 0;
            }
            int w = i / slice;
            int rest = i - w * slice;
            int v = rest / nu;
            int u = rest - v * nu;
            if (u > 0) {
                relax(i - 1, u - 1, v, w);
            }
            if (u < nu - 1) {
                relax(i + 1, u + 1, v, w);
            }
            if (v > 0) {
                relax(i - nu, u, v - 1, w);
            }
            if (v < nv - 1) {
                relax(i + nu, u, v + 1, w);
            }
            if (w > 0) {
                relax(i - slice, u, v, w - 1);
            }
            if (w < nw - 1) {
                relax(i + slice, u, v, w + 1);
            }
        }
        monitor.worked(sinceCheck);
        monitor.done();
    }

    /** Recomputes a neighbour of a newly accepted voxel and queues it when its distance dropped. */
    private void relax(int j, int u, int v, int w) {
        float d = dist[j];
        if (known(d) || Float.isNaN(d)) {
            return; // accepted or blocked
        }
        float t = (float) solve(j, u, v, w);
        if (t < d) {
            dist[j] = t;
            push(j, t);
        }
    }

    /** Upwind Eikonal update of voxel j from its accepted neighbours. */
    private double solve(int j, int u, int v, int w) {
        int k = axisTerm(j, u, nu, 1, invU, 0);
        k = axisTerm(j, v, nv, nu, invV, k);
        k = axisTerm(j, w, nw, slice, invW, k);
        // insertion sort of at most three terms by beta
        for (int a = 1; a < k; a++) {
            double b = beta[a];
            double c = coef[a];
            int p = a - 1;
            while (p >= 0 && beta[p] > b) {
                beta[p + 1] = beta[p];
                coef[p + 1] = coef[p];
                p--;
            }
            beta[p + 1] = b;
            coef[p + 1] = c;
        }
        // Add axes in order of beta while the solution stays upwind of them; solve in x = T - beta[0] to avoid
        // cancelling large numbers far from the outlet.
        double b0 = beta[0];
        double sa = 0;
        double sb = 0;
        double sc = -1;
        double x = Double.POSITIVE_INFINITY;
        for (int m = 0; m < k; m++) {
            double d = beta[m] - b0;
            if (m > 0 && x <= d) {
                break;
            }
            double a2 = sa + coef[m];
            double b2 = sb + coef[m] * d;
            double c2 = sc + coef[m] * d * d;
            double disc = b2 * b2 - a2 * c2;
            if (disc < 0) {
                break;
            }
            sa = a2;
            sb = b2;
            sc = c2;
            x = (b2 + Math.sqrt(disc)) / a2;
        }
        return b0 + x;
    }

    /**
     * Adds the term of one axis from the smaller accepted neighbour along it, second order when the next voxel
     * beyond it is accepted and not larger (Sethian's condition); returns the new number of terms.
     */
    private int axisTerm(int j, int c, int n, int stride, double inv, int k) {
        double t1 = Double.POSITIVE_INFINITY;
        double t2 = Double.NaN;
        float d;
        if (c > 0 && known(d = dist[j - stride])) {
            t1 = -d;
            if (c > 1 && known(d = dist[j - 2 * stride]) && -d <= t1) {
                t2 = -d;
            }
        }
        if (c < n - 1 && known(d = dist[j + stride])) {
            double p = -d;
            if (p < t1 || p == t1 && Double.isNaN(t2)) {
                t1 = p;
                t2 = Double.NaN;
                if (c < n - 2 && known(d = dist[j + 2 * stride]) && -d <= p) {
                    t2 = -d;
                }
            }
        }
        if (t1 == Double.POSITIVE_INFINITY) {
            return k;
        }
        if (Double.isNaN(t2)) {
            beta[k] = t1;
            coef[k] = inv * inv;
        } else {
            beta[k] = (4 * t1 - t2) / 3;
            coef[k] = 2.25 * inv * inv;
        }
        return k + 1;
    }

    /** Queues a voxel: into the heap when its key falls in the bucket being served, else into its ring bucket. */
    private void push(int index, float key) {
        long entry = (long) Float.floatToRawIntBits(key) << 32 | index;
        queued++;
        long bucket = bucketOf(entry);
        if (bucket <= current) {
            heapPush(entry);
        } else {
            int slot = (int) (bucket & ringMask);
            int n = ringSize[slot];
            if (n == ring[slot].length) {
                ring[slot] = java.util.Arrays.copyOf(ring[slot], n + (n >> 1));
            }
            ring[slot][n] = entry;
            ringSize[slot] = n + 1;
        }
    }

    /** The voxel with the smallest key, or -1 when the queue is empty. */
    private int pop() {
        while (heapSize == 0) {
            if (queued == 0) {
                return -1;
            }
            current++;
            // Move the next bucket into the (empty) heap. Entries whose voxel was accepted or queued again with a
            // smaller key since are dropped here, cheaper than in the heap; entries a ring turn ahead stay.
            int slot = (int) (current & ringMask);
            long[] entries = ring[slot];
            int n = ringSize[slot];
            int keep = 0;
            for (int k = 0; k < n; k++) {
                long e = entries[k];
                if (Float.floatToRawIntBits(dist[(int) e]) != (int) (e >>> 32)) {
                    queued--;
                } else if (bucketOf(e) <= current) {
                    heapPush(e);
                } else {
                    entries[keep++] = e;
                }
            }
            ringSize[slot] = keep;
        }
        queued--;
        return heapPop();
    }

    private long bucketOf(long entry) {
        return (long) (Float.intBitsToFloat((int) (entry >>> 32)) * invBucket);
    }

    private void heapPush(long entry) {
        if (heapSize == heap.length) {
            heap = java.util.Arrays.copyOf(heap, heapSize + (heapSize >> 1));
        }
        int hole = heapSize++;
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            if (heap[parent] <= entry) {
                break;
            }
            heap[hole] = heap[parent];
            hole = parent;
        }
        heap[hole] = entry;
    }

    private int heapPop() {
        int top = (int) heap[0];
        long last = heap[--heapSize];
        int hole = 0;
        int half = heapSize >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            long c = heap[child];
            if (child + 1 < heapSize && heap[child + 1] < c) {
                c = heap[++child];
            }
            if (last <= c) {
                break;
            }
            heap[hole] = c;
            hole = child;
        }
        heap[hole] = last;
        return top;
    }
}
