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
