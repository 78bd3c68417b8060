package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TckSettingsTest {

    @Test
    void thisBuildCertifiesTheDefaultLoopAtTheSpinesScale() {
        // The spine asks for 8 threads x 100,000 callSoonThreadsafe calls: TS-01 at that scale.
        assertEquals(100_000, TckSettings.fromEnvironment().threadsafeCallsPerThread());
        assertEquals(Duration.ofSeconds(10), TckSettings.fromEnvironment().timeout());
    }

    @Test
    void aBadSettingIsAClearError() {
        String previous = System.getProperty("loopkit.tck.timeout");
        System.setProperty("loopkit.tck.timeout", "soon");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TckSettings::fromEnvironment);
            assertEquals("-Dloopkit.tck.timeout=soon must be a positive whole number", e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("loopkit.tck.timeout");
            } else {
                System.setProperty("loopkit.tck.timeout", previous);
            }
        }
    }
}
