package uz.aqlli.orders;

/** What a rater gives: 1–5 for each of quality, timeliness and communication, and a text. */
public record RatingScores(int quality, int timeliness, int communication, String text) {
}
