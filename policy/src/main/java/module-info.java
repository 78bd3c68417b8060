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
 * The loopkit policy: discovers {@link dev.loopkit.spi.EventLoopProvider}s with
 * {@link java.util.ServiceLoader}, picks one at start-up, explains the choice, and gives
 * application code its entry points ({@link dev.loopkit.policy.Loops},
 * {@link dev.loopkit.policy.Runner}, {@link dev.loopkit.policy.LoopPolicy}).
 */
module dev.loopkit.policy {
    requires transitive dev.loopkit.spi;
    requires org.slf4j;
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.policy;

    uses dev.loopkit.spi.EventLoopProvider;
}
