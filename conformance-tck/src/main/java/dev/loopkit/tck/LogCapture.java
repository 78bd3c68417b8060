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

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Lets the kit read what a loop logs, for the rules on behaviour seen only in the log (the default
 * exception handler, slow-callback warnings). Select it with the system property
 * {@code -Dslf4j.provider=dev.loopkit.tck.LogCapture} (SLF4J 2.0.9 or later); without it those
 * rules are skipped and say so. {@code loopkit certify} selects it in the JVM it certifies in.
 *
 * <p>It records each event on the rule thread (or a thread the rule started) that logged it, and
 * passes every event on to the SLF4J provider found on the class path as usual, so the output
 * looks as it would without it; with no other provider the events are only recorded.
 * Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class LogCapture implements SLF4JServiceProvider {

    private static volatile boolean active;

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    /** Called by SLF4J's {@code LoggerFactory}; applications do not construct it. */
    public LogCapture() {
    }

    /** {@return whether SLF4J runs with this provider, so that the loop's log can be read} */
    public static boolean isActive() {
        return active;
    }

    @Override
    public void initialize() {
        SLF4JServiceProvider delegate = null;
        for (SLF4JServiceProvider candidate : ServiceLoader.load(SLF4JServiceProvider.class)) {
            if (!(candidate instanceof LogCapture)) {
                delegate = candidate;
                break;
            }
        }
        if (delegate == null) {
            markerFactory = new BasicMarkerFactory();
            mdcAdapter = new NOPMDCAdapter();
            loggerFactory = capturing(new NOPLoggerFactory());
        } else {
            delegate.initialize();
            markerFactory = delegate.getMarkerFactory();
            mdcAdapter = delegate.getMDCAdapter();
            loggerFactory = capturing(delegate.getLoggerFactory());
        }
        active = true;
    }

    private static ILoggerFactory capturing(ILoggerFactory delegate) {
        return name -> new CapturingLogger(name, delegate.getLogger(name));
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
