package io.dora.ui.sql.internal.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RowBufferTest {

    @Test
    void theWriterWaitsUntilTheReaderAsksForMoreRows() throws Exception {
        RowBuffer buffer = new RowBuffer(10, 1_000, true);
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            try {
                for (long i = 0; i < 100 && buffer.offer(new Object[] { i }); i++) {
                    written.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        awaitReceived(buffer, 10);
        Thread.sleep(100);
        assertEquals(10, buffer.received(), "no row beyond the first page before the reader scrolls");
        assertTrue(buffer.waitingForDemand());

        buffer.demand(25);
        awaitReceived(buffer, 35);
        assertArrayEquals(new Object[] { 34L }, buffer.row(34));

        buffer.stop();
        writer.join(5_000);
        assertFalse(writer.isAlive(), "stop releases the waiting writer");
        assertEquals(35, written.get());
    }

    @Test
    void onlyTheLastRowsUpToTheCapacityStayInMemory() throws Exception {
        RowBuffer buffer = new RowBuffer(10, 100, true);
        buffer.demand(1_000);
        for (long i = 0; i < 250; i++) {
            assertTrue(buffer.offer(new Object[] { i }));
        }
        assertEquals(250, buffer.received());
        assertEquals(150, buffer.firstIndex());
        assertNull(buffer.row(149), "dropped to bound the memory");
        assertArrayEquals(new Object[] { 150L }, buffer.row(150));
        assertArrayEquals(new Object[] { 249L }, buffer.row(249));
        assertNull(buffer.row(250), "not received yet");
    }

    @Test
    void withoutWaitingTheWriterStopsAtTheCapacity() throws Exception {
        RowBuffer buffer = new RowBuffer(10, 50, false);
        long accepted = 0;
        while (accepted < 1_000 && buffer.offer(new Object[] { accepted })) {
            accepted++;
        }
        assertEquals(50, accepted);
        assertArrayEquals(new Object[] { 0L }, buffer.row(0));
    }

    private static void awaitReceived(RowBuffer buffer, long rows) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (buffer.received() < rows && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(rows, buffer.received());
    }
}
