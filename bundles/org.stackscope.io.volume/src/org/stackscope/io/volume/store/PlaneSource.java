package org.stackscope.io.volume.store;

import java.io.IOException;

import org.stackscope.core.api.ImportException;

/**
 * Where the Z planes of a volume come from (a raw file, an HDF5 dataset, ...). A session is opened for each batch of
 * reads: once for an in-memory volume, once per cell load for an on-demand volume, so no file stays open between
 * loads.
 */
@FunctionalInterface
public interface PlaneSource {

    Session open() throws IOException;

    /** An open view of the source; sessions of one source may be used from several threads at once. */
    interface Session extends AutoCloseable {

        /**
         * Fills {@code samples} (byte[], short[] or float[] of the volume's sample type) with planes
         * {@code firstZ .. firstZ + depth - 1}, one after the other, each in X-fastest order.
         *
         * @throws ImportException for content that cannot be decoded, naming the file and place
         */
        void read(int firstZ, int depth, Object samples) throws IOException, ImportException;

        @Override
        void close() throws IOException;
    }
}
