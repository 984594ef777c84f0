package adapters.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import adapters.emulator.websocket.capacity.CapacityProbe;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds 2,000 connections open and reports what they cost; the numbers are printed, never asserted
 * (10,000 is the manual run documented in docs/local-gateway.md).
 */
class CapacityIT {
    private static final Logger LOG = LoggerFactory.getLogger(CapacityIT.class);

    @Test
    void twoThousandConnections_allOpenAtOnce() throws Exception {
        CapacityProbe.Report report = CapacityProbe.run(2_000, 200);

        LOG.info("capacity: {}", report);
        assertThat(report.opened()).isEqualTo(2_000);
        assertThat(report.serverOpen()).isEqualTo(2_000);
    }
}
