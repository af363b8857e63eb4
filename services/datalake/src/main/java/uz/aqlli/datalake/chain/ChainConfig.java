package uz.aqlli.datalake.chain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The tamper-evident record's settings ({@code aqlli.datalake.transparency.*}). */
@ConfigMapping(prefix = "aqlli.datalake.transparency")
public interface ChainConfig {

    /**
     * The secret the lake's Ed25519 signing key is made from (its seed is HKDF-SHA-256 of the secret,
     * {@link ChainKey}). The launcher generates it on first start (secret {@code lake-signing}) and
     * passes it as {@code AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET}; without it the lake will not
     * start, but in dev and test, where a key is made for the run.
     */
    Optional<String> signingSecret();

    /** How often a checkpoint is signed when the chain grew ({@code off}: only on request). */
    @WithDefault("10s")
    String checkpointEvery();
}
