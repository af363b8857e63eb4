package uz.aqlli.datalake.chain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The tamper-evident record's settings ({@code aqlli.datalake.transparency.*}). */
@ConfigMapping(prefix = "aqlli.datalake.transparency")
public interface ChainConfig {

    /**
     * The secret the lake's Ed25519 signing key is made from (its seed is the secret's SHA-256). The
     * launcher generates it on first start (secret {@code lake-signing}) and passes it as
     * {@code AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET}; without it, a key is made for this run only
     * and its checkpoints verify against their own public key but not across restarts.
     */
    Optional<String> signingSecret();

    /** How often a checkpoint is signed when the chain grew ({@code off}: only on request). */
    @WithDefault("10s")
    String checkpointEvery();
}
