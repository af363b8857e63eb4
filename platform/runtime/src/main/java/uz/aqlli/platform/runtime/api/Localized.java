package uz.aqlli.platform.runtime.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;

/**
 * A text the marketplace shows in the region's languages: a map from language tag to text, with
 * at least one of {@code uz-Latn}, {@code uz-Cyrl}, {@code ru}, {@code en}, none blank, none longer
 * than {@link #maxLength()}. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Localized.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Localized {

    /** The languages a text may be written in: Uzbek in Latin and Cyrillic script, Russian, English. */
    Set<String> LANGUAGES = Set.of("uz-Latn", "uz-Cyrl", "ru", "en");

    int maxLength();

    String message() default "must give the text in at least one of uz-Latn, uz-Cyrl, ru, en";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Localized, Map<String, String>> {

        private int maxLength;

        @Override
        public void initialize(Localized annotation) {
            maxLength = annotation.maxLength();
        }

        @Override
        public boolean isValid(Map<String, String> text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            String problem = null;
            if (text.isEmpty()) {
                problem = "must give the text in at least one of uz-Latn, uz-Cyrl, ru, en";
            }
            for (var entry : text.entrySet()) {
                if (!LANGUAGES.contains(entry.getKey())) {
                    problem = "has language '" + entry.getKey() + "'; the languages are uz-Latn, uz-Cyrl, ru, en";
                } else if (entry.getValue() == null || entry.getValue().isBlank()) {
                    problem = "must not be blank in " + entry.getKey();
                } else if (entry.getValue().length() > maxLength) {
                    problem = "must be at most " + maxLength + " characters in " + entry.getKey();
                }
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
            return false;
        }
    }
}
