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

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * No provider could be chosen: the requested one does not exist, is unavailable, failed, lacks a
 * required capability or shares its name with another; or no available provider fits. The message
 * says which, and lists every candidate and why it is or is not usable.
 */
@API(status = STABLE, since = "0.1")
public class ProviderSelectionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<Verdict> verdicts;

    /**
     * Creates the exception.
     *
     * @param problem the first line: what went wrong and what to do
     * @param verdicts every candidate and why it is or is not usable
     */
    public ProviderSelectionException(String problem, List<Verdict> verdicts) {
        super(problem + (verdicts.isEmpty() ? "\n  (no provider is registered: add a loopkit provider jar,"
                + " such as loopkit-default, to the class path or module path)"
                : "\nProviders found:\n" + Selection.table(verdicts)));
        this.verdicts = List.copyOf(verdicts);
    }

    /** {@return every candidate and why it is or is not usable} */
    public List<Verdict> verdicts() {
        return verdicts;
    }
}
