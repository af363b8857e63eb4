package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A buyer placed an order and the seller now sees it: a catalogue order priced from the listing, a
 * fixed-price or subscription order of an offer, or a request for a quote ({@code FROM_PRICE},
 * {@code HOURLY}, with no amount until the provider quotes).
 *
 * @param items  one per product or the one offer, with the price the server computed
 * @param months the subscription's length; {@code null} unless {@code MONTHLY_SUBSCRIPTION}
 */
public record OrderPlaced(
        OrderFacts order,
        List<Item> items,
        Integer months,
        String deliveryRegionCode,
        String deliveryDistrictCode,
        LocalDate wantedBy,
        Instant placedAt) implements OrderEvent {

    /**
     * @param listingId   the product or offer ordered
     * @param sector      the product's {@link Sector}; {@code null} for an offer
     * @param unit        the product's unit of measure; {@code MONTH} or {@code HOUR} or {@code SERVICE} for an offer
     * @param ikpuCode    the 17-digit IKPU (MXIK) code of the goods or service, if the seller gave one
     * @param unitPriceUzs {@code null} while a quote is awaited
     * @param amountUzs    {@code null} while a quote is awaited
     */
    public record Item(UUID listingId, String sector, String unit, BigDecimal quantity, String ikpuCode, BigDecimal unitPriceUzs,
                       BigDecimal amountUzs) {
    }
}
