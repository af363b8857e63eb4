package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uz.aqlli.platform.events.BidSubmitted;
import uz.aqlli.platform.events.BidWithdrawn;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractEvent;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.MilestoneRejected;
import uz.aqlli.platform.events.PaymentRecorded;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.RequestUnsuccessful;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One service request's contracting process as OCDS sees it, changed event by event.
 *
 * <p>{@code state} is what is public now, in OCDS shape (buyer, tender, bids, awards, contracts, and each
 * organization's roles); every release is a snapshot of it, so a release read alone tells the whole
 * public story so far. {@code sealed} is what the platform does not show yet: the bids revealed to the
 * buyer at the deadline (price, duration, bidder) until the award makes them public, and the proposed
 * milestone plans until one is signed. Nothing in {@code sealed} is in a release before its time: an
 * event that changes only it makes no release at all, so not even the number of releases tells that
 * a bid came in.
 */
public final class ContractingProcess {

    /** The bids extension (bids.details, bids.statistics, relatedBids), declared by every package. */
    public static final String BIDS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json";
    /** The item classification scheme of a request's service category (the platform's own list). */
    public static final String CATEGORY_SCHEME = "AQLLI-SERVICE-CATEGORY";
    /** The language of the texts without a suffix; the others are title_uz-Cyrl, title_ru, title_en. */
    public static final String LANGUAGE = "uz-Latn";
    private static final List<String> LANGUAGES = List.of("uz-Latn", "uz-Cyrl", "ru", "en");
    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    /** RFC 3339 as OCDS asks, seconds always written (a java.time toString drops them at :00). */
    private static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final String CURRENCY = "UZS";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode state;
    private final ObjectNode sealed;

    public ContractingProcess(ObjectNode state, ObjectNode sealed) {
        this.state = state;
        this.sealed = sealed;
    }

    public static ContractingProcess begin() {
        return new ContractingProcess(NODES.objectNode(), NODES.objectNode());
    }

    public ObjectNode state() {
        return state;
    }

    public ObjectNode sealed() {
        return sealed;
    }

    /**
     * Applies {@code event}; returns the tags of the release it makes, or empty when nothing public changed.
     *
     * @param releaseId         the id the release will have (an amendment names it)
     * @param previousReleaseId the process's latest release, or null (an amendment amends it)
     */
    public Optional<List<String>> apply(IntegrationEvent event, String releaseId, String previousReleaseId) {
        return switch (event) {
            case RequestPublished published -> published(published);
            case QuestionAnswered answered -> tender().map(tender -> {
                tender.put("hasEnquiries", true);
                return List.of("tenderUpdate");
            });
            // Sealed: neither a bid nor its withdrawal is public before the award, not even as a count.
            case BidSubmitted ignored -> Optional.empty();
            case BidWithdrawn ignored -> Optional.empty();
            case BidsRevealed revealed -> revealed(revealed);
            case RequestAwarded awarded -> awarded(awarded);
            case RequestAwardDeclined declined -> declined(declined);
            case RequestUnsuccessful unsuccessful -> unsuccessful(unsuccessful);
            case RequestCancelled cancelled -> {
                tenderObject().put("status", "cancelled");
                yield Optional.of(List.of("tenderCancellation"));
            }
            case ContractEvent contractEvent -> contractChange(contractEvent, releaseId, previousReleaseId);
            default -> Optional.empty();
        };
    }

    private Optional<List<String>> published(RequestPublished event) {
        buyer(event.buyerId());
        ObjectNode tender = tenderObject();
        tender.put("id", event.requestId().toString());
        texts(tender, "title", event.title());
        tender.put("status", "active");
        tender.set("procuringEntity", reference(event.buyerId()));
        ObjectNode item = tender.putArray("items").addObject();
        item.put("id", "1");
        texts(item, "description", event.title());
        ObjectNode classification = item.putObject("classification");
        classification.put("scheme", CATEGORY_SCHEME);
        classification.put("id", event.category());
        // Only a budget the buyer made public travels on RequestPublished; a private one waits for the award.
        if (event.budgetUzs() != null) {
            tender.set("value", value(event.budgetUzs()));
        }
        tender.put("procurementMethod", "open");
        tender.put("mainProcurementCategory", "services");
        boolean priceOnly = "LOWEST_PRICE".equals(event.criterion());
        tender.put("awardCriteria", priceOnly ? "priceOnly" : "ratedCriteria");
        tender.put("awardCriteriaDetails", "price " + event.priceWeight() + " %, quality " + event.qualityWeight() + " %");
        tender.putArray("submissionMethod").add("electronicSubmission");
        tender.set("tenderPeriod", period(event.publishedAt(), event.deadline()));
        // Questions are taken and answered in public until the deadline, as bids are.
        tender.set("enquiryPeriod", period(event.publishedAt(), event.deadline()));
        if (!tender.has("hasEnquiries")) {
            tender.put("hasEnquiries", false);
        }
        return Optional.of(List.of("tender"));
    }

    private Optional<List<String>> revealed(BidsRevealed event) {
        ArrayNode bids = sealed.putArray("revealedBids");
        for (BidsRevealed.RevealedBid bid : event.bids()) {
            ObjectNode kept = bids.addObject();
            kept.put("bidId", bid.bidId().toString());
            kept.put("providerId", bid.providerId().toString());
            kept.put("priceUzs", bid.priceUzs());
            kept.put("durationDays", bid.durationDays());
            kept.put("submittedAt", bid.submittedAt().toString());
        }
        sealed.put("deadline", event.deadline().toString());
        return Optional.empty();
    }

    private Optional<List<String>> awarded(RequestAwarded event) {
        buyer(event.buyerId());
        ObjectNode tender = tenderObject();
        if (!tender.has("id")) {
            tender.put("id", event.requestId().toString());
            texts(tender, "title", event.title());
        }
        tender.put("status", "complete");
        // The award ends a private budget's secrecy too: it travels first here, public or private.
        if (event.budgetUzs() != null) {
            tender.set("value", value(event.budgetUzs()));
        }
        // The award opens the bids to everyone (offers' BidSeal): their bidders, prices and count.
        tender.put("numberOfTenderers", event.bidCount());
        ArrayNode tenderers = tender.putArray("tenderers");
        ObjectNode bids = state.putObject("bids");
        ArrayNode details = bids.putArray("details");
        Set<String> bidders = new LinkedHashSet<>();
        BigDecimal lowest = null;
        for (JsonNode bid : sealed.path("revealedBids")) {
            String provider = bid.get("providerId").asText();
            if (bidders.add(provider)) {
                tenderers.add(reference(UUID.fromString(provider)));
                role(provider, "tenderer");
            }
            ObjectNode detail = details.addObject();
            detail.put("id", bid.get("bidId").asText());
            detail.put("date", bid.get("submittedAt").asText());
            detail.put("status", "valid");
            detail.putArray("tenderers").add(reference(UUID.fromString(provider)));
            BigDecimal price = bid.get("priceUzs").decimalValue();
            detail.set("value", value(price));
            lowest = lowest == null || price.compareTo(lowest) < 0 ? price : lowest;
        }
        if (bidders.add(event.providerId().toString())) {
            tenderers.add(reference(event.providerId()));
        }
        role(event.providerId().toString(), "tenderer");
        role(event.providerId().toString(), "supplier");
        ArrayNode statistics = bids.putArray("statistics");
        ObjectNode valid = statistics.addObject();
        valid.put("id", "validBids");
        valid.put("measure", "validBids");
        valid.put("value", event.bidCount());
        valid.put("date", event.awardedAt().toString());
        if (lowest != null) {
            ObjectNode lowestValue = statistics.addObject();
            lowestValue.put("id", "lowestValidBidValue");
            lowestValue.put("measure", "lowestValidBidValue");
            lowestValue.put("value", lowest);
            lowestValue.put("currency", CURRENCY);
            lowestValue.put("date", event.awardedAt().toString());
        }
        if (sealed.has("deadline")) {
            tender.set("awardPeriod", period(Instant.parse(sealed.get("deadline").asText()), event.awardedAt()));
        }
        ObjectNode award = byId(state.withArray("awards"), event.bidId().toString());
        award.put("status", "active");
        award.put("date", event.awardedAt().toString());
        texts(award, "title", event.title());
        award.set("value", value(event.priceUzs()));
        award.putArray("suppliers").add(reference(event.providerId()));
        award.putObject("contractPeriod").put("durationInDays", event.durationDays());
        award.putArray("relatedBids").add(event.bidId().toString());
        return Optional.of(List.of("award", "tenderUpdate"));
    }

    private Optional<List<String>> declined(RequestAwardDeclined event) {
        ObjectNode award = byId(state.withArray("awards"), event.bidId().toString());
        award.put("status", "cancelled");
        // Back to evaluation: the buyer awards another bid or ends the tender unsuccessful.
        tenderObject().put("status", "active");
        if (!activeSupplier(event.providerId().toString())) {
            dropRole(event.providerId().toString(), "supplier");
        }
        return Optional.of(List.of("awardCancellation"));
    }

    /** Whether the organization is the supplier of an award still in force. */
    private boolean activeSupplier(String organizationId) {
        for (JsonNode award : state.withArray("awards")) {
            if ("active".equals(award.path("status").asText())
                    && award.path("suppliers").path(0).path("id").asText().equals(organizationId)) {
                return true;
            }
        }
        return false;
    }

    private Optional<List<String>> unsuccessful(RequestUnsuccessful event) {
        ObjectNode tender = tenderObject();
        tender.put("status", "unsuccessful");
        // A tender that ended without bids tells that much; one with bids keeps their number sealed (no award).
        if (event.noBids()) {
            tender.put("numberOfTenderers", 0);
        }
        return Optional.of(List.of("tenderUpdate"));
    }

    private Optional<List<String>> contractChange(ContractEvent event, String releaseId, String previousReleaseId) {
        ContractFacts facts = event.contract();
        buyer(facts.buyer().organizationId());
        ObjectNode contract = byId(state.withArray("contracts"), facts.contractId().toString());
        contract.put("awardID", facts.bidId().toString());
        String supplier = facts.supplier().organizationId().toString();
        // A contract refused at signing pays nobody; its event may come before or after the award's withdrawal.
        if (!"CANCELLED".equals(facts.status())) {
            role(facts.buyer().organizationId().toString(), "payer");
            role(supplier, "supplier");
            role(supplier, "payee");
        }
        if (!contract.has("value") && facts.valueUzs() != null) {
            contract.set("value", value(facts.valueUzs()));
        }
        return switch (event) {
            case ContractCreated created -> {
                texts(contract, "title", created.title());
                contract.put("status", "pending");
                contract.putObject("period").put("durationInDays", created.durationDays());
                contract.putArray("relatedBids").add(facts.bidId().toString());
                yield Optional.of(List.of("contract"));
            }
            case MilestonePlanProposed proposed -> {
                ArrayNode plan = sealed.withObject("plans").withObject(facts.contractId().toString())
                        .putArray(String.valueOf(proposed.planVersion()));
                for (MilestonePlanProposed.Milestone milestone : proposed.milestones()) {
                    ObjectNode planned = plan.addObject();
                    planned.put("number", milestone.number());
                    planned.put("title", milestone.title());
                    planned.put("type", milestone.type());
                    planned.put("dueDate", milestone.dueDate().toString());
                }
                // A plan is the parties' draft until both sign one: the signed version is published then.
                yield Optional.empty();
            }
            case ContractSigned signed -> signed(contract, facts, signed);
            case ContractSigningRefused refused -> {
                contract.put("status", "cancelled");
                dropRole(supplier, "payee");
                if (!activeSupplier(supplier)) {
                    dropRole(supplier, "supplier");
                }
                yield Optional.of(List.of("contractUpdate"));
            }
            case MilestoneDelivered delivered -> milestone(contract, delivered.milestone(), delivered.deliveredAt(), false);
            case MilestoneAccepted accepted -> milestone(contract, accepted.milestone(), accepted.metAt(), false);
            case MilestoneRejected rejected -> milestone(contract, rejected.milestone(), rejected.rejectedAt(), false);
            case MilestoneOverdue overdue -> milestone(contract, overdue.milestone(), overdue.overdueAt(), true);
            case PaymentRecorded payment -> {
                milestone(contract, payment.milestone(), payment.recordedAt(), false);
                ObjectNode transaction = contract.withObject("implementation").withArray("transactions").addObject();
                transaction.put("id", releaseId);
                transaction.put("date", OFFSET_DATE_TIME.format(payment.paidOn().atStartOfDay(TASHKENT)));
                transaction.set("value", value(payment.amountUzs()));
                transaction.set("payer", reference(facts.buyer().organizationId()));
                transaction.set("payee", reference(facts.supplier().organizationId()));
                yield Optional.of(List.of("implementation"));
            }
            case ContractAmended amended -> amended(contract, amended, releaseId, previousReleaseId);
            case ContractCompleted completed -> {
                contract.put("status", "terminated");
                yield Optional.of(List.of("contractTermination"));
            }
            case ContractTerminated terminated -> {
                contract.put("status", "terminated");
                yield Optional.of(List.of("contractTermination"));
            }
            default -> Optional.empty();
        };
    }

    private Optional<List<String>> signed(ObjectNode contract, ContractFacts facts, ContractSigned event) {
        if (event.dateSigned() == null) {
            // The first signature: nothing an OCDS contract shows has changed yet.
            return Optional.empty();
        }
        contract.put("status", "active");
        contract.put("dateSigned", event.dateSigned().toString());
        ObjectNode period = contract.withObject("period");
        period.put("startDate", event.dateSigned().toString());
        JsonNode plan = sealed.path("plans").path(facts.contractId().toString()).path(String.valueOf(event.planVersion()));
        if (plan.isArray()) {
            ArrayNode milestones = contract.withObject("implementation").putArray("milestones");
            for (JsonNode planned : plan) {
                ObjectNode milestone = milestones.addObject();
                milestone.put("id", planned.get("number").asText());
                milestone.put("title", planned.get("title").asText());
                milestone.put("type", type(planned.get("type").asText()));
                milestone.put("dueDate", dueDate(LocalDate.parse(planned.get("dueDate").asText())));
                milestone.put("status", "scheduled");
            }
            endOfPeriod(contract);
        }
        return Optional.of(List.of("contractUpdate"));
    }

    private Optional<List<String>> milestone(ObjectNode contract, MilestoneFacts facts, Instant at, boolean overdue) {
        ObjectNode milestone = byId(contract.withObject("implementation").withArray("milestones"), String.valueOf(facts.number()));
        milestone.put("title", facts.title());
        milestone.put("type", type(facts.type()));
        milestone.put("dueDate", dueDate(facts.dueDate()));
        String status = switch (facts.status()) {
            case "MET" -> "met";
            case "PARTIALLY_MET" -> "partiallyMet";
            default -> overdue || facts.overdueAt() != null ? "notMet" : "scheduled";
        };
        milestone.put("status", status);
        if (facts.metAt() != null) {
            milestone.put("dateMet", facts.metAt().toString());
        }
        if (at != null) {
            milestone.put("dateModified", at.toString());
        }
        return Optional.of(List.of("implementationUpdate"));
    }

    private Optional<List<String>> amended(ObjectNode contract, ContractAmended event, String releaseId, String previousReleaseId) {
        ObjectNode amendment = byId(contract.withArray("amendments"), String.valueOf(event.amendmentNumber()));
        amendment.put("date", event.amendedAt().toString());
        if (event.rationale() != null) {
            amendment.put("rationale", event.rationale());
        }
        if (event.description() != null) {
            amendment.put("description", event.description());
        }
        if (previousReleaseId != null) {
            amendment.put("amendsReleaseID", previousReleaseId);
        }
        amendment.put("releaseID", releaseId);
        if (event.valueInForceUzs() != null) {
            contract.set("value", value(event.valueInForceUzs()));
        }
        if (event.milestones() != null) {
            for (ContractAmended.Change change : event.milestones()) {
                if (change.dueDate() != null) {
                    byId(contract.withObject("implementation").withArray("milestones"), String.valueOf(change.number()))
                            .put("dueDate", dueDate(change.dueDate()));
                }
            }
            endOfPeriod(contract);
        }
        return Optional.of(List.of("contractAmendment"));
    }

    /**
     * The release of this process now: the public state with the parties (names, STIR identifiers,
     * roles) as the directory describes them.
     */
    public ObjectNode release(String ocid, String id, Instant date, List<String> tags, Map<UUID, Organization> directory,
                              String identifierScheme) {
        ObjectNode release = NODES.objectNode();
        release.put("ocid", ocid);
        release.put("id", id);
        release.put("date", date.toString());
        ArrayNode tag = release.putArray("tag");
        tags.forEach(tag::add);
        release.put("initiationType", "tender");
        release.put("language", LANGUAGE);
        ArrayNode parties = release.putArray("parties");
        Iterator<Map.Entry<String, JsonNode>> roles = state.path("roles").fields();
        while (roles.hasNext()) {
            Map.Entry<String, JsonNode> entry = roles.next();
            if (entry.getValue().isEmpty()) {
                continue;
            }
            ObjectNode party = parties.addObject();
            party.put("id", entry.getKey());
            Organization organization = directory.get(UUID.fromString(entry.getKey()));
            if (organization != null && organization.legalName() != null) {
                party.put("name", organization.legalName());
            }
            if (organization != null && organization.stir() != null) {
                ObjectNode identifier = party.putObject("identifier");
                identifier.put("scheme", identifierScheme);
                identifier.put("id", organization.stir());
                if (organization.legalName() != null) {
                    identifier.put("legalName", organization.legalName());
                }
            }
            if (organization != null && organization.address() != null) {
                ObjectNode address = party.putObject("address");
                address.put("streetAddress", organization.address());
                address.put("countryName", "Uzbekistan");
            }
            party.set("roles", entry.getValue().deepCopy());
        }
        for (String section : List.of("buyer", "tender", "bids", "awards", "contracts")) {
            if (state.has(section)) {
                release.set(section, state.get(section).deepCopy());
            }
        }
        name(release, directory);
        return release;
    }

    /** Every organization reference in the release gets the party's name, as the directory has it now. */
    private static void name(JsonNode node, Map<UUID, Organization> directory) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "buyer", "procuringEntity", "payer", "payee" -> nameReference(field.getValue(), directory);
                    case "tenderers", "suppliers" -> field.getValue().forEach(reference -> nameReference(reference, directory));
                    case "parties" -> { }
                    default -> name(field.getValue(), directory);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> name(item, directory));
        }
    }

    private static void nameReference(JsonNode reference, Map<UUID, Organization> directory) {
        if (reference instanceof ObjectNode object && object.hasNonNull("id")) {
            Organization organization = directory.get(UUID.fromString(object.get("id").asText()));
            if (organization != null && organization.legalName() != null) {
                object.put("name", organization.legalName());
            }
        }
    }

    /** The organizations this process names (for the directory look-up). */
    public Set<UUID> organizations() {
        Set<UUID> ids = new LinkedHashSet<>();
        state.path("roles").fieldNames().forEachRemaining(id -> ids.add(UUID.fromString(id)));
        return ids;
    }

    private void buyer(UUID buyerId) {
        if (!state.has("buyer")) {
            state.set("buyer", reference(buyerId));
        }
        role(buyerId.toString(), "buyer");
        role(buyerId.toString(), "procuringEntity");
    }

    private void role(String organizationId, String role) {
        ArrayNode roles = state.withObject("roles").withArray(organizationId);
        for (JsonNode existing : roles) {
            if (existing.asText().equals(role)) {
                return;
            }
        }
        roles.add(role);
    }

    private void dropRole(String organizationId, String role) {
        ArrayNode roles = state.withObject("roles").withArray(organizationId);
        for (int i = roles.size() - 1; i >= 0; i--) {
            if (roles.get(i).asText().equals(role)) {
                roles.remove(i);
            }
        }
    }

    private Optional<ObjectNode> tender() {
        return state.has("tender") ? Optional.of((ObjectNode) state.get("tender")) : Optional.empty();
    }

    private ObjectNode tenderObject() {
        return state.withObject("tender");
    }

    private static void endOfPeriod(ObjectNode contract) {
        List<String> dueDates = new ArrayList<>();
        contract.path("implementation").path("milestones").forEach(milestone -> dueDates.add(milestone.path("dueDate").asText()));
        dueDates.stream().filter(date -> !date.isEmpty())
                .max(Comparator.comparing(date -> java.time.OffsetDateTime.parse(date).toInstant()))
                .ifPresent(last -> contract.withObject("period").put("endDate", last));
    }

    private static ObjectNode byId(ArrayNode array, String id) {
        for (JsonNode item : array) {
            if (id.equals(item.path("id").asText())) {
                return (ObjectNode) item;
            }
        }
        ObjectNode item = array.addObject();
        item.put("id", id);
        return item;
    }

    private static ObjectNode reference(UUID organizationId) {
        ObjectNode reference = NODES.objectNode();
        reference.put("id", organizationId.toString());
        return reference;
    }

    private static ObjectNode value(BigDecimal amount) {
        ObjectNode value = NODES.objectNode();
        value.put("amount", amount);
        value.put("currency", CURRENCY);
        return value;
    }

    private static ObjectNode period(Instant start, Instant end) {
        ObjectNode period = NODES.objectNode();
        if (start != null) {
            period.put("startDate", start.toString());
        }
        if (end != null) {
            period.put("endDate", end.toString());
        }
        return period;
    }

    /** A due date is the whole day in Tashkent: the milestone is overdue from the next midnight. */
    private static String dueDate(LocalDate date) {
        return OFFSET_DATE_TIME.format(date.atTime(LocalTime.of(23, 59, 59)).atZone(TASHKENT));
    }

    private static String type(String platformType) {
        return "PAYMENT".equals(platformType) ? "payment" : "delivery";
    }

    /** {@code field} in uz-Latn (or the first language given), and {@code field_<language>} for each other one. */
    private static void texts(ObjectNode target, String field, Map<String, String> byLanguage) {
        if (byLanguage == null || byLanguage.isEmpty()) {
            return;
        }
        String main = byLanguage.containsKey(LANGUAGE) ? LANGUAGE
                : LANGUAGES.stream().filter(byLanguage::containsKey).findFirst().orElse(byLanguage.keySet().iterator().next());
        target.put(field, byLanguage.get(main));
        for (Map.Entry<String, String> text : byLanguage.entrySet()) {
            if (!text.getKey().equals(main)) {
                target.put(field + "_" + text.getKey(), text.getValue());
            }
        }
    }
}
