package uz.aqlli.datalake.chain;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The verification as a command, without the service running (docs/transparency.md):
 * {@code java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" uz.aqlli.datalake.chain.ChainVerifier}
 * with the service's {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}.
 * Exit status 0 when the chain and every checkpoint hold, 1 when not, 2 when it could not be read.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"), System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"), System.out));
    }

    public static int run(String url, String user, String password, PrintStream out) {
        if (url == null || user == null) {
            out.println("QUARKUS_DATASOURCE_JDBC_URL and QUARKUS_DATASOURCE_USERNAME are needed");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            ChainVerification.Result result = ChainVerification.verify(connection);
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
}
