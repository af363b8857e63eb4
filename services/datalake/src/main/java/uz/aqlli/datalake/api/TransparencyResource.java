package uz.aqlli.datalake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.aqlli.datalake.chain.ChainCheckpoints;
import uz.aqlli.datalake.chain.ChainKey;
import uz.aqlli.datalake.chain.ChainVerification;
import uz.aqlli.datalake.chain.Checkpoint;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The lake's tamper-evident record (docs/transparency.md): its signed checkpoints and public key for
 * anyone (the gateway lets exactly these GETs through unsigned), its verification for the republic.
 */
@Path("/transparency")
@Tag(name = "Transparency", description = "Signed checkpoints of the lake's hash chain of every event, and its verification")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    /** A checkpoint as published; {@code signed} is the exact text the signature is over. */
    public record PublishedCheckpoint(long treeSize, String rootHash, long lastSeq, Instant issuedAt, String signed,
                                      String signature, String publicKey) {
        static PublishedCheckpoint of(Checkpoint c) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new PublishedCheckpoint(c.treeSize(), b64.encodeToString(c.rootHash()), c.lastSeq(), c.issuedAt(),
                    new String(c.signed(), java.nio.charset.StandardCharsets.UTF_8), b64.encodeToString(c.signature()),
                    b64.encodeToString(c.publicKey()));
        }
    }

    public record CheckpointPage(PublishedCheckpoint latest, List<PublishedCheckpoint> checkpoints, Long nextBefore) {
    }

    public record PublicKey(String algorithm, String publicKey, String pem) {
    }

    private final ChainCheckpoints checkpoints;
    private final ChainVerification verification;
    private final ChainKey key;
    private final Caller caller;

    TransparencyResource(ChainCheckpoints checkpoints, ChainVerification verification, ChainKey key, Caller caller) {
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.key = key;
        this.caller = caller;
    }

    @GET
    @Path("/checkpoints")
    @PermitAll
    @Operation(operationId = "transparencyCheckpoints", summary = "The latest signed checkpoint and a page of them, newest first "
            + "(before: a tree size, the page's end; limit 1-500, default 50); public")
    public CheckpointPage checkpoints(@QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (before != null && before < 1) {
            throw ProblemException.invalidField("before", "must be a tree size of at least 1");
        }
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidField("limit", "must be between 1 and 500");
        }
        List<PublishedCheckpoint> page = checkpoints.page(before == null ? Long.MAX_VALUE : before, limit).stream()
                .map(PublishedCheckpoint::of).toList();
        Long next = page.size() == limit ? page.get(page.size() - 1).treeSize() : null;
        return new CheckpointPage(checkpoints.latest().map(PublishedCheckpoint::of).orElse(null), page, next);
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "issueTransparencyCheckpoint", summary = "Signs a checkpoint of the chain's head now (or answers the "
            + "latest, if the chain has not grown since); republic level only")
    public PublishedCheckpoint issue() {
        republicOnly();
        return checkpoints.issue().map(PublishedCheckpoint::of)
                .orElseThrow(() -> ProblemException.conflict("empty-chain", "The chain has no entry yet"));
    }

    @GET
    @Path("/public-key")
    @PermitAll
    @Operation(operationId = "transparencyPublicKey", summary = "The Ed25519 public key checkpoints are signed with "
            + "(X.509 SubjectPublicKeyInfo, base64 and PEM); public")
    public PublicKey publicKey() {
        return new PublicKey("Ed25519", Base64.getEncoder().encodeToString(key.publicKey()), key.publicKeyPem());
    }

    @POST
    @Path("/verifications")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "verifyTransparencyChain", summary = "Replays the chain from the stored events and names the first "
            + "entry that does not match; checks every checkpoint's signature and head; republic level only")
    public ChainVerification.Result verify() {
        republicOnly();
        return verification.verify();
    }

    private void republicOnly() {
        if (caller.regionScope(null).isPresent()) {
            throw ProblemException.forbidden("republic-only", "Only the republic's administration verifies the lake's record");
        }
    }
}
