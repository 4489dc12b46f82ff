#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the example inputs of the micro-credentials-2022 call, byte for byte the same every run.

    python3 examples/micro-credentials-2022/generate.py      (from the repository root)

The applications are written out by hand below, one a row, each made to show one case of the
criteria set (see README.md); this script only saves them as the files a funder has:
`hakemukset.csv` as a Finnish Excel export ("CSV UTF-8": a byte order mark, `;`, CRLF, money
`28 000,00`, credits `2,5`, `kyllä`/`ei`; a line break inside a quoted cell is LF, as Excel
writes it), `assessments.csv` (the panel's verdicts and scores) and `reviewers.csv` (the
roster). Python standard library only.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from export_csv import score_text, write  # noqa: E402  (examples/export_csv.py)

HEADER = [
    "Hakemustunnus", "Hakija", "Opintokokonaisuuden nimi", "Myöntävä organisaatio", "Osaamistavoitteet",
    "Laajuus (op)", "Työmäärä (h)", "Taso", "Arviointitapa", "Osallistumismuoto", "Laadunvarmistus",
    "Kasautuva", "Osa laajempaa kokonaisuutta", "Esitiedot", "Haettu avustus (€)", "Yhteyshenkilö",
]

KR, MO, LP = "Kaisa Räsänen", "Mikael Öhman", "Leena Pöyhönen"
REVIEWERS = [(KR, "Kaisa Räsänen", "J1|J2"), (MO, "Mikael Öhman", "J1|J2"), (LP, "Leena Pöyhönen", "J1|J2")]

PAK = "Pohjanlahden ammattikorkeakoulu"
JSY = "Järvi-Suomen yliopisto"
KHA = "Kaakkois-Hämeen ammattikorkeakoulu"
SAK = "Saimaan Taitokorkeakoulu"
AYH = "Ålands Yrkeshögskola"

QA = "Toteutus arvioidaan korkeakoulun laatujärjestelmän mukaisesti; osallistujapalaute ja työelämäkumppanin arvio."

# A course as the form describes it: each key one of the EU standard elements; a missing key
# is an empty cell. Each application overrides what makes its case.
BASE = {
    "outcomes": "Osallistuja osaa soveltaa menetelmää omassa työssään ja arvioida sen vaikutuksia.",
    "ects": "", "hours": "", "level": "EQF 6", "assessment": "Työelämälähtöinen tehtävä, hyväksytty/hylätty",
    "participation": "verkko", "qa": QA, "stackable": "ei", "stacks_into": "",
    "prerequisites": "ei esitietovaatimuksia",
}

