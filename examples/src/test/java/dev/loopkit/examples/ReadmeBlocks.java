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
package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks that README.md shows a marked block of an example's source exactly as it is. */
final class ReadmeBlocks {

    private static final Path README = Path.of("../README.md");

    private ReadmeBlocks() {
    }

    /** Fails unless README.md contains each block between "// README:MARKER" and "// README:end" of {@code example}. */
    static void assertShown(String example, String... markers) throws IOException {
        Path source = Path.of("src/main/java/dev/loopkit/examples/" + example + ".java");
        String readme = Files.readString(README);
        for (String marker : markers) {
            String block = block(source, marker);
            assertTrue(readme.contains(block), () -> "README.md does not show " + source.getFileName() + "'s '"
                    + marker + "' block as it is:\n" + block);
        }
    }

    /** Fails unless README.md contains {@code text} (output shown as it runs). */
    static void assertShownAsRun(String what, String text) throws IOException {
        assertTrue(Files.readString(README).contains(text), () -> "README.md does not show " + what
                + " as it runs:\n" + text);
    }

    /** The lines between "// README:MARKER" and "// README:end", without their common indentation. */
    private static String block(Path source, String marker) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = indexOf(source, lines, "// README:" + marker) + 1;
        int end = indexOf(source, lines.subList(start, lines.size()), "// README:end") + start;
        List<String> body = lines.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()) + "\n";
    }

    private static int indexOf(Path source, List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + marker + "' in " + source);
    }
}
