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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why one candidate won or lost a {@link Selection}.
 *
 * @param candidate the candidate; never null
 * @param chosen whether it is the chosen provider
 * @param reason why, e.g. {@code "highest priority"} or {@code "lower priority (0 < 10)"}; never null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Verdict(Candidate candidate, boolean chosen, String reason) {
}