# One application a row: number, applicant, title (None: empty), awarding body (None: empty),
# requested (EUR as written), contact, what differs from BASE, and the panel: a list of
# (reviewer, J1 verdict, J1 score, J2 verdict, J2 score), None for a score not given.
APPS = [
    ("001", PAK, "Lääkehoidon osaamisen päivitys kotihoidossa", PAK, "28 000,00", "Satu Hämäläinen",
     {"ects": "5", "stackable": "kyllä", "stacks_into": "Lääkehoidon erikoistumiskoulutus (30 op)",
      "prerequisites": "sosiaali- tai terveysalan AMK-tutkinto"},
     [(KR, "pass", 5, "pass", 4), (MO, "pass", 4.5, "pass", 4.5)]),
    ("002", JSY, "Turvallisuuskulttuuri ja riskien arviointi", JSY, "30 000,00", "Ville Öberg",
     {"ects": "3", "level": "EQF 7", "prerequisites": "alempi korkeakoulututkinto",
      "participation": "monimuoto"},
     [(MO, "pass", 4.5, "pass", 4.5), (LP, "pass", 4.5, "pass", 5)]),
    ("003", KHA, "Palliatiivinen hoito ja saattohoito", KHA, "25 000,00", "Merja Kärkkäinen",
     {"ects": "4", "outcomes": "Osallistuja tunnistaa palliatiivisen hoidon tarpeen.\n"
                               "Osallistuja suunnittelee saattohoidon yhdessä omaisten kanssa."},
     [(KR, "pass", 4, "pass", 4), (LP, "pass", 4.5, "pass", 4)]),
    ("004", SAK, "Väkivaltatilanteiden ennaltaehkäisy", SAK, "22 000,00", "Jari Lähteenmäki",
     {"hours": "54", "level": "NQF 5", "prerequisites": "", "participation": "lähi"},
     [(KR, "pass", 4, "pass", 4.5), (MO, "pass", 4, "pass", 4)]),
    ("005", PAK, "Ensiapu ja työturvallisuus hoiva-alalla", PAK, "18 500,00", "Satu Hämäläinen",
     {"ects": "2", "level": "EQF 5", "prerequisites": ""},
     [(MO, "pass", 4, "pass", 4.5), (LP, "pass", 4, "pass", 4)]),
    ("006", JSY, "Tekoäly sosiaali- ja terveysalan työn tukena", JSY, "29 500,00", "Ville Öberg",
     {"ects": "2,5", "stackable": "kyllä", "stacks_into": "Digitaalisen sote-työn osaaja (15 op)"},
     [(KR, "pass", 3.5, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("007", KHA, "Monikulttuurinen hoitotyö", KHA, "26 000,00", "Merja Kärkkäinen",
     {"ects": "3", "participation": "monimuoto"},
     [(KR, "pass", 3.5, "pass", 4), (MO, "pass", 3.5, "pass", 4.5)]),
    ("008", AYH, "Kriskommunikation i vården", AYH, "24 000,00", "Annika Sjöholm",
     {"ects": "2", "level": "NQF 6"},
     [(MO, "pass", 3, "pass", 4), (LP, "pass", 3.5, "pass", 4)]),
    ("009", SAK, "Paloturvallisuus hoivakodeissa", SAK, "20 000,00", "Jari Lähteenmäki",
     {"hours": "27", "level": "EQF 4", "prerequisites": ""},
     [(KR, "pass", 3, "pass", 3.5), (LP, "pass", 3, "pass", 3.5)]),
    ("010", PAK, "Työpaikkaohjaajan pedagogiikka", PAK, "27 000,00", "Tiina Väänänen",
     {"ects": "3", "level": "EQF 6"},
     [(KR, "pass", 4, "pass", 3.5)]),
    # Rejected: a standard element is missing or wrong.
    ("011", JSY, None, JSY, "15 000,00", "Ville Öberg",
     {"ects": "1"},
     [(MO, "pass", 4, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("012", KHA, "Ikäihmisten ravitsemus", None, "16 000,00", "Merja Kärkkäinen",
     {"ects": "2"},
     [(KR, "pass", 4, "pass", 4), (MO, "pass", 3.5, "pass", 4)]),
    ("013", SAK, "Mielenterveyden ensiapu", SAK, "12 000,00", "Jari Lähteenmäki",
     {"ects": "1", "outcomes": ""},
     [(KR, "pass", 4, "pass", 4), (LP, "pass", 4, "pass", 3.5)]),
    ("014", AYH, "Digital klientservice", AYH, "21 000,00", "Annika Sjöholm",
     {},
     [(MO, "pass", 4, "pass", 4), (LP, "pass", 4.5, "pass", 4)]),
    ("015", PAK, "Kotihoidon toiminnanohjaus", PAK, "19 000,00", "Tiina Väänänen",
     {"ects": "3", "level": "taso 5"},
     [(KR, "pass", 4, "pass", 4), (MO, "pass", 4, "pass", 4)]),
    ("016", JSY, "Sote-johtamisen tutkimusperusta", JSY, "29 000,00", "Ville Öberg",
     {"ects": "5", "level": "EQF 9", "prerequisites": "ylempi korkeakoulututkinto"},
     [(KR, "pass", 4, "pass", 3.5), (LP, "pass", 4, "pass", 3.5)]),
    ("017", KHA, "Haavanhoidon erityisosaaminen", KHA, "17 500,00", "Merja Kärkkäinen",
     {"ects": "2", "assessment": ""},
     [(MO, "pass", 4.5, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("018", SAK, "Lastensuojelun perusteet", SAK, "23 000,00", "Jari Lähteenmäki",
     {"ects": "4", "participation": ""},
     [(KR, "pass", 4, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("019", PAK, "Ergonomia ja työkyky", PAK, "14 000,00", "Tiina Väänänen",
     {"hours": "40", "level": "EQF 5", "qa": ""},
     [(KR, "pass", 4, "pass", 4), (MO, "pass", 3.5, "pass", 4)]),
    ("020", JSY, "Kuntoutuksen vaikuttavuuden arviointi", JSY, "26 500,00", "Ville Öberg",
     {"ects": "5", "stackable": "kyllä", "stacks_into": ""},
     [(MO, "pass", 4, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("021", KHA, "Näyttöön perustuva hoitotyö", KHA, "24 500,00", "Merja Kärkkäinen",
     {"ects": "5", "level": "EQF 7", "prerequisites": ""},
     [(KR, "pass", 4, "pass", 4), (MO, "pass", 4, "pass", 4)]),
    ("022", AYH, "Säkerhetsarbete i hemvården", AYH, "30 000,01", "Annika Sjöholm",
     {"ects": "4"},
     [(KR, "pass", 4.5, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    # Rejected by the panel.
    ("023", SAK, "Asiakastyön perusteet", SAK, "16 000,00", "Jari Lähteenmäki",
     {"ects": "2", "level": "EQF 4", "prerequisites": ""},
     [(KR, "fail", 2, "pass", 3.5), (MO, "fail", 1.5, "pass", 3)]),
    ("024", PAK, "Sähköinen kirjaaminen", PAK, "13 500,00", "Tiina Väänänen",
     {"ects": "1"},
     [(MO, "pass", 3, "pass", 4), (LP, "pass", 2, "pass", 4)]),
    ("025", JSY, "Turvallisuusjohtamisen syventävä jakso", JSY, "28 500,00", "Ville Öberg",
     {"ects": "10", "level": "EQF 7", "prerequisites": "turvallisuusalan tutkinto", "participation": "lähi"},
     [(KR, "pass", 4, "fail", 2), (LP, "pass", 4.5, "fail", 2.5)]),
    # Go to clarifying discussions.
    ("026", KHA, "Omaishoitajien tukeminen", KHA, "15 500,00", "Merja Kärkkäinen",
     {"ects": "2", "level": "", "prerequisites": ""},
     [(KR, "pass", 4, "pass", 4), (MO, "pass", 4, "pass", 4)]),
    ("027", SAK, "Kuntouttava arjen tuki", SAK, "18 000,00", "Jari Lähteenmäki",
     {"ects": "3", "stackable": ""},
     [(MO, "pass", 4, "pass", 4), (LP, "pass", 4, "pass", 4)]),
    ("028", AYH, "Palliativ vård i hemmet", AYH, "22 500,00", "Annika Sjöholm",
     {"ects": "3"},
     [(KR, "pass", 4, "pass", 4), (LP, "fail", 2.5, "pass", 3.5)]),
    ("029", PAK, "Kriisityön perusteet", PAK, "17 000,00", "Tiina Väänänen",
     {"ects": "2", "level": "EQF 5", "prerequisites": ""},
     [(KR, "pass", 4, "pass", 4), (MO, "unclear", 3, "pass", 4)]),
    # Await the panel.
    ("030", JSY, "Etäkuntoutuksen menetelmät", JSY, "21 500,00", "Ville Öberg",
     {"ects": "3"},
     []),
    ("031", KHA, "Gerontologinen sosiaalityö", KHA, "19 500,00", "Merja Kärkkäinen",
     {"ects": "3"},
     [(KR, "pass", None, "pass", 4), (LP, "pass", None, "pass", 4)]),
    # Stackability and prerequisites where they are not needed.
    ("032", SAK, "Hygieniaosaaminen ruokapalveluissa", SAK, "15 000,00", "Jari Lähteenmäki",
     {"hours": "27", "level": "EQF 4", "prerequisites": "", "stackable": "",
      "stacks_into": "Ravitsemispalvelujen osaaja (12 op)"},
     [(MO, "pass", 3.5, "pass", 3.5), (LP, "pass", 3.5, "pass", 3.5)]),
]

NOTES = {
    ("023", KR, "J1"): "Tarve on jo katettu alueen tarjonnassa.",
    ("024", LP, "J1"): "Työelämän tarve jää perustelematta.",
    ("025", KR, "J2"): "Liian raskas suoritettavaksi työn ohessa.",
    ("028", LP, "J1"): "Epävarma, vastaako tarjonta kysyntään.",
    ("029", MO, "J1"): "Tarvitaan tieto työelämäkumppaneista.",
}


def main():
    apps, assessments = [], []
    for num, applicant, title, awarding, requested, contact, changes, panel in APPS:
        app_id = f"MC22-{num}"
        course = dict(BASE, **changes)
        apps.append([app_id, applicant, title or "", awarding or "", course["outcomes"], course["ects"],
                     course["hours"], course["level"], course["assessment"], course["participation"],
                     course["qa"], course["stackable"], course["stacks_into"], course["prerequisites"],
                     requested, contact])
        for criterion in ("J1", "J2"):
            for reviewer, v1, s1, v2, s2 in panel:
                verdict, score = (v1, s1) if criterion == "J1" else (v2, s2)
                note = NOTES.get((num, reviewer, criterion), "")
                assessments.append([app_id, criterion, reviewer, verdict, score_text(score), note])
    write(HERE, "hakemukset.csv", apps, HEADER, delimiter=";", bom=True, crlf=True)
    write(HERE, "assessments.csv", assessments, ["application", "criterion", "reviewer", "verdict", "score", "note"])
    write(HERE, "reviewers.csv", REVIEWERS, ["reviewer", "name", "criteria"])


if __name__ == "__main__":
    main()
