package uz.aqlli.offers.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uz.aqlli.offers.AwardCriterion;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidStatus;
import uz.aqlli.offers.Question;
import uz.aqlli.offers.RequestStatus;
import uz.aqlli.offers.RequestTerms;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.offers.repository.BidRepository;
import uz.aqlli.offers.repository.QuestionRepository;
import uz.aqlli.offers.repository.ServiceRequestRepository;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.RequestUnsuccessful;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.api.Listing;
import uz.aqlli.platform.runtime.outbox.EventOutbox;
import uz.aqlli.platform.runtime.problem.ProblemException;
import uz.aqlli.platform.runtime.security.Caller;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service request's tender from publication to its outcome: questions and answers while it is
 * open, the deadline (closed by {@link #closeDue()} or by whoever touches the request first), and
 * the buyer's award, unsuccessful declaration or cancellation.
 *
 * <p>Every time decision uses the server's {@link Clock}; nothing the client sends is a time the
 * server trusts, except the deadline it proposes, which is checked against the minimum period.
 */
@ApplicationScoped
public class Tendering {

    private static final Logger LOG = Logger.getLogger(Tendering.class);

    private final ServiceRequestRepository requests;
    private final BidRepository bids;
    private final QuestionRepository questions;
    private final EventOutbox outbox;
    private final OrganizationStandings standings;
    private final Caller caller;
    private final Clock clock;
    private final TenderConfig config;

    Tendering(ServiceRequestRepository requests, BidRepository bids, QuestionRepository questions, EventOutbox outbox,
              OrganizationStandings standings, Caller caller, Clock clock, TenderConfig config) {
        this.requests = requests;
        this.bids = bids;
        this.questions = questions;
        this.outbox = outbox;
        this.standings = standings;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public ServiceRequest publish(RequestTerms terms) {
        UUID buyer = caller.requireOrganization();
        Instant now = clock.instant();
        OfferBoard.checkRegions("regions", terms.regions());
        if (terms.deadline().isBefore(now.plus(config.minimumPeriod()))) {
            throw ProblemException.invalidField("deadline", "must be at least " + config.minimumPeriod()
                    + " after publication (server time now: " + now + ")");
        }
        if (terms.deadline().isAfter(now.plus(config.maximumPeriod()))) {
            throw ProblemException.invalidField("deadline", "must be at most " + config.maximumPeriod() + " after publication");
        }
        standings.requireVerified(buyer, "publish service requests");
        ServiceRequest request = ServiceRequest.publish(UUID.randomUUID(), buyer, terms, now);
        requests.persist(request);
        outbox.append(new RequestPublished(request.id(), buyer, request.category().name(),
                request.title(), request.regions(), request.budgetPublic() ? request.budgetUzs() : null, request.deadline(),
                request.criterion().name(), request.priceWeight(), request.qualityWeight(), now));
        requests.flush();
        return request;
    }

    /** The request as it stands now: one whose deadline has passed is closed first, whoever asks. */
    @Transactional
    public ServiceRequest current(UUID id) {
        ServiceRequest request = requests.findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (request.dueAt(clock.instant())) {
            request = closeIfDue(id);
        }
        return request;
    }

    public Listing<ServiceRequest> board(RequestStatus status, ServiceCategory category, String regionCode, boolean byDeadline,
                                         int page, int size) {
        var query = requests.search(status, category, regionCode, null, byDeadline);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    public Listing<ServiceRequest> own(RequestStatus status, int page, int size) {
        var query = requests.search(status, null, null, caller.requireOrganization(), false);
        return new Listing<>(query.page(page, size).list(), query.count());
    }

    /**
     * How many active bids each request has, in one query (a page of the board is not a query per
     * request); only for requests {@link BidSeal#countsFor} allows.
     */
    public Map<UUID, Long> bidCounts(List<ServiceRequest> requests) {
        return bids.countActive(requests.stream().map(ServiceRequest::id).toList());
    }

    @Transactional
    public Question ask(UUID requestId, String text) {
        UUID provider = caller.requireOrganization();
        ServiceRequest request = requests.findByIdOptional(requestId).orElseThrow(() -> notFound(requestId));
        if (!request.openAt(clock.instant())) {
            throw ProblemException.conflict("tender-closed", "Questions are taken only while the tender is open");
        }
        standings.requireVerified(provider, "ask questions on service requests");
        Question question = new Question(UUID.randomUUID(), requestId, provider, text, clock.instant());
        questions.persist(question);
        return question;
    }

    public List<Question> questions(UUID requestId) {
        requests.findByIdOptional(requestId).orElseThrow(() -> notFound(requestId));
        return questions.ofRequest(requestId);
    }

    @Transactional
    public Question answer(UUID requestId, UUID questionId, String text) {
        ServiceRequest request = ownRequest(requestId);
        Question question = questions.findByIdOptional(questionId)
                .filter(found -> found.requestId().equals(request.id()))
                .orElseThrow(() -> ProblemException.notFound("Question " + questionId));
        if (request.status().ended()) {
            throw ProblemException.conflict("invalid-status-transition", "The request is " + request.status() + "; questions are closed");
        }
        if (question.answer() != null) {
            throw ProblemException.conflict("already-answered", "The question is answered; answers are public and final");
        }
        Instant now = clock.instant();
        question.answer(text, now);
        outbox.append(new QuestionAnswered(request.id(), question.id(), question.question(), text, now));
        // An answer racing this one read the question unanswered too; the version makes one of them
        // lose, and flushing here makes that a 412 rather than a failed commit.
        questions.flush();
        return question;
    }

    /**
     * The buyer's award. Under {@code LOWEST_PRICE} a bid that is not the lowest needs a reason;
     * under {@code PRICE_AND_QUALITY} the buyer scores every bid's quality (0–100) and a bid that
     * is not the best weighted score needs a reason.
     */
    @Transactional
    public ServiceRequest award(UUID requestId, UUID bidId, String reason, Map<UUID, Integer> qualityScores) {
        ServiceRequest request = closeIfDue(ownRequest(requestId).id());
        request.requireEvaluation("award");
        List<Bid> active = bids.active(request.id());
        Bid winner = active.stream().filter(bid -> bid.id().equals(bidId)).findFirst()
                .orElseThrow(() -> notAwardable(request, bidId));
        boolean lowestPrice = AwardScoring.lowestPrice(active, winner);
        boolean best = AwardScoring.best(request, active, winner, qualityScores);
        if (!best && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", request.criterion() == AwardCriterion.LOWEST_PRICE
                    ? "is required to award a bid that is not the lowest price"
                    : "is required to award a bid that does not have the best weighted score");
        }
        Instant now = clock.instant();
        request.award(winner.id(), blankToNull(reason), now);
        outbox.append(new RequestAwarded(request.id(), request.buyerId(), request.category().name(), request.title(),
                request.regions(), winner.id(),
                winner.providerId(), winner.priceUzs(), winner.durationDays(), request.criterion().name(), lowestPrice,
                active.size(), blankToNull(reason), request.budgetUzs(), now));
        requests.flush();
        return request;
    }

    @Transactional
    public ServiceRequest declareUnsuccessful(UUID requestId, String reason) {
        ServiceRequest request = closeIfDue(ownRequest(requestId).id());
        Instant now = clock.instant();
        request.declareUnsuccessful(reason, now);
        outbox.append(new RequestUnsuccessful(request.id(), request.buyerId(), false, reason, now));
        requests.flush();
        return request;
    }

    @Transactional
    public ServiceRequest cancel(UUID requestId, String reason) {
        ServiceRequest request = closeIfDue(ownRequest(requestId).id());
        RequestStatus before = request.status();
        Instant now = clock.instant();
        request.cancel(reason, now);
        outbox.append(new RequestCancelled(request.id(), request.buyerId(), before.name(), reason, now));
        requests.flush();
        return request;
    }

    /**
     * Closes every request whose deadline has passed: at the moment itself, and after a restart for
     * whatever passed while the service was down. Each request closes in its own transaction.
     */
    @Scheduled(every = "${aqlli.offers.tender.sweep-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> requests.due(clock.instant(), 100));
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> closeIfDue(id));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not close service request %s at its deadline; the next sweep retries", id);
            }
        }
    }

    /**
     * Locks the request and, if its deadline has passed while it is still open, closes it: the active
     * bids are revealed to the buyer ({@code BidsRevealed}), or with none it is unsuccessful. Bids
     * being written hold a shared lock on the request, so they commit before this reads them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ServiceRequest closeIfDue(UUID id) {
        // A copy read earlier in this transaction would have Hibernate check its version while
        // locking, and answer 412 to whoever raced the sweep to the deadline: lock a fresh read.
        requests.findByIdOptional(id).ifPresent(requests.getEntityManager()::detach);
        ServiceRequest request = requests.lockToClose(id).orElseThrow(() -> notFound(id));
        requests.getEntityManager().refresh(request);
        Instant now = clock.instant();
        if (!request.dueAt(now)) {
            return request;
        }
        List<Bid> active = bids.active(id);
        request.close(active.size(), now);
        if (active.isEmpty()) {
            outbox.append(new RequestUnsuccessful(id, request.buyerId(), true, request.outcomeReason(), now));
        } else {
            outbox.append(new BidsRevealed(id, request.buyerId(), request.deadline(),
                    active.stream().map(bid -> new BidsRevealed.RevealedBid(bid.id(), bid.providerId(), bid.priceUzs(),
                            bid.durationDays(), bid.lastSubmittedAt())).toList(), now));
        }
        requests.flush();
        return request;
    }

    /** The caller's organization's request, for the buyer's decisions; anyone else's is 404. */
    private ServiceRequest ownRequest(UUID id) {
        return requests.findByIdOptional(id)
                .filter(request -> caller.memberOf(request.buyerId()))
                .orElseThrow(() -> notFound(id));
    }

    private ProblemException notAwardable(ServiceRequest request, UUID bidId) {
        boolean declined = bids.findByIdOptional(bidId)
                .filter(bid -> bid.requestId().equals(request.id()) && bid.status() == BidStatus.DECLINED_AWARD).isPresent();
        return declined
                ? ProblemException.conflict("award-declined", "bidId", "Bid " + bidId
                        + " declined its award (its supplier refused to sign the contract); award another bid or declare the request unsuccessful")
                : ProblemException.invalidField("bidId", "is not an active bid on this request");
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Service request " + id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
