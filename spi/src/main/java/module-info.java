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
/**
 * The loopkit SPI: what a third-party loop vendor implements. A provider
 * ({@link dev.loopkit.spi.EventLoopProvider}, found by {@code ServiceLoader}), the
 * {@link dev.loopkit.spi.BaseEventLoop} that gives a vendor the whole public behaviour for a few
 * hooks, the built-in future and task a vendor may reuse, and the task registry.
 */
module dev.loopkit.spi {
    requires transitive dev.loopkit.api;
    requires org.slf4j;
    // sun.misc.Signal: the JDK's only way to handle a signal (addSignalHandler).
    requires jdk.unsupported;
    // The loop's flight-recorder events (slow callbacks, long iterations, task lifetimes).
    requires jdk.jfr;
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.spi;
}
