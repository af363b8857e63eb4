package uz.aqlli.integrity.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.integrity.FlagCode;
import uz.aqlli.integrity.repository.Watch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flags of a service request's tender, worked out from integrity's copies. The seal: a flag
 * that reads a bid (price or bidder), the budget or the award is worked out only for a request
 * that an award has disclosed, when offers has made every bid public (and keeps them public after
 * a declined award); before that it is not computed at all, so it can show nowhere.
 */
@ApplicationScoped
public class TenderFlags {

    /** The flags of one request decided at its award, all on the subject {@link #subject(UUID)}. */
    public static final List<FlagCode> AT_AWARD = List.of(FlagCode.R018, FlagCode.R028, FlagCode.R036, FlagCode.R044,
            FlagCode.R031, FlagCode.INFLATED_BUDGET, FlagCode.R062);
    /** Of {@link #AT_AWARD}, those that read only what was bid: they hold from the first award on, declined or not. */
    public static final List<FlagCode> AS_BID = List.of(FlagCode.R028, FlagCode.R044);
    /** Of {@link #AT_AWARD}, those that read the award standing: a declined award's wait for the request's next outcome. */
    public static final List<FlagCode> OF_THE_AWARD = AT_AWARD.stream().filter(code -> !AS_BID.contains(code)).toList();
    public static final List<FlagCode> FENCED = List.of(FlagCode.R024, FlagCode.R058);

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final Watch watch;
    private final FlagConfig config;

    TenderFlags(Watch watch, FlagConfig config) {
        this.watch = watch;
        this.config = config;
    }

    public static String subject(UUID requestId) {
        return "request:" + requestId;
    }

    public static String pair(UUID buyerId, UUID providerId) {
        return "buyer:" + buyerId + ":provider:" + providerId;
    }

    /** R025's subjects of one provider in one category start so; each ends with a buyer's region. */
    public static String bidder(UUID providerId, String category) {
        return "provider:" + providerId + ":category:" + category + ":region:";
    }

    /** R003, from the published terms alone. */
    public List<Finding> terms(Watch.Request request) {
        long days = Duration.between(request.publishedAt(), request.deadline()).toDays();
        int threshold = config.shortPeriodDays(request.category());
        if (days >= threshold) {
            return List.of();
        }
        return List.of(finding(FlagCode.R003, request, List.of(request.buyerId()), List.of(request.publishedEventId()),
                values("periodDays", days, "thresholdDays", threshold, "category", request.category(),
                        "publishedAt", request.publishedAt(), "deadline", request.deadline())));
    }

    /**
     * The codes of {@link #AT_AWARD} the request's state lets one evaluate: all while awarded; after
     * a declined award only {@link #AS_BID} (the others wait for the next outcome); none before.
     */
    public static List<FlagCode> evaluable(Watch.Request request) {
        return request.awarded() ? AT_AWARD : request.disclosed() ? AS_BID : List.of();
    }

