package uz.aqlli.catalog.identity;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The part of Keycloak's Admin REST API ({@code /admin/realms/aqlli}) that onboarding uses.
 * Calls return the raw response: the caller decides what each status means.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @POST
    @Path("/organizations")
    Response createOrganization(Map<String, Object> organization);

    /** Organizations whose attributes match {@code q} ({@code name:value}). */
    @GET
    @Path("/organizations")
    List<Map<String, Object>> organizationsWithAttribute(@QueryParam("q") String q);

    @DELETE
    @Path("/organizations/{id}")
    Response deleteOrganization(@PathParam("id") String id);

    /** The body is the user id as a JSON string. */
    @POST
    @Path("/organizations/{id}/members")
    Response addMember(@PathParam("id") String organizationId, String userIdAsJson);

    @POST
    @Path("/users")
    Response createUser(Map<String, Object> user);

    @GET
    @Path("/users")
    List<Map<String, Object>> usersByUsername(@QueryParam("username") String username, @QueryParam("exact") boolean exact,
                                              @QueryParam("briefRepresentation") boolean brief);

    /** Sets the user's password ({@code {"type":"password","value":...,"temporary":false}}); 400 names a broken policy rule. */
    @PUT
    @Path("/users/{id}/reset-password")
    Response resetPassword(@PathParam("id") String id, Map<String, Object> credential);

    /** Replaces the user's representation (send it whole, as read: a missing attribute may be removed). */
    @PUT
    @Path("/users/{id}")
    Response updateUser(@PathParam("id") String id, Map<String, Object> user);

    @DELETE
    @Path("/users/{id}")
    Response deleteUser(@PathParam("id") String id);
}
