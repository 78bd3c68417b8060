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

import java.util.regex.Pattern;

/** Names of the files a certification writes, made safe whatever name a provider gives itself. */
final class ReportFiles {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");

    private ReportFiles() {
    }

    /**
     * Returns a file name for {@code providerName} that stays inside the report directory: letters,
     * digits, '.', '_' and '-' only, never starting with a dot (so never "." or ".."), never empty.
     */
    static String directoryName(String providerName) {
        String cleaned = UNSAFE.matcher(providerName.strip()).replaceAll("_");
        cleaned = LEADING_DOTS.matcher(cleaned).replaceAll(dots -> "_".repeat(dots.group().length()));
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }
}
