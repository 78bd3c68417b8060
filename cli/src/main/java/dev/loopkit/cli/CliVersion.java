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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this command was built as, from the {@code build.properties} the build fills in. */
final class CliVersion {

    private static final String VALUE = read();

    private CliVersion() {
    }

    /** {@return the build's version, e.g. {@code 0.1.0-SNAPSHOT}} */
    static String get() {
        return VALUE;
    }

    private static String read() {
        Properties build = new Properties();
        try (InputStream in = CliVersion.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the loopkit command's jar;"
                        + " rebuild it with ./run");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the loopkit command's build.properties", e);
        }
        return build.getProperty("version");
    }
}
