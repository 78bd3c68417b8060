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
package dev.loopkit.policy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/** Builds policies that see the test providers and ignore the real system property and environment. */
abstract class PolicyTestSupport {

    static final Function<String, String> NOTHING_SET = key -> null;

    @AfterEach
    void forgetDefaultPolicy() {
        LoopPolicy.resetDefault();
    }

    static LoopPolicy.Builder isolated() {
        return LoopPolicy.builder().systemProperties(NOTHING_SET).environment(NOTHING_SET);
    }

    static Function<String, String> only(String key, String value) {
        return Map.of(key, value)::get;
    }

    static Verdict verdictOf(Selection selection, String name) {
        return selection.verdicts().stream().filter(v -> name.equals(v.candidate().name())).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + name + " in\n" + selection.explain()));
    }
}
