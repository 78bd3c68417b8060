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
