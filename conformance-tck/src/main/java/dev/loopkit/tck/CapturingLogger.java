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

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A logger of {@link LogCapture}: every event, at any level, goes to the rule whose thread logged
 * it; the events its delegate has enabled go on to the delegate.
 */
final class CapturingLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Logger delegate;

    CapturingLogger(String name, Logger delegate) {
        this.name = name;
        this.delegate = delegate;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable error) {
        RuleScope.log(new LoggedEvent(name, level, MessageFormatter.basicArrayFormat(pattern, arguments), error));
        if (!delegate.isEnabledForLevel(level)) {
            return;
        }
        LoggingEventBuilder event = delegate.atLevel(level).setCause(error);
        if (marker != null) {
            event = event.addMarker(marker);
        }
        event.log(pattern, arguments == null ? new Object[0] : arguments);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    // Every level is enabled: the kit sees what the loop logs whatever the delegate shows.

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
