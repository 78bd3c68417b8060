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
package dev.loopkit.impl;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.spi.ReadinessEventLoop;
import java.util.Set;

/**
 * Provides the default loop, {@link SelectorEventLoop}, under the name {@value #NAME}. Registered
 * for {@link java.util.ServiceLoader} by AutoService (class path) and by {@code provides} in
 * {@code module-info.java} (module path). Its priority is 0, so a vendor's loop with a higher
 * priority wins when no provider is named. Stateless and thread-safe.
 */
@AutoService(EventLoopProvider.class)
public final class DefaultProvider implements EventLoopProvider {

    /** The provider's name. */
    public static final String NAME = "default";

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
    public DefaultProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    /** Everything the readiness layer gives: TCP, Unix-domain, UDP, readiness callbacks and signals. */
    @Override
    public Set<String> capabilities() {
        return ReadinessEventLoop.CAPABILITIES;
    }

    @Override
    public EventLoop newEventLoop() {
        return new SelectorEventLoop();
    }
}
