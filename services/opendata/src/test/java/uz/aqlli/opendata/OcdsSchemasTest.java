package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bids extension the releases are held to is the official one, with the fields and closed codelists the platform does not write. */
class OcdsSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBidsExtensionInForceIsTheOfficialPatch() throws Exception {
        assertEquals(Set.of(), OcdsSchemas.errors(release("{\"id\": \"b1\", \"submissionType\": \"bid\", \"countriesOfOrigin\": [\"UZ\"],"
                + " \"hasRank\": true, \"rank\": 1, \"identifiers\": [{\"scheme\": \"internal\", \"id\": \"x\"}]}")));
        // Closed codelists and constraints of the official patch that a hand-written subset does not have.
        for (String bid : new String[]{"{\"id\": \"b1\", \"submissionType\": \"offer\"}", "{\"id\": \"b1\", \"countriesOfOrigin\": [\"XX\"]}",
                "{\"id\": \"b1\", \"rank\": \"first\"}", "{\"id\": \"b1\", \"identifiers\": []}"}) {
            assertTrue(!OcdsSchemas.errors(release(bid)).isEmpty(), bid + " is no bid of the bids extension");
        }
    }

    private static JsonNode release(String bid) throws Exception {
        return JSON.readTree("{\"ocid\": \"ocds-xxxxxx-aq-1\", \"id\": \"r1\", \"date\": \"2026-12-01T00:00:00Z\", \"tag\": [\"award\"],"
                + " \"initiationType\": \"tender\", \"bids\": {\"details\": [" + bid + "]}}");
    }
}
