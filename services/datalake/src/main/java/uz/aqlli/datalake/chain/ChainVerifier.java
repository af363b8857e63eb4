package uz.aqlli.datalake.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The verification as a command, without the service running (docs/transparency.md):
 * {@code java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" uz.aqlli.datalake.chain.ChainVerifier --public-key lake.pem}
 * with the service's {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}. The
 * public key is the one the operator trusts (fetched and kept before, PEM or base64): the database
 * cannot vouch for its own checkpoints, since whoever can rewrite it can also re-sign them.
 * Exit status 0 when the chain and every checkpoint hold, 1 when not, 2 when it could not be read.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("QUARKUS_DATASOURCE_JDBC_URL"), System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"), System.out));
    }

    /** {@code args}: {@code --public-key <PEM file>} or {@code --public-key-base64 <SubjectPublicKeyInfo>}. */
    public static int run(String[] args, String url, String user, String password, PrintStream out) {
        byte[] trusted = trustedKey(args, out);
        if (trusted == null) {
            return 2;
        }
        if (url == null || user == null) {
            out.println("QUARKUS_DATASOURCE_JDBC_URL and QUARKUS_DATASOURCE_USERNAME are needed");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            ChainVerification.Result result = ChainVerification.verify(connection, trusted);
            connection.rollback();
            out.println("entries " + result.entries() + ", head " + result.headSize() + ", checkpoints " + result.checkpoints());
            if (result.firstMismatch() != null) {
                ChainVerification.Mismatch m = result.firstMismatch();
                out.println("FIRST MISMATCH lake_seq " + m.lakeSeq() + " event " + m.eventId() + ": " + m.reason());
            }
            result.badCheckpoints().forEach(c -> out.println("BAD CHECKPOINT tree size " + c.treeSize() + ": " + c.reason()));
            out.println(result.intact() ? "INTACT" : "NOT INTACT");
            return result.intact() ? 0 : 1;
        } catch (SQLException e) {
            out.println("cannot read the chain: " + e.getMessage());
            return 2;
        }
    }

    private static byte[] trustedKey(String[] args, PrintStream out) {
        String usage = "give the lake's public key you trust: --public-key <PEM file> or --public-key-base64 <base64 SubjectPublicKeyInfo>"
                + " (GET /api/analytics/transparency/public-key, fetched and kept beforehand)";
        if (args.length != 2) {
            out.println(usage);
            return null;
        }
        String text;
        switch (args[0]) {
            case "--public-key" -> {
                try {
                    text = Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    out.println("cannot read the public key file " + args[1] + ": " + e.getMessage());
                    return null;
                }
            }
            case "--public-key-base64" -> text = args[1];
            default -> {
                out.println(usage);
                return null;
            }
        }
        byte[] key = ChainKey.parsePublicKey(text);
        if (key == null) {
            out.println("not an Ed25519 public key (PEM or base64 SubjectPublicKeyInfo): " + args[1]);
        }
        return key;
    }
}
