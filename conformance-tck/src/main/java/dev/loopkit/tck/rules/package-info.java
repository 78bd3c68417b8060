/**
 * The TCK's rule groups, one class per group: each rule's id, statement, asyncio reference and
 * check side by side. Read through {@link dev.loopkit.tck.Rules}; not API.
 */
package dev.loopkit.tck.rules;
