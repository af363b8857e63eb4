package uz.aqlli.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.aqlli.launcher.Platform;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web console in a real browser (Debian's Chromium driven by Playwright) against the platform
 * as {@code ./run} starts it, reached only through the gateway: every public page type in each
 * language, the language switch and Accept-Language, sign-in on Keycloak's own page and sign-out,
 * a refused value shown at its field, the session's cookies, a phone-wide layout, and axe-core on
 * each page type (no serious or critical violation). Screenshots go to docs/screenshots/.
 */
class ConsoleInBrowserIT {

    enum Language {
        UZ_LATN("uz-Latn"), UZ_CYRL("uz-Cyrl"), RU("ru"), EN("en");

        final String tag;

        Language(String tag) {
            this.tag = tag;
        }
    }

    private static Path repo;
    private static Platform platform;
    private static String gateway;
    private static Playwright playwright;
    private static Browser browser;
    private static final Map<Language, Properties> LABELS = new EnumMap<>(Language.class);
    private static String requestId;
    private static String enterpriseId;

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        repo = Path.of(System.getProperty("aqlli.repo"));
        for (Language language : Language.values()) {
            Properties labels = new Properties();
            try (Reader in = Files.newBufferedReader(repo.resolve("console/src/main/resources/messages/console_" + language.tag + ".properties"),
                    StandardCharsets.UTF_8)) {
                labels.load(in);
            }
            LABELS.put(language, labels);
        }
        platform = SharedPlatform.get();
        gateway = platform.gatewayUrl();
        seedAServiceRequestWithAnAnsweredQuestion();

        // Debian's Chromium, not a browser Playwright would download (nothing is downloaded here).
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("aqlli.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void everyPublicPageTypeRendersInEachLanguageWithNoSeriousAccessibilityViolation() {
        for (Language language : Language.values()) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page page = context.newPage();
                page.navigate(gateway + "/");
                chooseLanguage(page, language);
                Map<String, String> pages = Map.of(
                        "home", "/",
                        "products", "/products?q=paxta",
                        "offers", "/offers",
                        "requests", "/requests",
                        "request", "/requests/" + requestId,
                        "organization", "/organizations/" + enterpriseId);
                for (String name : List.of("home", "products", "offers", "requests", "request", "organization")) {
                    Page.NavigateOptions options = new Page.NavigateOptions();
                    assertEquals(200, page.navigate(gateway + pages.get(name), options).status(), name);
                    assertThat(page.locator("html")).hasAttribute("lang", language.tag);
                    assertThat(page.locator("ul.nav")).containsText(label(language, "nav.products"));
                    assertThat(page.locator("#main")).not().containsText("{");
                    switch (name) {
                        case "home" -> assertThat(page.locator("h1")).hasText(label(language, "home.heading"));
                        case "products" -> {
                            assertThat(page.locator(".facets")).containsText(label(language, "facet.region"));
                            assertThat(page.locator(".card").first()).containsText(
                                    language == Language.EN ? "UZS" : language == Language.RU ? "сум" : language == Language.UZ_CYRL ? "сўм" : "so'm");
                        }
                        case "request" -> {
                            assertThat(page.locator(".qa")).containsText("Integratsiya API orqalimi?");
                            assertThat(page.locator(".qa")).containsText("Ha, REST API orqali.");
                        }
                        case "organization" -> assertThat(page.locator("h1")).hasText("Buxoro To'qimachilik Klasteri MChJ");
                        default -> {
                        }
                    }
                    assertNoSeriousViolations(page, name + " in " + language.tag);
                    if (language == Language.UZ_LATN || (language == Language.RU && name.equals("request"))) {
                        screenshot(page, name + "-" + language.tag);
                    }
                }
            }
        }
    }

    @Test
    void theBrowsersLanguageIsHonouredFirstAndTheSwitchIsRemembered() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "ru-RU,ru;q=0.9")))) {
            Page page = context.newPage();
            page.navigate(gateway + "/offers");
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
            assertThat(page.locator("h1")).hasText(label(Language.RU, "offers.heading"));

            // The switch brings the reader back to the page they were on, now in English.
            page.locator("nav.languages a[hreflang=en]").click();
            page.waitForURL(gateway + "/offers");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText(label(Language.EN, "offers.heading"));

            // Remembered over the browser's own preference, on other pages and in a new tab.
            page.navigate(gateway + "/requests");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            Page other = context.newPage();
            other.navigate(gateway + "/");
            assertThat(other.locator("html")).hasAttribute("lang", "en");
            Cookie chosen = context.cookies().stream().filter(c -> c.name.equals("aqlli-lang")).findFirst().orElseThrow();
            assertEquals("en", chosen.value);
            assertTrue(chosen.expires > Instant.now().plus(300, ChronoUnit.DAYS).getEpochSecond(), "remembered for a long time");
        }
    }

    @Test
    void aRefusedValueIsShownAtItsFieldInTheReadersLanguageWithOrWithoutJavaScript() {
        for (boolean javascript : List.of(true, false)) {
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javascript)
                    .setExtraHTTPHeaders(Map.of("Accept-Language", "uz")))) {
                Page page = context.newPage();
                page.navigate(gateway + "/products");
                page.locator("#minPrice").fill("-5");
                page.locator("form.filters button[type=submit]").click();
                assertThat(page.locator("#minPrice-error")).hasText(label(Language.UZ_LATN, "problem.field.minPrice"));
                assertThat(page.locator("#minPrice")).hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#minPrice")).hasAttribute("aria-describedby", "minPrice-error");
                assertThat(page.locator("#page-problem")).hasText(label(Language.UZ_LATN, "problem.invalid-request"));
                // Nothing of the API's own answer reaches the page.
                assertThat(page.locator("body")).not().containsText("must be greater");
                assertThat(page.locator("body")).not().containsText("urn:aqlli");
                if (javascript) {
                    assertNoSeriousViolations(page, "products with a refused value");
                    screenshot(page, "field-error-uz-Latn");
                }
            }
        }
    }

    @Test
    void anEnterpriseSignsInOnKeycloaksPageSeesItsOrganizationAndSignsOut() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setExtraHTTPHeaders(Map.of("Accept-Language", "uz")))) {
            Page page = context.newPage();
            page.navigate(gateway + "/");
            page.locator("#sign-in").click();
            // Keycloak's own login page, not a form of the console's.
            page.waitForURL(Pattern.compile(Pattern.quote(platform.keycloakUrl()) + "/realms/aqlli/protocol/openid-connect/auth.*code_challenge_method=S256.*"));
            page.locator("#username").fill("enterprise1");
            // The realm has organizations on, so Keycloak asks for the user first and the password on the next page.
            if (page.locator("#password").count() == 0) {
                page.locator("#kc-login").click();
            }
            page.locator("#password").fill("enterprise1");
            page.locator("#kc-login").click();
            page.waitForURL(gateway + "/my");
            assertThat(page.locator("h2#org-heading")).hasText("Buxoro To'qimachilik Klasteri MChJ");
            assertThat(page.locator("table")).containsText(label(Language.UZ_LATN, "productStatus.PUBLISHED"));
            // So'm as Uzbek writes it, digits grouped with no-break spaces.
            assertThat(page.locator("table")).containsText("1\u00A0234\u00A0567,89\u00A0so'm");
            assertThat(page.locator("#sign-out")).isVisible();
            assertNoSeriousViolations(page, "my organization");
            screenshot(page, "my-uz-Latn");

            Cookie session = context.cookies(gateway).stream().filter(c -> c.name.startsWith("q_session")).findFirst().orElseThrow();
            assertTrue(session.httpOnly, "the session cookie is HttpOnly");
            assertEquals(SameSiteAttribute.LAX, session.sameSite);
            Cookie csrf = context.cookies(gateway).stream().filter(c -> c.name.equals("aqlli-csrf")).findFirst().orElseThrow();
            assertTrue(csrf.httpOnly);

            // A form post without the CSRF token is refused and leaves the session as it was.
            APIResponse forged = page.request().post(gateway + "/sign-out",
                    RequestOptions.create().setForm(FormData.create().set("next", "/")).setMaxRedirects(0));
            assertEquals(400, forged.status(), forged.text());
            page.navigate(gateway + "/my");
            assertThat(page.locator("h2#org-heading")).isVisible();

            // The console's session ends (its cookie expired or was lost) while Keycloak's lasts: a boosted
            // link still leads on, through Keycloak and back, instead of failing silently in htmx's request.
            page.navigate(gateway + "/offers");
            context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("q_session.*")));
            page.locator("nav a[href='/my']").click();
            page.waitForURL(gateway + "/my");
            assertThat(page.locator("h2#org-heading")).hasText("Buxoro To'qimachilik Klasteri MChJ");

            page.locator("#sign-out").click();
            page.waitForURL(gateway + "/");
            assertThat(page.locator("#sign-in")).isVisible();
            assertTrue(context.cookies(gateway).stream().noneMatch(c -> c.name.startsWith("q_session")), "the session cookie is gone");
            // Keycloak's session ended too: the signed-in page asks for the password again.
            page.navigate(gateway + "/my");
            assertThat(page.locator("#kc-login")).isVisible();
        }
    }

    @Test
    void anAddressWithNoPageGetsTheConsolesOwnPageInTheReadersLanguage() {
        for (Language language : List.of(Language.RU, Language.UZ_CYRL)) {
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                page.navigate(gateway + "/");
                chooseLanguage(page, language);
                for (String path : List.of("/no-such-page", "/requests/not-an-id", "/organizations/" + UUID.randomUUID())) {
                    com.microsoft.playwright.Response answer = page.navigate(gateway + path);
                    assertEquals(404, answer.status(), path);
                    assertThat(page.locator("html")).hasAttribute("lang", language.tag);
                    assertThat(page.locator("h1")).hasText(label(language, "failure.404"));
                    // The console's page with its navigation, not a framework's bare one.
                    assertThat(page.locator("a.brand")).isVisible();
                    assertThat(page.locator("nav.languages")).isVisible();
                }
                assertNoSeriousViolations(page, "the page for an address with no page (" + language.tag + ")");
            }
        }
    }

    @Test
    void pagesGoOutUncompressedWhileStylesAndScriptsAreCompressed() throws Exception {
        // A page carries the CSRF token beside what the reader typed: compressed together, the sizes
        // would let an attacker guess the token (BREACH). Static files carry no secret.
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/products?q=paxta%3Cb%3E", "/requests/" + requestId)) {
            HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, page.statusCode(), path);
            String encoding = page.headers().firstValue("Content-Encoding").orElse("identity");
            assertEquals("identity", encoding, path + " went out compressed");
            assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<html"), path);
        }
        for (String path : List.of("/static/console.css", "/webjars/htmx.org/2.0.10/dist/htmx.min.js")) {
            HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode(), path);
            assertEquals("gzip", file.headers().firstValue("Content-Encoding").orElse("identity"), path);
        }
    }

    @Test
    void thePagesFitAPhoneScreen() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 812)
                .setIsMobile(true).setHasTouch(true).setExtraHTTPHeaders(Map.of("Accept-Language", "ru")))) {
            Page page = context.newPage();
            for (String path : List.of("/", "/products?q=paxta", "/offers", "/requests/" + requestId, "/organizations/" + enterpriseId)) {
                page.navigate(gateway + path);
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                assertTrue(((Number) width).intValue() <= 375, path + " is " + width + " px wide at 375 px");
            }
            page.navigate(gateway + "/products?q=paxta");
            screenshot(page, "products-375-ru");
            // Keyboard: the first Tab reaches the skip link, which takes focus to the page's content.
            page.keyboard().press("Tab");
            assertThat(page.locator("a.skip")).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("#main")).isFocused();

            // What each page costs the platform (console and the APIs behind it, through the gateway),
            // for docs/benchmarks.md; the demo data, one reader at a time, warmed up.
            for (String path : List.of("/", "/products?q=paxta", "/offers", "/requests", "/requests/" + requestId,
                    "/organizations/" + enterpriseId)) {
                long[] millis = new long[40];
                for (int i = -10; i < millis.length; i++) {
                    long start = System.nanoTime();
                    assertEquals(200, context.request().get(gateway + path).status(), path);
                    if (i >= 0) {
                        millis[i] = (System.nanoTime() - start) / 1_000_000;
                    }
                }
                java.util.Arrays.sort(millis);
                System.out.printf("console-e2e: %s p50 %d ms, p95 %d ms%n", path, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1]);
            }
        }
    }

    private static void chooseLanguage(Page page, Language language) {
        page.locator("nav.languages a[hreflang=" + language.tag + "]").click();
        assertThat(page.locator("html")).hasAttribute("lang", language.tag);
    }

    private static String label(Language language, String key) {
        String label = LABELS.get(language).getProperty(key);
        if (label == null) {
            throw new AssertionError("no label " + key);
        }
        return label;
    }

    private static void assertNoSeriousViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + ") at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).limit(3).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + what);
    }

    private static void screenshot(Page page, String name) {
        Path file = repo.resolve("docs/screenshots").resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    /**
     * A tender of enterprise1's with a question of provider1's and its answer, through the gateway as
     * any client would post them; the demo data has no open request.
     */
    private static void seedAServiceRequestWithAnAnsweredQuestion() {
        String enterprise = token("enterprise1");
        String provider = token("provider1");
        enterpriseId = given().auth().oauth2(enterprise).get(gateway + "/api/catalog/me").then().statusCode(200)
                .extract().path("organization.id");
        // A published product of its own, for its product list and its public page.
        String productId = given().auth().oauth2(enterprise).contentType(ContentType.JSON).body(Map.of(
                        "name", Map.of("uz-Latn", "Paxta ipi Ne 20/1 (konus)", "ru", "Хлопковая пряжа Ne 20/1"),
                        "description", Map.of("uz-Latn", "Halqali yigirilgan, trikotaj uchun"), "sector", "TEXTILE_AND_GARMENTS",
                        "unit", "KILOGRAM", "priceUzs", "1234567.89", "minOrderQuantity", 100, "leadTimeDays", 10, "exportReady", true))
                .post(gateway + "/api/catalog/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(enterprise).header("If-Match", "\"0\"").post(gateway + "/api/catalog/products/" + productId + "/publication")
                .then().statusCode(200);
        requestId = given().auth().oauth2(enterprise).contentType(ContentType.JSON).body(Map.of(
                        "category", "INDUSTRIAL_IOT",
                        "title", Map.of("uz-Latn", "Yigiruv sexi uchun IoT monitoring", "ru", "IoT-мониторинг прядильного цеха"),
                        "description", Map.of("uz-Latn", "40 ta dastgoh, energiya hisobi"),
                        "regions", List.of("1706"), "budgetUzs", "120000000", "budgetPublic", true,
                        "deadline", Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "criterion", "LOWEST_PRICE"))
                .post(gateway + "/api/offers/requests").then().statusCode(201).extract().path("id");
        // offers hears of the demo provider's verification by event: asking works once it has.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        io.restassured.response.Response asked;
        while ((asked = given().auth().oauth2(provider).contentType(ContentType.JSON).body(Map.of("text", "Integratsiya API orqalimi?"))
                .post(gateway + "/api/offers/requests/" + requestId + "/questions")).statusCode() == 403) {
            if (System.nanoTime() > deadline) {
                fail("offers never heard that provider1 is verified: " + asked.asString());
            }
            sleep(200);
        }
        String questionId = asked.then().statusCode(201).extract().path("id");
        given().auth().oauth2(enterprise).contentType(ContentType.JSON).body(Map.of("text", "Ha, REST API orqali."))
                .put(gateway + "/api/offers/requests/" + requestId + "/questions/" + questionId + "/answer").then().statusCode(200);
    }

    private static String token(String demoUser) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "aqlli-web")
                .formParam("username", demoUser).formParam("password", demoUser)
                .post(platform.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