    /** The flags of {@link #evaluable}: none before the first award (the seal). */
    public List<Finding> award(Watch.Request request) {
        if (!request.disclosed()) {
            return List.of();
        }
        List<Watch.Bid> asBid = watch.revealedBids(request.id());
        List<String> disclosure = Stream.of(request.revealedEventId(), request.disclosedEventId()).filter(Objects::nonNull).toList();
        List<Finding> found = new ArrayList<>();
        identicalPrices(request, asBid, disclosure).ifPresent(found::add);
        sharedContacts(request, asBid, disclosure).ifPresent(found::add);
        if (!request.awarded()) {
            return found;
        }
        List<Watch.Bid> bids = watch.bids(request.id());
        List<String> evidence = Stream.of(request.revealedEventId(), request.awardEventId()).filter(Objects::nonNull).toList();
        if (request.bidCount() != null && request.bidCount() == 1) {
            found.add(finding(FlagCode.R018, request, List.of(request.buyerId(), request.awardedProviderId()),
                    List.of(request.awardEventId()), values("bidCount", request.bidCount())));
        }
        if ("LOWEST_PRICE".equals(request.criterion()) && Boolean.FALSE.equals(request.lowestPrice()) && !bids.isEmpty()) {
            BigDecimal lowest = bids.get(0).priceUzs();
            List<UUID> organizations = new ArrayList<>(List.of(request.buyerId(), request.awardedProviderId()));
            bids.stream().filter(bid -> bid.priceUzs().compareTo(lowest) == 0).map(Watch.Bid::providerId).forEach(organizations::add);
            found.add(finding(FlagCode.R036, request, organizations, evidence, values("winningPriceUzs",
                    plain(request.awardedPriceUzs()), "lowestPriceUzs", plain(lowest), "reason",
                    request.awardReason() == null ? "" : request.awardReason())));
        }
        if (request.budgetUzs() != null && request.budgetUzs().signum() > 0) {
            BigDecimal below = request.budgetUzs().subtract(request.awardedPriceUzs())
                    .divide(request.budgetUzs(), 6, RoundingMode.HALF_UP);
            Map<String, String> compared = values("budgetUzs", plain(request.budgetUzs()), "winningPriceUzs",
                    plain(request.awardedPriceUzs()), "shareBelowBudget", below.toPlainString());
            List<UUID> parties = List.of(request.buyerId(), request.awardedProviderId());
            if (below.signum() >= 0 && below.compareTo(config.budgetNearShare()) <= 0) {
                Map<String, String> near = new LinkedHashMap<>(compared);
                near.put("thresholdShare", config.budgetNearShare().toPlainString());
                found.add(finding(FlagCode.R031, request, parties, List.of(request.awardEventId()), near));
            }
            if (below.compareTo(config.budgetBelowShare()) >= 0) {
                Map<String, String> inflated = new LinkedHashMap<>(compared);
                inflated.put("thresholdShare", config.budgetBelowShare().toPlainString());
                found.add(finding(FlagCode.INFLATED_BUDGET, request, parties, List.of(request.awardEventId()), inflated));
            }
        }
        long days = Duration.between(request.deadline(), request.awardedAt()).toDays();
        if (days > config.slowAwardDays()) {
            found.add(finding(FlagCode.R062, request, List.of(request.buyerId(), request.awardedProviderId()),
                    List.of(request.awardEventId()), values("daysDeadlineToAward", days, "thresholdDays", config.slowAwardDays(),
                            "deadline", request.deadline(), "awardedAt", request.awardedAt())));
        }
        return found;
    }

