package io.dora.vault.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the vault's idle check periodically while the vault is unlocked. The thread exists only while
 * unlocked, so a locked vault holds no thread and needs no closing.
 */
final class IdleLockTimer {

    private static final Duration MIN_PERIOD = Duration.ofMillis(20);
    private static final Duration MAX_PERIOD = Duration.ofSeconds(15);

    private final Runnable idleCheck;
    private ScheduledExecutorService executor;

    IdleLockTimer(Runnable idleCheck) {
        this.idleCheck = idleCheck;
    }

    /** (Re)starts checking, a few times per timeout so the lock comes at most a quarter late. */
    synchronized void start(Duration timeout) {
        stop();
        if (timeout.isZero()) {
            return;
        }
        Duration quarter = timeout.dividedBy(4);
        long periodMillis = Math.max(MIN_PERIOD.toMillis(), Math.min(MAX_PERIOD.toMillis(), quarter.toMillis()));
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dora-vault-auto-lock");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(idleCheck, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops checking; safe to call from the check itself. */
    synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }
}
