package io.rtcgate.domain.vendor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The one decorator in front of every vendor port. A call that reaches the vendor's cloud
 * ({@link Capability#callsVendor()}) is refused while the vendor's circuit is open, plays the fault
 * injected for the vendor, if any, is cut off after the call timeout, and its outcome is recorded for
 * the vendor's health. Local signing passes straight through: it cannot fail at the vendor. Every call, local or not,
 * is told to the {@link VendorCallObserver} with its outcome and latency.
 *
 * <p>Guarded ports are dynamic proxies of the port interfaces, so a new port is guarded without a line
 * written for it. Calls run on a pool of their own so that a call stuck in an SDK cannot outlive its
 * timeout on the caller's thread.
 */
public final class PortGuard implements AutoCloseable {

    /** Vendor calls in flight at once on this node; more are refused rather than queued behind a stuck vendor. */
    static final int MAX_CALLS_IN_FLIGHT = 256;

    private final VendorHealth health;
    private final VendorFaults faults;
    private final Duration timeout;
    private final DoubleSupplier random;
    private final VendorCallObserver observer;
    private final ThreadPoolExecutor calls;

    /** A guard whose calls nobody observes. */
    public PortGuard(VendorHealth health, VendorFaults faults, Duration timeout, DoubleSupplier random) {
        this(health, faults, timeout, random, VendorCallObserver.NONE);
    }

    /**
     * @param random a uniform value in [0, 1) per call, to decide which calls an error-rate fault fails
     * @param observer told about every call once it is over
     */
    public PortGuard(VendorHealth health, VendorFaults faults, Duration timeout, DoubleSupplier random,
                     VendorCallObserver observer) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the vendor call timeout must be positive, not " + timeout);
        }
        this.health = health;
        this.faults = faults;
        this.timeout = timeout;
        this.random = random;
        this.observer = observer;
        AtomicInteger threads = new AtomicInteger();
        this.calls = new ThreadPoolExecutor(0, MAX_CALLS_IN_FLIGHT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "vendor-call-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code adapter} behind the guard, as its {@code capability}'s port. */
    public <P extends VendorPort> P guard(Capability capability, P adapter) {
        if (!capability.port().isInstance(adapter)) {
            throw new IllegalArgumentException(adapter.getClass().getName() + " does not implement " + capability.port().getName());
        }
        @SuppressWarnings("unchecked")
        Class<P> port = (Class<P>) capability.port();
        InvocationHandler handler = (proxy, method, args) -> invoke(capability, adapter, method, args);
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private Object invoke(Capability capability, VendorPort adapter, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class || method.getDeclaringClass() == VendorPort.class) {
            return direct(adapter, method, args);
        }
        long started = System.nanoTime();
        String outcome = VendorCallObserver.ERROR;
        try {
            Object result = capability.callsVendor() ? guarded(capability, adapter, method, args) : direct(adapter, method, args);
            outcome = VendorCallObserver.SUCCESS;
            return result;
        } catch (VendorException e) {
            outcome = VendorCallObserver.outcomeOf(e);
            throw e;
        } finally {
            observer.observed(adapter.vendor(), capability, method.getName(), outcome,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Object guarded(Capability capability, VendorPort adapter, Method method, Object[] args) throws Throwable {
        Vendor vendor = adapter.vendor();
        String operation = method.getName();
        if (!health.tryAcquire(vendor)) {
            throw new VendorException(vendor, operation, VendorException.Kind.UNAVAILABLE, "circuit_open",
                    "the gateway stopped calling it after repeated failures; it is retried after a cool-down");
        }
        boolean settled = false;
        try {
            Object result = withTimeout(vendor, operation, () -> {
                playFault(vendor, operation);
                return direct(adapter, method, args);
            });
            health.recordSuccess(vendor);
            settled = true;
            return result;
        } catch (VendorException e) {
            if (e.kind().countsAgainstHealth()) {
                health.recordFailure(vendor, capability, e.getMessage());
                settled = true;
            }
            throw e;
        } finally {
            // anything else (a refusal, an adapter bug, even an Error) frees a half-open trial slot
            if (!settled) {
                health.recordNeutral(vendor);
            }
        }
    }

    private void playFault(Vendor vendor, String operation) throws InterruptedException {
        var fault = faults.active(vendor);
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get().kind()) {
            case OUTAGE -> throw new VendorException(vendor, operation, VendorException.Kind.TRANSPORT, "injected_outage",
                    "not reached: an injected outage");
            case ERRORS -> {
                if (random.getAsDouble() < fault.get().errorRate()) {
                    throw new VendorException(vendor, operation, VendorException.Kind.SERVER_ERROR, "injected_error",
                            "an injected server error");
                }
            }
            case LATENCY -> Thread.sleep(fault.get().latency().toMillis());
        }
    }

    private Object withTimeout(Vendor vendor, String operation, Callable<Object> call) throws Throwable {
        Future<Object> future;
        try {
            future = calls.submit(call);
        } catch (RejectedExecutionException e) {
            throw new VendorException(vendor, operation, VendorException.Kind.UNAVAILABLE, "too_many_calls",
                    MAX_CALLS_IN_FLIGHT + " vendor calls are in flight on this node already");
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new VendorException(vendor, operation, VendorException.Kind.TIMEOUT, null, "no answer within " + timeout);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new VendorException(vendor, operation, VendorException.Kind.TRANSPORT, null,
                    "interrupted while waiting for the answer");
        }
    }

    /** Calls the adapter itself, rethrowing what it threw as it threw it. */
    private static Object direct(VendorPort adapter, Method method, Object[] args) throws Exception {
        try {
            return method.invoke(adapter, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
