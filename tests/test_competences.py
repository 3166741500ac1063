"""The bundled competence lists: DigComp 2.2 and the French Pix/CRCN framework."""

from __future__ import annotations

from curriculum.competences import code_problem, digcomp, frameworks, pix_for


def test_digcomp_has_its_21_competences_in_english_and_french() -> None:
    codes = list(frameworks().digcomp)
    assert codes == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
                     "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
                     "5.1", "5.2", "5.3", "5.4"]
    for competence in frameworks().digcomp.values():
        assert competence.title("en") and competence.title("fr")
    assert digcomp("2.5").title("fr") == "Nétiquette"
    assert digcomp("2.5").title("fr-BE") == "Nétiquette"
    assert digcomp("2.5").title("de") == "Netiquette"  # other languages: English


def test_pix_has_its_16_competences_and_every_match_is_one_of_them() -> None:
    pix = frameworks().pix
    assert list(pix) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2",
                         "3.3", "3.4", "4.1", "4.2", "4.3", "5.1", "5.2"]
    for competence in frameworks().digcomp.values():
        assert set(competence.pix) <= set(pix)
    assert [p.title("fr") for p in pix_for("2.1")] == ["Interagir"]
    assert pix_for("9.9") == []


def test_an_unknown_code_says_what_was_meant() -> None:
    assert code_problem("4.2") is None
    message = code_problem("4.2.1")
    assert message is not None
    assert "did you mean '4.2'?" in message and "5.1 to 5.4" in message
