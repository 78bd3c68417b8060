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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.slf4j.event.Level;

/**
 * One record a loop logged through SLF4J while a rule ran, as {@link LogCapture} saw it.
 *
 * @param logger the logger's name
 * @param level the record's level
 * @param message the message with its arguments filled in
 * @param error the throwable logged with it, or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoggedEvent(String logger, Level level, String message, Throwable error) {
}
