package uz.aqlli.console.web;

import org.junit.jupiter.api.Test;
import uz.aqlli.console.client.ApiProblem;
import uz.aqlli.console.i18n.Labels;
import uz.aqlli.console.i18n.Language;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {

    private static final ApiProblem BAD_PRICE = new ApiProblem(400, "urn:aqlli:problem:invalid-request", "Invalid request",
            List.of(new ApiProblem.FieldError("minPrice", "must be greater than or equal to 0"),
                    new ApiProblem.FieldError("organization.stir", "must be 9 digits")));

    @Test
    void eachNamedFieldGetsAMessageInTheReadersLanguageNotTheApis() {
        Problems russian = Problems.of(BAD_PRICE, Labels.load(Language.RU));
        assertTrue(russian.at("minPrice"));
        assertEquals("Укажите цену в сумах положительным числом, например 1500000.", russian.message("minPrice"));
        // A field the console has no label of its own for still gets one, in the language.
        assertEquals("Это значение не принято.", russian.message("organization.stir"));
        assertFalse(russian.at("maxPrice"));
        assertEquals("Некоторые значения не приняты; исправьте отмеченные поля.", russian.page());
    }

    @Test
    void unknownProblemsAndOutagesGetAGeneralMessage() {
        Labels english = Labels.load(Language.EN);
        assertEquals("The request could not be done.",
                Problems.of(new ApiProblem(409, "urn:aqlli:problem:something-new", "x", List.of()), english).page());
        assertEquals("The service is not answering right now. Please try again shortly.",
                Problems.of(ApiProblem.unavailable("java.net.ConnectException"), english).page());
        assertFalse(Problems.of(null, english).any());
    }
}
