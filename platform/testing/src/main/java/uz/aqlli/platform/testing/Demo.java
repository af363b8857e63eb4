package uz.aqlli.platform.testing;

/**
 * The demo organizations of the local realm ({@code deploy/keycloak/realm/aqlli-realm.json}):
 * the ids the demo users' tokens carry as {@code organization_id}.
 */
public final class Demo {

    /** enterprise1's: Bukhara (1706), textile cluster. */
    public static final String BUKHARA_TEXTILE = "a1b2c3d4-0000-4000-8000-000000000001";
    /** enterprise2's: Navoi (1712), free economic zone. */
    public static final String NAVOI_METAL = "a1b2c3d4-0000-4000-8000-000000000002";
    /** provider1's: Tashkent city (1726), technopark. */
    public static final String TASHKENT_SOFT = "a1b2c3d4-0000-4000-8000-000000000003";
    /** provider2's: Samarkand (1718), technopark. */
    public static final String SAMARKAND_IT = "a1b2c3d4-0000-4000-8000-000000000004";

    private Demo() {
    }
}
