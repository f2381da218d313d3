package io.dora.ui.sql.internal.results;

/**
 * The rows of one result set between the streaming query and the grid. The executing thread {@link #offer}s
 * rows and waits while the reader has not asked for more ({@link #demand}), so the server cursor only moves as
 * the user scrolls; at most {@code capacity} rows stay in memory, the oldest dropped first, so a huge result
 * never loads whole. Thread-safe; no UI code, so it is tested without a display.
 */
public final class RowBuffer {

    private final int page;
    private final int capacity;
    private final boolean waitForDemand;
    /** A ring: row i lives at {@code i % capacity} while {@code i >= firstIndex}. */
    private final Object[][] window;
    private long firstIndex;
    private long received;
    private long demanded;
    private boolean stopped;
    private boolean finished;
    private boolean truncated;
    private long finishedNanos;

    /**
     * @param page          rows fetched ahead of the last row asked for
     * @param capacity      rows kept in memory at most
     * @param waitForDemand whether the writer waits for the reader; otherwise it stops at the capacity
     */
    public RowBuffer(int page, int capacity, boolean waitForDemand) {
        this.page = page;
        this.capacity = capacity;
        this.waitForDemand = waitForDemand;
        this.demanded = waitForDemand ? page : capacity;
        this.window = new Object[capacity][];
    }

    /**
     * Adds a row, waiting while the reader wants no more.
     *
     * @return false when the reader stopped the buffer or, without waiting, it is full: stop reading
     */
    public synchronized boolean offer(Object[] row) throws InterruptedException {
        while (waitForDemand && !stopped && received >= demanded) {
            wait();
        }
        if (stopped || received >= demanded) {
            return false;
        }
        window[(int) (received % capacity)] = row;
        received++;
        firstIndex = Math.max(firstIndex, received - capacity);
        return true;
    }

    /** The row at the index, or null when it was not received yet or was dropped to bound the memory. */
    public synchronized Object[] row(long index) {
        if (index < firstIndex || index >= received) {
            return null;
        }
        return window[(int) (index % capacity)];
    }

    /** Asks the writer for the rows up to the index and a page beyond. */
    public synchronized void demand(long index) {
        if (index + page > demanded) {
            demanded = index + page;
            notifyAll();
        }
    }

    /** Stops the writer: the next {@link #offer} returns false. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** The result set ended; {@code truncated} when rows were left unread. */
    public synchronized void finish(boolean truncated) {
        finished = true;
        finishedNanos = System.nanoTime();
        this.truncated = truncated;
        notifyAll();
    }

    /** The rows kept in memory at most. */
    public int capacity() {
        return capacity;
    }

    /** When {@link #finish} was called, in {@link System#nanoTime()}; 0 before. */
    public synchronized long finishedNanos() {
        return finishedNanos;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized long firstIndex() {
        return firstIndex;
    }

    public synchronized boolean finished() {
        return finished;
    }

    /** Whether rows were left unread when the result set ended. */
    public synchronized boolean truncated() {
        return truncated;
    }

    /** Whether the writer waits for the reader to ask for more rows. */
    public synchronized boolean waitingForDemand() {
        return !finished && !stopped && waitForDemand && received >= demanded;
    }
}
