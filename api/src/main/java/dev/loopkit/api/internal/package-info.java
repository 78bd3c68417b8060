/**
 * State shared between the API and the SPI, and the coroutine machinery. Not API: exported only
 * to {@code dev.loopkit.spi}, whose {@code TaskRegistry} and {@code BaseEventLoop} are the doors
 * vendors use. In asyncio this state lives in module globals of {@code asyncio} itself.
 */
package dev.loopkit.api.internal;
