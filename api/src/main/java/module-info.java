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
 * The loopkit API: the event loop, future, task, handle and coroutine contracts that
 * application code is written against. Depends on nothing but the JDK.
 *
 * <p>The package {@code dev.loopkit.api.internal} holds the little shared state that asyncio keeps
 * as module globals (the task registry, the running loop) and the coroutine machinery; it is
 * exported only to {@code dev.loopkit.spi}, whose {@code TaskRegistry} and {@code BaseEventLoop}
 * are the vendor-facing doors to it.
 */
@SuppressWarnings("module") // the qualified export names a module compiled after this one
module dev.loopkit.api {
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.api;
    exports dev.loopkit.api.internal to dev.loopkit.spi;
}
