package nl.tafel.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and ordinary names against SharePoint's rules: each refusal names what to change. */
class DocumentNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Jaarverslag 2025.pdf", "Notulen 12-12-2025 (concept).docx", "Begroting € 2026.xlsx",
            "Café De Burcht – offerte.pdf", "a", "CONTRACT.pdf", "console.txt", "com10.txt", "R&D plan.docx",
            "versie 1.0.final.pdf", ".gitignore"})
    void ordinaryNamesAreFine(String name) {
        assertThat(DocumentNames.check(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "agenda:januari.pdf => names.forbiddenCharacters",
            "wat nu?.docx => names.forbiddenCharacters",
            "a*b => names.forbiddenCharacters",
            "\"quoted\".pdf => names.forbiddenCharacters",
            "map/bestand.pdf => names.forbiddenCharacters",
            "map\\bestand.pdf => names.forbiddenCharacters",
            "a|b.pdf => names.forbiddenCharacters",
            "<script>alert(1)</script>.pdf => names.forbiddenCharacters",
            "<img src=x onerror=alert(1)> => names.forbiddenCharacters",
            "' spatie vooraan.pdf' => names.spaces",
            "'spatie achteraan.pdf ' => names.spaces",
            "_vti_cnf => names.vti",
            "verslag_vti_2025.pdf => names.vti",
            "~$jaarverslag.docx => names.tildeDollar",
            ".lock => names.reserved",
            "CON => names.reserved",
            "con.txt => names.reserved",
            "PRN.pdf => names.reserved",
            "aux => names.reserved",
            "NUL.docx => names.reserved",
            "COM1 => names.reserved",
            "com9.pdf => names.reserved",
            "LPT0 => names.reserved",
            "lpt9.txt => names.reserved",
            "desktop.ini => names.reserved",
            "Desktop.INI => names.reserved",
            ". => names.dotsOnly",
            ".. => names.dotsOnly",
            "... => names.dotsOnly",
            "verslag. => names.trailingDot",
            "verslag.pdf. => names.trailingDot",
            "Jaarverslag\u202Egpj.pdf => names.formatCharacters",
            "links\u200Fom.pdf => names.formatCharacters",
            "\uFEFFbom.txt => names.formatCharacters",
            "zero\u200Bwidth.txt => names.formatCharacters"})
    void forbiddenNamesSayWhatToChange(String name, String key) {
        Optional<NameProblem> problem = DocumentNames.check(name);
        assertThat(problem).isPresent();
        assertThat(problem.get().messageKey()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void blankNamesAreRefused(String name) {
        assertThat(DocumentNames.check(name)).map(NameProblem::messageKey).contains("names.required");
    }

    @org.junit.jupiter.api.Test
    void theForbiddenCharactersAreListedOnceEach() {
        assertThat(DocumentNames.check("a:b:c?.pdf")).get().extracting(p -> p.arguments().getFirst())
                .isEqualTo(": ?");
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAndNullBytesAreRefused() {
        assertThat(DocumentNames.check("nota\u0000.pdf")).map(NameProblem::messageKey)
                .contains("names.controlCharacters");
        assertThat(DocumentNames.check("regel\neen.pdf")).map(NameProblem::messageKey)
                .contains("names.controlCharacters");
    }

    @org.junit.jupiter.api.Test
    void namesLongerThan255AreRefusedWithTheirLength() {
        String name = "x".repeat(256);
        NameProblem problem = DocumentNames.check(name).orElseThrow();
        assertThat(problem.messageKey()).isEqualTo("names.tooLong");
        assertThat(problem.arguments()).containsExactly(255, 256);
        assertThat(DocumentNames.check("x".repeat(255))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void thePathAsSharePointCountsItStaysWithin400() {
        String parent = "Bestuur/" + "m".repeat(380);
        assertThat(DocumentNames.checkPath(parent, "kort.pdf")).isEmpty();
        NameProblem problem = DocumentNames.checkPath(parent, "een veel te lange naam.pdf").orElseThrow();
        assertThat(problem.messageKey()).isEqualTo("names.pathTooLong");
        assertThat(problem.arguments()).containsExactly(400, parent.length() + 1 + 26 - 400);
    }

    @org.junit.jupiter.api.Test
    void namesCompareWithoutCase() {
        assertThat(DocumentNames.key("Jaarverslag.PDF")).isEqualTo(DocumentNames.key("jaarverslag.pdf"));
        assertThat(DocumentNames.extension("Jaarverslag.PDF")).isEqualTo("pdf");
        assertThat(DocumentNames.extension(".gitignore")).isEmpty();
    }
}
