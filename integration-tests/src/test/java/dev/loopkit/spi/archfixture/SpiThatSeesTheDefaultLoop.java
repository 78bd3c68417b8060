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
package dev.loopkit.spi.archfixture;

import dev.loopkit.impl.DefaultProvider;

/** Breaks "spi sees only api" and "nobody sees the default loop"; used only to prove they can fail. */
public final class SpiThatSeesTheDefaultLoop {

    private SpiThatSeesTheDefaultLoop() {
    }

    static String name() {
        return new DefaultProvider().name();
    }
}
