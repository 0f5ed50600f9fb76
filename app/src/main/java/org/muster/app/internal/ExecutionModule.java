package org.muster.app.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Where chains run: a daemon thread pool with one thread per core. */
public final class ExecutionModule extends AbstractModule {

    @Provides
    @Singleton
    ExecutorService chainExecutor() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "muster-chain");
            thread.setDaemon(true);
            return thread;
        });
    }
}
