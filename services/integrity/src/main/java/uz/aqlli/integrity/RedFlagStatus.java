package uz.aqlli.integrity;

/**
 * A flag's lifecycle: {@code RAISED} → {@code UNDER_REVIEW} → {@code CONFIRMED} | {@code DISMISSED},
 * decided by the administration; {@code RETRACTED} when a later event took its evidence away
 * before a decision (the flag is kept, never deleted).
 */
public enum RedFlagStatus {
    RAISED,
    UNDER_REVIEW,
    CONFIRMED,
    DISMISSED,
    RETRACTED;

    /** Whether a re-evaluation may still retract or update it: a decided flag stays as decided. */
    public boolean open() {
        return this == RAISED || this == UNDER_REVIEW;
    }
}
