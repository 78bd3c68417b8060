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
package dev.loopkit.cli;

/**
 * The command's logging defaults, set in code before the first logger exists rather than shipped
 * as a {@code simplelogger.properties} in the jar, which would silently configure every JVM that
 * has the jar on its class path. An operator's own {@code -Dorg.slf4j.simpleLogger...} settings win.
 */
final class CliLogging {

    private static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private CliLogging() {
    }

    /** Only warnings and errors: the command prints what it has to say itself. */
    static void warningsOnly() {
        if (System.getProperty(DEFAULT_LEVEL) == null) {
            System.setProperty(DEFAULT_LEVEL, "warn");
        }
    }
}