    private java.util.Optional<Finding> identicalPrices(Watch.Request request, List<Watch.Bid> bids, List<String> evidence) {
        Map<BigDecimal, Set<UUID>> byPrice = new TreeMap<>();
        for (Watch.Bid bid : bids) {
            byPrice.computeIfAbsent(bid.priceUzs().stripTrailingZeros(), price -> new LinkedHashSet<>()).add(bid.providerId());
        }
        var identical = byPrice.entrySet().stream().filter(entry -> entry.getValue().size() > 1).toList();
        if (identical.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<UUID> organizations = new ArrayList<>(List.of(request.buyerId()));
        identical.forEach(entry -> organizations.addAll(entry.getValue()));
        return java.util.Optional.of(finding(FlagCode.R028, request, organizations, evidence, values("identicalPricesUzs",
                identical.stream().map(entry -> plain(entry.getKey())).collect(Collectors.joining(",")), "providers",
                identical.stream().flatMap(entry -> entry.getValue().stream()).map(UUID::toString).collect(Collectors.joining(",")))));
    }

    private java.util.Optional<Finding> sharedContacts(Watch.Request request, List<Watch.Bid> bids, List<String> evidence) {
        List<Watch.Organization> bidders = bids.stream().map(Watch.Bid::providerId).distinct()
                .map(watch::organization).flatMap(java.util.Optional::stream).toList();
        Map<String, String> shared = new LinkedHashMap<>();
        Set<UUID> involved = new LinkedHashSet<>();
        share("telephone", bidders, Watch.Organization::phone, shared, involved);
        share("email", bidders, Watch.Organization::email, shared, involved);
        share("address", bidders, Watch.Organization::address, shared, involved);
        if (shared.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<UUID> organizations = new ArrayList<>(List.of(request.buyerId()));
        organizations.addAll(involved);
        return java.util.Optional.of(finding(FlagCode.R044, request, organizations, evidence, shared));
    }

    private static void share(String what, List<Watch.Organization> bidders,
                              java.util.function.Function<Watch.Organization, String> contact, Map<String, String> shared,
                              Set<UUID> involved) {
        Map<String, List<UUID>> byValue = new TreeMap<>();
        for (Watch.Organization bidder : bidders) {
            String value = contact.apply(bidder);
            if (value != null && !value.isBlank()) {
                byValue.computeIfAbsent(value, key -> new ArrayList<>()).add(bidder.id());
            }
        }
        List<String> groups = new ArrayList<>();
        byValue.forEach((value, ids) -> {
            if (ids.size() > 1) {
                involved.addAll(ids);
                groups.add(ids.stream().map(UUID::toString).collect(Collectors.joining("+")));
            }
        });
        if (!groups.isEmpty()) {
            shared.put(what, String.join(",", groups));
        }
    }

    /**
     * R024 and R058 for every awarded request of {@code category}: the fences move as awards come
     * and go, so each award re-evaluates the whole category. Keyed by request subject.
     */
    public Map<UUID, List<Finding>> fences(String category) {
        List<Watch.Request> awarded = watch.awardedIn(category);
        Map<UUID, List<Watch.Bid>> bidsOf = watch.awardedBidsIn(category).stream()
                .collect(Collectors.groupingBy(Watch.Bid::requestId));
        Map<UUID, BigDecimal> ratios = new LinkedHashMap<>();
        for (Watch.Request request : awarded) {
            List<Watch.Bid> bids = bidsOf.getOrDefault(request.id(), List.of()).stream()
                    .sorted(java.util.Comparator.comparing(Watch.Bid::priceUzs)).toList();
            if (bids.size() < 2 || bids.get(0).priceUzs().compareTo(request.awardedPriceUzs()) != 0) {
                continue;
            }
            BigDecimal winning = request.awardedPriceUzs();
            BigDecimal second = bids.stream().filter(bid -> !bid.bidId().equals(request.awardedBidId())).findFirst()
                    .map(Watch.Bid::priceUzs).orElseThrow();
            ratios.put(request.id(), second.subtract(winning).divide(winning, 6, RoundingMode.HALF_UP));
        }
        Map<UUID, List<Finding>> found = new LinkedHashMap<>();
        awarded.forEach(request -> found.put(request.id(), new ArrayList<>()));
        if (ratios.size() < config.fenceMinimumSample()) {
            return found;
        }
        Quartiles quartiles = Quartiles.of(List.copyOf(ratios.values()));
        BigDecimal lower = config.closeBidThreshold().orElse(quartiles.lowerFence());
        BigDecimal upper = config.discountThreshold().orElse(quartiles.upperFence());
        for (Watch.Request request : awarded) {
            BigDecimal ratio = ratios.get(request.id());
            if (ratio == null) {
                continue;
            }
            Map<String, String> compared = values("ratio", ratio.toPlainString(), "q1", quartiles.q1().toPlainString(),
                    "q3", quartiles.q3().toPlainString(), "sample", ratios.size(), "winningPriceUzs", plain(request.awardedPriceUzs()));
            List<UUID> parties = List.of(request.buyerId(), request.awardedProviderId());
            List<String> evidence = List.of(request.revealedEventId(), request.awardEventId());
            if (lower.signum() > 0 && ratio.compareTo(lower) <= 0) {
                Map<String, String> close = new LinkedHashMap<>(compared);
                close.put("lowerFence", lower.toPlainString());
                found.get(request.id()).add(finding(FlagCode.R024, request, parties, evidence, close));
            }
            if (upper.signum() > 0 && ratio.compareTo(upper) >= 0) {
                Map<String, String> discounted = new LinkedHashMap<>(compared);
                discounted.put("upperFence", upper.toPlainString());
                found.get(request.id()).add(finding(FlagCode.R058, request, parties, evidence, discounted));
            }
        }
        return found;
    }

    /**
     * R025 for every provider that bid on an awarded request of {@code category} (and {@code also}),
     * by provider. The figures are the category's (a provider compares with its peers); the flag is
     * raised once for each buyer's region where the provider lost requests of it, so that the
     * administration deciding it is that of the buyers whose tenders it concerns (each region sees
     * the requests lost in it as the evidence).
     */
    public Map<UUID, List<Finding>> losingBidders(String category, Set<UUID> also) {
        List<Watch.Request> awarded = watch.awardedIn(category);
        Map<UUID, Watch.Request> requests = awarded.stream().collect(Collectors.toMap(Watch.Request::id, request -> request));
        List<Watch.Bid> bids = watch.awardedBidsIn(category);
        Map<UUID, Set<UUID>> bidOn = new LinkedHashMap<>();
        bids.forEach(bid -> bidOn.computeIfAbsent(bid.providerId(), provider -> new LinkedHashSet<>()).add(bid.requestId()));
        Map<UUID, Long> wins = awarded.stream().collect(Collectors.groupingBy(Watch.Request::awardedProviderId, Collectors.counting()));
        Map<UUID, List<Finding>> found = new LinkedHashMap<>();
        Set<UUID> providers = new LinkedHashSet<>(bidOn.keySet());
        providers.addAll(also);
        providers.forEach(provider -> found.put(provider, new ArrayList<>()));
        if (bidOn.size() < config.losingBidderMinimumSample()) {
            return found;
        }
        List<BigDecimal> counts = bidOn.values().stream().map(set -> BigDecimal.valueOf(set.size())).sorted().toList();
        BigDecimal percentile = Quartiles.quantile(counts, config.losingBidderPercentile() / 100.0);
        Map<UUID, BigDecimal> ratio = new LinkedHashMap<>();
        bidOn.forEach((provider, bidOnBy) -> ratio.put(provider, BigDecimal.valueOf(wins.getOrDefault(provider, 0L))
                .divide(BigDecimal.valueOf(bidOnBy.size()), 6, RoundingMode.HALF_UP)));
        Quartiles quartiles = Quartiles.of(List.copyOf(ratio.values()));
        BigDecimal fence = config.losingBidderWinRatio().orElse(quartiles.lowerFence());
        boolean flags = config.losingBidderWinRatio().isPresent() || fence.signum() > 0;
        bidOn.forEach((provider, bidOnBy) -> {
            BigDecimal count = BigDecimal.valueOf(bidOnBy.size());
            if (!flags || count.compareTo(percentile) < 0 || ratio.get(provider).compareTo(fence) > 0) {
                return;
            }
            Map<String, List<Watch.Request>> lostIn = new TreeMap<>();
            bidOnBy.stream().map(requests::get).filter(request -> !provider.equals(request.awardedProviderId()))
                    .sorted(java.util.Comparator.comparing(Watch.Request::awardedAt).thenComparing(Watch.Request::id))
                    .forEach(request -> lostIn.computeIfAbsent(region(request), region -> new ArrayList<>()).add(request));
            lostIn.forEach((region, lost) -> found.get(provider).add(new Finding(FlagCode.R025, bidder(provider, category) + region,
                    region, null, null, null, List.of(provider), lost.stream().map(Watch.Request::awardEventId).toList(),
                    values("category", category, "bidOn", bidOnBy.size(), "wins", wins.getOrDefault(provider, 0L), "winRatio",
                            ratio.get(provider).toPlainString(), "bidCountPercentile",
                            percentile.stripTrailingZeros().toPlainString(), "winRatioLowerFence", fence.toPlainString(),
                            "providers", bidOn.size(), "lostInRegion", lost.size(), "lostRequests",
                            lost.stream().map(request -> request.id().toString()).collect(Collectors.joining(","))))));
        });
        return found;
    }

    /** AQ-REPEAT-WINNER for one buyer and provider, as of {@code at}. */
    public List<Finding> repeatWinner(UUID buyerId, UUID providerId, String regionCode, Instant at) {
        List<Watch.Request> awards = watch.awardsOf(buyerId, providerId, at.minus(Duration.ofDays(config.repeatWinnerDays())));
        if (awards.size() <= config.repeatWinnerAwards()) {
            return List.of();
        }
        return List.of(new Finding(FlagCode.REPEAT_WINNER, pair(buyerId, providerId), regionCode, null, null, buyerId,
                List.of(buyerId, providerId), awards.stream().map(Watch.Request::awardEventId).toList(),
                values("awards", awards.size(), "limit", config.repeatWinnerAwards(), "windowDays", config.repeatWinnerDays(),
                        "firstAwardAt", awards.get(0).awardedAt(), "lastAwardAt", awards.get(awards.size() - 1).awardedAt())));
    }

    /** The buyer's region, whose administration reviews the request's flags: the directory's, else the request's first. */
    public String region(Watch.Request request) {
        return watch.organization(request.buyerId()).map(Watch.Organization::regionCode).orElse(request.regions().get(0));
    }

    private Finding finding(FlagCode code, Watch.Request request, List<UUID> organizations, List<String> evidence,
                            Map<String, String> values) {
        return new Finding(code, subject(request.id()), region(request), request.id(), null, request.buyerId(),
                organizations.stream().filter(Objects::nonNull).distinct().toList(),
                evidence.stream().filter(Objects::nonNull).distinct().toList(), values);
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static Map<String, String> values(Object... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return values;
    }
}
