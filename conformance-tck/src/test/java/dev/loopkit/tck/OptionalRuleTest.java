/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.broken.BrokenProviders;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** An optional rule is skipped, with the reason, for a provider without its capability. */
class OptionalRuleTest {

    private static final TckSettings SETTINGS = new TckSettings(Duration.ofSeconds(5), 100);

    @Test
    void anOptionalRuleIsSkippedWithTheReasonWhenTheCapabilityIsMissing() {
        AtomicInteger ran = new AtomicInteger();
        RuleCheck udpRule = RuleGroup.optional("ZZ-01", "udp", "a UDP round trip works", "create_datagram_endpoint",
                "the datagram transport",
                tck -> ran.incrementAndGet());
        Kit kit = new Kit(new BrokenProviders.Correct());
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> kit.verify(udpRule, SETTINGS));
        assertTrue(skipped.getMessage().contains("optional rule skipped: provider 'correct' does not declare"
                + " capability 'udp'"), skipped.getMessage());
        assertEquals(0, ran.get());
    }

    @Test
    void anOptionalRuleRunsWhenTheCapabilityIsDeclared() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        RuleCheck udpRule = RuleGroup.optional("ZZ-01", "udp", "a UDP round trip works", "create_datagram_endpoint",
                "the datagram transport",
                tck -> ran.incrementAndGet());
        EventLoopProvider correct = new BrokenProviders.Correct();
        Kit kit = new Kit(new EventLoopProvider() {
            @Override
            public String name() {
                return "with-udp";
            }

            @Override
            public Set<String> capabilities() {
                return Set.of("udp");
            }

            @Override
            public dev.loopkit.api.EventLoop newEventLoop() {
                return correct.newEventLoop();
            }
        });
        kit.verify(udpRule, SETTINGS);
        assertEquals(1, ran.get());
        assertTrue(!udpRule.rule().required());
    }

    private static final class Kit extends EventLoopConformance {
        private final EventLoopProvider provider;

        Kit(EventLoopProvider provider) {
            this.provider = provider;
        }

        @Override
        protected EventLoopProvider provider() {
            return provider;
        }
    }
}
