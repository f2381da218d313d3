package io.dora.ui.sql.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultLayoutTest {

    @Test
    void aLayoutReadsBackAsItWasWritten() {
        ResultLayout layout = new ResultLayout(new int[] { 300, 700 }, "Result 2", 14);

        assertEquals("sash=300,700;tab=Result+2;top=14", layout.format());
        assertEquals(layout, ResultLayout.parse(layout.format()));
    }

    @Test
    void tabTitlesWithTheFormatsSeparatorsSurvive() {
        ResultLayout layout = new ResultLayout(new int[] { 1, 3 }, "a;b=c%d", 0);

        assertEquals("a;b=c%d", ResultLayout.parse(layout.format()).selectedTab());
    }

    @Test
    void weightsAreKeptAsPerMilleOfTheirSum() {
        assertArrayEquals(new int[] { 448, 552 },
                new ResultLayout(new int[] { 444, 547 }, "Messages", 0).sashWeights());
        assertArrayEquals(new int[] { 250, 750 }, new ResultLayout(new int[] { 1, 3 }, "Messages", 0).sashWeights());
        assertArrayEquals(new int[] { 1, 999 }, new ResultLayout(new int[] { 1, 100_000 }, "Messages", 0).sashWeights(),
                "neither part disappears");
    }

    @Test
    void noStoredLayoutIsTheDefault() {
        assertEquals(ResultLayout.DEFAULT, ResultLayout.parse(null));
        assertEquals(ResultLayout.DEFAULT, ResultLayout.parse(""));
        assertArrayEquals(new int[] { 450, 550 }, ResultLayout.DEFAULT.sashWeights());
        assertEquals("Messages", ResultLayout.DEFAULT.selectedTab());
    }

    @Test
    void whatCannotBeReadFallsBackPartByPart() {
        ResultLayout layout = ResultLayout.parse("sash=0,10;tab=Result+1;top=x;unknown=1;garbage");

        assertArrayEquals(new int[] { 450, 550 }, layout.sashWeights(), "a zero weight would hide a part");
        assertEquals("Result 1", layout.selectedTab());
        assertEquals(0, layout.topLine());
        assertArrayEquals(new int[] { 450, 550 }, ResultLayout.parse("sash=1,2,3").sashWeights());
        assertEquals(0, ResultLayout.parse("top=-5").topLine());
        assertEquals("Messages", ResultLayout.parse("tab=%zz").selectedTab());
    }

    @Test
    void theWeightsCannotBeChangedFromOutside() {
        int[] weights = { 300, 700 };
        ResultLayout layout = new ResultLayout(weights, "Messages", 0);
        weights[0] = 99;
        layout.sashWeights()[1] = 99;

        assertArrayEquals(new int[] { 300, 700 }, layout.sashWeights());
    }
}
