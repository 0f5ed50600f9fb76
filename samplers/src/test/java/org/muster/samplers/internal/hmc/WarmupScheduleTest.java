package org.muster.samplers.internal.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupScheduleTest {

    private static List<Integer> windowEnds(WarmupSchedule schedule, int warmup) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            if (schedule.closesWindow(i)) {
                ends.add(i);
            }
        }
        return ends;
    }

    @Test
    void stansDefaultScheduleFor1000Iterations() {
        // 75 fast, then slow windows of 25, 50, 100, 200 and a last one stretched to 500, then 50 fast.
        WarmupSchedule schedule = new WarmupSchedule(1000, 75, 50, 25);
        assertEquals(List.of(99, 149, 249, 449, 949), windowEnds(schedule, 1000));
        WarmupSchedule fresh = new WarmupSchedule(1000, 75, 50, 25);
        assertFalse(fresh.inSlowWindow(74));
        assertEquals(true, fresh.inSlowWindow(75));
        assertEquals(true, fresh.inSlowWindow(949));
        assertFalse(fresh.inSlowWindow(950));
    }

    @Test
    void shortWarmupsScaleTheBuffersAsStanDoes() {
        // 15% / 75% / 10% of 100: one slow window from 15 to 89.
        WarmupSchedule schedule = new WarmupSchedule(100, 75, 50, 25);
        assertEquals(15, schedule.initBuffer());
        assertEquals(10, schedule.termBuffer());
        assertEquals(75, schedule.baseWindow());
        assertEquals(List.of(89), windowEnds(schedule, 100));
    }

    @Test
    void veryShortWarmupsAdaptTheStepSizeOnly() {
        WarmupSchedule schedule = new WarmupSchedule(19, 75, 50, 25);
        assertFalse(schedule.metricAdapted());
        assertEquals(List.of(), windowEnds(schedule, 19));
    }

    @Test
    void aWarmupOf150FitsTheDefaults() {
        // 75 + 25 + 50 = 150: one slow window of 25.
        assertEquals(List.of(99), windowEnds(new WarmupSchedule(150, 75, 50, 25), 150));
        // 200: windows of 25 then one stretched to the terminal buffer.
        assertEquals(List.of(99, 149), windowEnds(new WarmupSchedule(200, 75, 50, 25), 200));
    }
}
