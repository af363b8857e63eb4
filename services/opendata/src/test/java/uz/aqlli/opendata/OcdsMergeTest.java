package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The OCDS merge rules the compiled release is kept by. */
class OcdsMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void objectsMergeByFieldArraysOfIdentifiedObjectsByIdOtherArraysWholeAndNullRemoves() throws Exception {
        ObjectNode first = (ObjectNode) JSON.readTree("""
                {"ocid": "ocds-x-1", "id": "a", "date": "2026-12-01T10:00:00Z", "tag": ["tender"],
                 "tender": {"id": "t", "status": "active", "value": {"amount": 100, "currency": "UZS"}},
                 "parties": [{"id": "p1", "name": "One", "roles": ["buyer", "procuringEntity"]}]}""");
        ObjectNode second = (ObjectNode) JSON.readTree("""
                {"ocid": "ocds-x-1", "id": "b", "date": "2026-12-02T10:00:00Z", "tag": ["award"],
                 "tender": {"status": "complete", "value": null},
                 "parties": [{"id": "p1", "roles": ["buyer"]}, {"id": "p2", "name": "Two", "roles": ["supplier"]}]}""");
        ObjectNode compiled = OcdsMerge.fold(OcdsMerge.fold(null, first), second);

        assertEquals("ocds-x-1-2026-12-02T10:00:00Z", compiled.get("id").asText());
        assertEquals("[\"compiled\"]", compiled.get("tag").toString());
        assertEquals("2026-12-02T10:00:00Z", compiled.get("date").asText());
        assertEquals("t", compiled.at("/tender/id").asText());
        assertEquals("complete", compiled.at("/tender/status").asText());
        assertFalse(compiled.get("tender").has("value"));
        assertEquals(2, compiled.get("parties").size());
        assertEquals("One", compiled.at("/parties/0/name").asText(), "merged by id, the name kept");
        assertEquals("[\"buyer\"]", compiled.at("/parties/0/roles").toString(), "a list of strings is replaced whole");
        assertEquals("Two", compiled.at("/parties/1/name").asText());
        assertEquals("a", first.get("id").asText(), "the releases themselves are left as they were");
    }
}
