package uz.aqlli.platform.runtime.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraintvalidation.SupportedValidationTarget;
import jakarta.validation.constraintvalidation.ValidationTarget;
import org.hibernate.validator.constraintvalidation.HibernateCrossParameterConstraintValidatorContext;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * How deep a list may be paged, one rule for every list route: the last result of a page is at
 * most the {@value #MAX_RESULTS}th ({@code (page + 1) × size ≤ 10,000}), so a client pages through
 * ten thousand results and no further (a narrower filter finds the rest), the offset the database
 * skips stays small, and {@code page × size} is always an int. A page past the end of a shorter
 * list is an empty page; a page beyond the depth is a 400 naming {@code page}.
 *
 * <p>On the resource method, naming its page and size parameters (by default {@code page} and
 * {@code size}); {@code page ≥ 0} and the size's own bounds stay on the parameters.
 */
@Documented
@Constraint(validatedBy = PageDepth.Validator.class)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
@Retention(RetentionPolicy.RUNTIME)
public @interface PageDepth {

    int MAX_RESULTS = 10_000;

    String page() default "page";

    String size() default "size";

    String message() default "goes deeper than " + MAX_RESULTS + " results";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @SupportedValidationTarget(ValidationTarget.PARAMETERS)
    class Validator implements ConstraintValidator<PageDepth, Object[]> {

        private String page;
        private String size;

        @Override
        public void initialize(PageDepth annotation) {
            page = annotation.page();
            size = annotation.size();
        }

        @Override
        public boolean isValid(Object[] values, ConstraintValidatorContext context) {
            List<String> names = context.unwrap(HibernateCrossParameterConstraintValidatorContext.class).getMethodParameterNames();
            int pageIndex = names.indexOf(page);
            int sizeIndex = names.indexOf(size);
            if (pageIndex < 0 || sizeIndex < 0) {
                throw new IllegalStateException("@PageDepth names parameters " + page + " and " + size + "; the method has " + names);
            }
            if (!(values[pageIndex] instanceof Number pageNumber) || !(values[sizeIndex] instanceof Number sizeNumber)
                    || sizeNumber.longValue() <= 0) {
                return true;
            }
            long last = (pageNumber.longValue() + 1) * sizeNumber.longValue();
            if (last <= MAX_RESULTS) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be at most " + (MAX_RESULTS / sizeNumber.longValue() - 1)
                            + " with size " + sizeNumber.longValue() + ": a list is paged at most " + MAX_RESULTS + " results deep")
                    .addParameterNode(pageIndex)
                    .addConstraintViolation();
            return false;
        }
    }
}
