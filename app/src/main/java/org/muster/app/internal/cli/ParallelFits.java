package org.muster.app.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.muster.core.spi.FitListener;

/**
 * Runs many independent fits on a pool of threads, one fit per task, reporting each to a progress bar. A
 * cancelled listener (Ctrl-C) stops the fits running (they return cut short) and those not started; the
 * fits finished are kept.
 */
final class ParallelFits {

    private ParallelFits() {
    }

    /**
     * Runs {@code task(0) .. task(count - 1)}.
     *
     * @param threads how many fits run at once
     * @param cancellation read before each fit starts
     * @param failed whether a result is a failure, for the progress bar
     * @return the results in task order, empty for tasks not started because of a cancellation
     */
    static <T> List<Optional<T>> run(int count, int threads, IntFunction<T> task, FitListener cancellation,
            Predicate<T> failed, CountProgress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)), runnable -> {
            Thread thread = new Thread(runnable, "muster-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<T>>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) {
                        return Optional.<T>empty();
                    }
                    T result = task.apply(index);
                    progress.done(failed.test(result));
                    return Optional.of(result);
                }));
            }
            List<Optional<T>> results = new ArrayList<>(count);
            for (Future<Optional<T>> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the fits", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
