package org.muster.core.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Draws kept in a temporary file, one per chain, for fits whose draws do not fit {@link DrawsStorage}'s
 * budget. A chain's iterations come in blocks of {@code blockLength}: the writer buffers one block's
 * rows, then writes the block transposed, variable by variable, so that a range of variables of one block
 * is one contiguous read. Readers ask for a range of variables (all iterations) or one block of rows.
 * Doubles are stored as their 8 bytes, so every value reads back bit for bit.
 */
final class SpilledDraws {

    private static final Cleaner CLEANER = Cleaner.create();

    /** Bytes moved per system call at most, so buffers stay small whatever the block. */
    private static final int IO_CHUNK = 1 << 20;

    private final int variables;
    private final int blockLength;
    private final FileChannel[] channels;
    /** Draws written per chain. */
    private final int[] written;
    /** Reachable while any view of the files is: when it is not, the files are closed (and so removed). */
    private final Object lifetime;

    private SpilledDraws(int variables, int blockLength, FileChannel[] channels, int[] written, Object lifetime) {
        this.lifetime = lifetime;
        this.variables = variables;
        this.blockLength = blockLength;
        this.channels = channels;
        this.written = written;
    }

    int blockLength() {
        return blockLength;
    }

    int variables() {
        return variables;
    }

    /** A view of some chains (indices into this file's chains), sharing the files. */
    SpilledDraws select(int[] chains) {
        FileChannel[] c = new FileChannel[chains.length];
        int[] w = new int[chains.length];
        for (int k = 0; k < chains.length; k++) {
            c[k] = channels[chains[k]];
            w[k] = written[chains[k]];
        }
        return new SpilledDraws(variables, blockLength, c, w, lifetime);
    }

    /** Iterations in block {@code b} of a chain. */
    private int blockSize(int chain, int b) {
        return Math.min(blockLength, written[chain] - b * blockLength);
    }

    private long blockOffset(int b) {
        return (long) b * variables * blockLength * Double.BYTES;
    }

    /**
     * Reads draws 0..iterations-1 of variables {@code from..to-1} of one chain.
     *
     * @param out modified: out[v - from] receives the variable's draws (length at least iterations)
     */
    void readColumns(int chain, int from, int to, int iterations, double[][] out) {
        int count = to - from;
        for (int b = 0; b * blockLength < iterations; b++) {
            int size = blockSize(chain, b);
            int take = Math.min(size, iterations - b * blockLength);
            long offset = blockOffset(b) + (long) from * size * Double.BYTES;
            // the block's variables are contiguous: read them in chunks of whole variables
            int perChunk = Math.max(1, IO_CHUNK / (size * Double.BYTES));
            for (int v = 0; v < count; v += perChunk) {
                int n = Math.min(perChunk, count - v);
                DoubleBuffer values = read(chain, offset + (long) v * size * Double.BYTES, n * size);
                for (int k = 0; k < n; k++) {
                    values.position(k * size);
                    values.get(out[v + k], b * blockLength, take);
                }
            }
        }
    }

