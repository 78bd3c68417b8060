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
package dev.loopkit.spi;

/**
 * What uses a channel a {@link ReadinessEventLoop} opened: a transport, a server or a connect in
 * progress. Its {@code toString} names it in the error for a user who hands the channel to
 * {@code addReader} or a {@code sock*} operation.
 */
interface OwnedChannel {

    /** The loop is closing: release the channel at once, calling no protocol. */
    void closeForShutdown();
}
