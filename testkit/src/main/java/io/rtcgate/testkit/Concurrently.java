package io.rtcgate.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the same work in several threads that are released together, to provoke races. Each thread first
 * prepares (e.g. loads a row), then all wait at a barrier, then all act at once.
 */
public final class Concurrently {

    private static final long TIMEOUT_SECONDS = 60;

    private Concurrently() {
    }

    /** What one thread's action returned or threw. */
    public record Outcome<T>(T value, Throwable error) {

        public boolean succeeded() {
            return error == null;
        }
    }

    public static <P, T> List<Outcome<T>> run(int threads, Supplier<P> prepare, Function<P, T> act) {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    P prepared = prepare.get();
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    try {
                        return new Outcome<T>(act.apply(prepared), null);
                    } catch (RuntimeException | AssertionError e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("a racing thread did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts the outcomes that succeeded. */
    public static long successes(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().filter(Outcome::succeeded).count();
    }

    /** Counts the outcomes that failed with exactly {@code type}. */
    public static long failuresOf(List<? extends Outcome<?>> outcomes, Class<? extends Throwable> type) {
        return outcomes.stream().filter(outcome -> type.isInstance(outcome.error())).count();
    }
}
