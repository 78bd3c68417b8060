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
 * The default loopkit loop on {@code java.nio} selectors. Found through {@code ServiceLoader}
 * like any vendor's loop: nothing else depends on this module, and it exports no package.
 */
module dev.loopkit.impl {
    requires dev.loopkit.spi;
    requires org.slf4j;
    requires static com.google.auto.service;

    provides dev.loopkit.spi.EventLoopProvider with dev.loopkit.impl.DefaultProvider;
}