    /**
     * Reads rows of one block of one chain.
     *
     * @param out modified: out[i][v] is iteration {@code b * blockLength + i}'s value of variable v, for
     *     the block's iterations
     * @return the iterations in the block
     */
    int readBlock(int chain, int b, double[][] out) {
        int size = blockSize(chain, b);
        int perChunk = Math.max(1, IO_CHUNK / (size * Double.BYTES));
        for (int v = 0; v < variables; v += perChunk) {
            int n = Math.min(perChunk, variables - v);
            DoubleBuffer values = read(chain, blockOffset(b) + (long) v * size * Double.BYTES, n * size);
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < size; i++) {
                    out[i][v + k] = values.get(k * size + i);
                }
            }
        }
        return size;
    }

    private DoubleBuffer read(int chain, long position, int doubles) {
        ByteBuffer buffer = ByteBuffer.allocate(doubles * Double.BYTES).order(ByteOrder.nativeOrder());
        try {
            while (buffer.hasRemaining()) {
                int n = channels[chain].read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new IOException("the draws' temporary file ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the draws back from their temporary file: " + e.getMessage(), e);
        }
        buffer.flip();
        return buffer.asDoubleBuffer();
    }

    /** Writes the chains' blocks as they fill; one thread per chain. */
    static final class Writer {
        private final int variables;
        private final int blockLength;
        private final FileChannel[] channels;
        /** Per chain: the current block's rows, [iteration in block * variables + variable]. */
        private final double[][] buffers;
        /** Per chain: iterations stored, and the block in the buffer. */
        private final int[] filled;
        private final int[] bufferedBlock;
        private final int[] written;
        private final Object lifetime = new Object();

        Writer(int variables, int chains, int blockLength, DrawsStorage storage) {
            this.variables = variables;
            this.blockLength = blockLength;
            this.channels = new FileChannel[chains];
            this.buffers = new double[chains][];
            this.filled = new int[chains];
            this.bufferedBlock = new int[chains];
            this.written = new int[chains];
            Path directory = storage.directory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            try {
                for (int c = 0; c < chains; c++) {
                    channels[c] = open(directory, c);
                }
            } catch (IOException e) {
                closeAll(channels);
                throw new UncheckedIOException("cannot create a temporary file for the draws in " + directory + ": "
                        + e.getMessage(), e);
            }
            FileChannel[] toClose = channels.clone();
            CLEANER.register(lifetime, () -> closeAll(toClose));
        }

        private static FileChannel open(Path directory, int chain) throws IOException {
            Path file = Files.createTempFile(directory, ".muster-draws-" + (chain + 1) + "-", ".tmp");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                // unlinked while open: the space is freed when the channel closes, even after a crash
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a system that cannot remove an open file removes it on close
            }
            return channel;
        }

        private static void closeAll(FileChannel[] channels) {
            for (FileChannel channel : channels) {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        // nothing left to do with a temporary file
                    }
                }
            }
        }

        int filled(int chain) {
            return filled[chain];
        }

        /** Stores a row; a chain's rows come in order (a row may be stored again before the next one). */
        void set(int chain, int iteration, double[] row) {
            int block = iteration / blockLength;
            if (buffers[chain] == null) {
                buffers[chain] = new double[blockLength * variables];
                bufferedBlock[chain] = block;
            }
            if (block != bufferedBlock[chain]) {
                if (block != bufferedBlock[chain] + 1 || filled[chain] != (block) * blockLength) {
                    throw new IllegalStateException("draws streamed to disk must be stored in order: chain "
                            + (chain + 1) + " has " + filled[chain] + ", got iteration " + (iteration + 1));
                }
                flush(chain, blockLength);
                bufferedBlock[chain] = block;
            } else if (iteration > filled[chain]) {
                throw new IllegalStateException("draws streamed to disk must be stored in order: chain " + (chain + 1)
                        + " has " + filled[chain] + ", got iteration " + (iteration + 1));
            }
            System.arraycopy(row, 0, buffers[chain], (iteration - block * blockLength) * variables, variables);
            filled[chain] = Math.max(filled[chain], iteration + 1);
        }

        /** Writes the buffered block of a chain, transposed: variable by variable, {@code size} draws each. */
        private void flush(int chain, int size) {
            double[] rows = buffers[chain];
            ByteBuffer out = ByteBuffer.allocate((int) Math.max((long) size * Double.BYTES, Math.min(IO_CHUNK,
                    (long) size * variables * Double.BYTES))).order(ByteOrder.nativeOrder());
            long position = (long) bufferedBlock[chain] * variables * blockLength * Double.BYTES;
            try {
                for (int v = 0; v < variables; v++) {
                    if (out.remaining() < size * Double.BYTES) {
                        position += drain(chain, out, position);
                    }
                    for (int i = 0; i < size; i++) {
                        out.putDouble(rows[i * variables + v]);
                    }
                }
                drain(chain, out, position);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the draws to their temporary file: " + e.getMessage(), e);
            }
            written[chain] = bufferedBlock[chain] * blockLength + size;
        }

        private int drain(int chain, ByteBuffer out, long position) throws IOException {
            out.flip();
            int bytes = out.remaining();
            while (out.hasRemaining()) {
                channels[chain].write(out, position + (bytes - out.remaining()));
            }
            out.clear();
            return bytes;
        }

        /** Writes what is buffered and frees the buffers; the file then holds every stored draw. */
        SpilledDraws finish() {
            for (int c = 0; c < channels.length; c++) {
                if (buffers[c] != null && filled[c] > bufferedBlock[c] * blockLength) {
                    flush(c, filled[c] - bufferedBlock[c] * blockLength);
                }
                buffers[c] = null;
            }
            return new SpilledDraws(variables, blockLength, channels, written.clone(), lifetime);
        }
    }
}
