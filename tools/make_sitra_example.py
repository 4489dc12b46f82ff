#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate the `examples/sitra-2021/` data set for the `sitra-2021` criteria set.

Run from the repository root:

    python3 tools/make_sitra_example.py

Python 3 standard library only. The output is deterministic (a fixed
`random.Random(2021)`, and a separate `random.Random(2022)` for the `resources_committed`
column, added later, so that it does not shift the other values): every run writes the same
bytes. Files written into `examples/sitra-2021/`:

- `applications.csv`     UTF-8, `,`, LF, RFC 4180 quoting, ISO dates, money `95000`/`95000.50`,
                         booleans `true`/`false`
- `applications-fi.csv`  the same data as a Finnish Excel "CSV UTF-8" export: BOM, `;`, CRLF,
                         money `95 000,00` (space, a no-break space in a few rows), dates `1.3.2021`,
                         booleans `kyllä`/`ei`
- `applications.yaml`    the same data as YAML (`applications:` list, money as integer or
                         quoted "95000.50", booleans `true`/`false`, missing values left out)
- `assessments.csv`      reviewers' verdicts and scores on the judgement criteria
- `reviewers.csv`        the call's roster: each reviewer's id, name and the criteria they assess
- `README.md`            what the files are and the decisions the criteria set predicts

The 82 applications mirror Sitra's 2021 *Osaamisen aika* call: the eight funded pilots
are real (applicant, title, thesis, targets from Sitra's report); their money, dates and
the reviewers' verdicts are illustrative; the other 74 applications are synthetic and
come from fictional organisations.

After writing, the script reads every file back (csv module, and a small reader for the
YAML subset it writes), asserts that the three application files hold identical data,
recomputes the decisions from the files alone, and asserts that they are the intended
ones. The README also predicts the decisions under a revised C6 that reads
`resources_committed` with the funding policy `skip` (the 2021 set does not read the field).
`--check` only verifies the files already on disk.
"""

from __future__ import annotations

import csv
import io
import os
import random
import re
import sys
from datetime import date
from fractions import Fraction

OUT_DIR = os.path.join("examples", "sitra-2021")

FIELDS = [
    "id", "applicant", "title", "thesis", "stage", "kind", "programme_started",
    "programme_ends", "requested_eur", "own_resources_eur", "programme_budget_eur",
    "resources_committed", "actors", "problem", "evidence",
]
BOOL_TEXT = {False: ("true", "false"), True: ("kyllä", "ei")}  # keyed by "Finnish export"
COMMITTED_SEED = 2022  # a stream of its own: the 2021 stream stays as it was
ASSESSMENT_FIELDS = ["application", "criterion", "reviewer", "verdict", "score", "note"]

# The call (criteria/sitra-2021.yaml).
STARTED_BY = date(2020, 12, 1)  # call deadline 2021-03-01 minus 3 months
CONTINUES_AFTER = date(2021, 12, 31)
BUDGET_CENTS = 800_000 * 100

ALL_CRITERIA = ["X1", "X2", "X3", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"]
JUDGED = ["C1", "C2", "C3", "C4", "C5", "C6", "C8"]  # kind judgement or both
BOTH = ["C1", "C3", "C4", "C5", "C6"]  # a list: iteration order feeds the rng
WEIGHTS = {"C1": 2, "C2": 1, "C3": 1, "C4": 1, "C8": 1}
TITLES_EN = {
    "X1": "Not a technological solution",
    "X2": "Not an entirely new project",
    "X3": "Not still at the idea stage",
    "C1": "Advances thesis 3",
    "C2": "Goals are realistic",
    "C3": "The problem is real and credibly justified",
    "C4": "The actors are relevant",
    "C5": "Capability independent of Sitra",
    "C6": "The whole is sufficiently resourced",
    "C7": "Has run 3 months and continues after 2021",
    "C8": "The pilot adds to the impact of the whole",
}
KIND = {"X1": "rule", "X2": "rule", "X3": "rule", "C1": "both", "C2": "judgement",
        "C3": "both", "C4": "both", "C5": "both", "C6": "both", "C7": "rule",
        "C8": "judgement"}

REVIEWERS = ["Aino Mäkelä", "Jussi Översti", "Liisa Heikkilä"]
ROSTER_FIELDS = ["reviewer", "name", "criteria"]

NBSP = "\u00a0"
MISSING = None


def eur(amount: str) -> int:
    """'95000.50' -> 9500050 cents."""
    whole, _, frac = amount.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


# --------------------------------------------------------------------------------------
# The eight real pilots (names, titles and theses from Sitra's report; targets in the
# problem/evidence texts are the report's; money and dates are illustrative). `committed` is
# `resources_committed`: true for all but OSKU, whose resources changed and whose planned
# resources were not there when the money came (Sitra's report).
# --------------------------------------------------------------------------------------

PILOTS = [
    dict(
        key="discovery", applicant="Discovery Street Oy", title="Vertaisverkosto",
        thesis="3B", started=date(2019, 9, 1), ends=None,
        requested=eur("98500"), own=eur("24000"), budget=eur("420000"),
        actors=["Discovery Street Oy", "Growthsetters Oy", "Jyväskylän yliopisto",
                "Jyväskylän ammattikorkeakoulu JAMK", "Keski-Suomen liitto"],
        problem=("Yrityksissä syntyvä kokemustieto ei liiku organisaatiosta toiseen, eikä "
                 "muodollinen koulutus tarjoa tapaa oppia vertaisilta. Tavoite: aktivoida "
                 "kolme toimivaa vertaisverkostoa ja perustaa 2–3 uutta vertaisoppimisen solua."),
        evidence=("Tuotepäälliköiden, johtamisen ja kompleksisuusosaamisen verkostot toimivat "
                  "jo Jyväskylässä. Jäsenten mukaan harva yritys osaa tehdä oppimisesta "
                  "jatkuvaa, seurattavaa toimintaa."),
    ),
    dict(
        key="esedu", applicant="Etelä-Savon Koulutus Oy", title="Osaaminen kuntoon (OSKU)",
        thesis="3D", started=date(2020, 1, 1), ends=date(2022, 12, 31),
        requested=eur("95000.50"), own=eur("31500"), budget=eur("610000"), committed=False,
        actors=["Etelä-Savon Koulutus Oy", "Mäntyharjun kansalaisopisto", "Etelä-Savon Yrittäjät",
                "Etelä-Savon ELY-keskus"],
        problem=("Mikkelin ympäristön maaseutukuntien pienyrityksissä osaamisen kehittäminen "
                 "on satunnaista, eikä oppilaitoksen tarjonta kohtaa yrittäjän arkea.\n"
                 "Tavoitteet: 32 yrityshaastattelua, 10 kehittämissuunnitelmaa ja 4–6 "
                 "pilotoitavaa toimenpidettä."),
        evidence=("Juvalla, Kangasniemellä, Pertunmaalla, Mäntyharjulla ja Hirvensalmella on "
                  "tehty osaamiskartoituksia; niissä yrittäjät nimesivät \"ajan puutteen\" "
                  "suurimmaksi esteeksi."),
    ),
    dict(
        key="iisalmi", applicant="Iisalmen kaupunki",
        title="Ylä-Savon akatemia – monikampusmalli",
        thesis="3E", started=date(2020, 3, 1), ends=None,
        requested=eur("104000"), own=eur("40000"), budget=eur("1250000"),
        actors=["Iisalmen kaupunki", "Ylä-Savon ammattiopisto", "Savonia ammattikorkeakoulu",
                "Itä-Suomen yliopisto", "HJP Kehitys Oy"],
        problem=("Ylä-Savon valmistavan teollisuuden yritykset ja alueen oppilaitokset eivät "
                 "tunne toistensa tarpeita, ja avainteknologioiden osaajista on pulaa."),
        evidence=("Yritykset ovat toistuvasti maininneet osaavan työvoiman saatavuuden kasvun "
                  "esteeksi. Tavoite: 40–50 yritystä osaamistarveselvitykseen, 10 yritystä "
                  "yritys–oppilaitostyöpajoihin ja 30 toimijaa työpajoihin."),
    ),
    dict(
        key="kajaani", applicant="Kajaanin ammattikorkeakoulu",
        title="PK-yritysten työelämäaktivaattorit Kainuussa ja Koillismaalla",
        thesis="3E", started=date(2019, 1, 1), ends=date(2023, 12, 31),
        requested=eur("109800"), own=eur("36000"), budget=eur("880000"),
        actors=["Kajaanin ammattikorkeakoulu", "Naturpolis Oy", "Kainuun ammattiopisto"],
        problem=("Kainuun ja Koillismaan pk-yritysten kehittämistarpeet eivät välity "
                 "ammattikorkeakoulun opetukseen ja hankkeisiin, ja opiskelijoiden kytkös "
                 "alueen yrityksiin on ohut."),
        evidence=("Moni opiskelija opiskelee etänä muualta käsin. Yritykset tunnistavat "
                  "tarpeensa, mutta kehittäminen jää kiireen alle.\n"
                  "Tavoite: 140 yritystapaamista."),
    ),
    dict(
        key="kasvuryhma", applicant="Kasvuryhmä Suomi ry", title="Vertaisoppimisen ohjelma",
        thesis="3B", started=date(2018, 8, 1), ends=None,
        requested=eur("99900"), own=eur("45000"), budget=eur("540000"),
        actors=["Kasvuryhmä Suomi ry", "Kasvu Open"],
        problem=("Keskisuurilla kasvuyrityksillä ei ole järjestelmällistä tapaa tunnistaa ja "
                 "työstää kasvun lähteitä yhdessä, vaikka jäsenyritysten kokemus olisi "
                 "jaettavissa."),
        evidence=("Jäsenistö kattaa lähes kymmenesosan Suomen 10 M€–1 Mrd€ liikevaihdon "
                  "yrityksistä, ja sparraustiimit toimivat jo. Tavoite: 50 yritystä pilottiin "
                  "ja uusia toimintatapoja noin 200 yritykseen."),
    ),
    dict(
        key="metropolia", applicant="Metropolia Ammattikorkeakoulu",
        title="Opi arjessa – työpaikoista oppimisympäristöjä",
        thesis="3C", started=date(2020, 8, 1), ends=date(2022, 6, 30),
        requested=eur("92400"), own=eur("28000"), budget=eur("350000"),
        actors=["Metropolia Ammattikorkeakoulu", "Vantaan kaupunki", "Koko & Kehitys Oy"],
        problem=("Vantaan kaupungin työyksiköissä työssä oppiminen jää näkymättömäksi, eikä "
                 "opittu siirry koko tiimin käytännöksi."),
        evidence=("Tarve on tunnistettu Metropolian ja Vantaan kaupungin kumppanuudessa, ja "
                  "kaupungin uusi strategia edellyttää oppivia työyhteisöjä. Malli pilotoidaan "
                  "kolmen tiimin kanssa."),
    ),
    dict(
        key="brahe", applicant="Raahen seudun koulutuskuntayhtymä Brahe",
        title="Osaamisbuusti",
        thesis="3D", started=date(2020, 2, 1), ends=None,
        requested=eur("101250"), own=eur("33750"), budget=eur("720000"),
        actors=["Raahen seudun koulutuskuntayhtymä Brahe", "Raahen kaupunki",
                "Raahen Porvari- ja Kauppakoulu", "Woodcom Oy"],
        problem=("Raahen seudun rakennus-, kone- ja palvelualan yrityksillä on akuutti "
                 "osaajapula, ja opiskelijoiden ammatti-identiteetti vahvistuu liian myöhään."),
        evidence=("Työelämäkumppanien kanssa käydyt keskustelut ovat tuoneet esiin tarpeen "
                  "painottaa opintosisältöjä alueen tarpeisiin. Tavoite: osaamissolut 1–3 "
                  "koulutusalalle."),
    ),
    dict(
        key="tamk", applicant="Tampereen ammattikorkeakoulu",
        title="Sähkörausku – yhdessä oppimisen konsepti",
        thesis="3C", started=date(2019, 10, 1), ends=date(2022, 12, 31),
        requested=eur("96750"), own=eur("26500"), budget=eur("300000"),
        actors=["Tampereen ammattikorkeakoulu", "Tampereen kaupunki", "Tampere-talo"],
        problem=("Pirkanmaan yrityksiltä ja julkisilta organisaatioilta puuttuu malli, jolla "
                 "ne oppisivat yhdessä oppilaitoksen kanssa ja ennakoisivat osaamistarpeitaan."),
        evidence=("Sähkörausku-työryhmän aiemmat valmennukset osoittivat, että organisaatiot "
                  "lähtevät mukaan yhteistyöhön, jossa tavoitteet muotoillaan yhdessä eikä "
                  "\"valmiina pakettina\"."),
    ),
]

# What Sitra's report gives for each pilot (README only).
PILOT_RESULTS = {
    "discovery": "activate 3 existing peer networks, found 2–3 peer-learning cells → 3 networks active, 7 new groups",
    "esedu": "32 company interviews, 10 development plans, 4–6 pilots → 29 interviews, 2 plans, 2 trials started",
    "iisalmi": "40–50 companies surveyed, 10 in workshops, 30 actors → 43, 13, 44",
    "kajaani": "140 company meetings → 141 (343 contacted)",
    "kasvuryhma": "50 companies, new practices in about 200 → 97 companies, 365 people reached",
    "metropolia": "learning-at-work model piloted with 3 teams → goals mainly achieved",
    "brahe": "competence cells in 1–3 fields → cells piloted (e.g. an apprenticeship path at Woodcom Oy)",
    "tamk": "coaching for organisations in Pirkanmaa → 9 organisations, about 45 people",
}

# --------------------------------------------------------------------------------------
# 74 synthetic applications from fictional organisations. Each is (applicant, title,
# language, profile). The profile overrides the defaults; `role` is the decision the
# data is built to produce and the script asserts it. `committed` (resources_committed)
# is drawn from its own rng unless a profile sets it.
# --------------------------------------------------------------------------------------

FI, SV = "fi", "sv"

SYNTHETIC = [
    # ---- eligible, ranked below the pilots: reserve (strict funding line) ----
    ("Pohjolan Työelämäpaja ry", "Oppiva työpaikka pohjoisessa", FI,
     dict(role="reserve", tag="R1", thesis="3C", started=date(2020, 12, 1),
          requested=eur("145000"), committed=True,
          scores={"C1": [4, 4], "C2": [4, 3.5], "C3": [4, 4], "C4": [3.5, 4], "C8": [4, 3.5]})),
    ("Mäntyharjun Osaamiskeskus Oy", "Taitotalkoot pienyrityksille", FI,
     dict(role="reserve", tag="R2", thesis="3D", ends=date(2022, 1, 1),
          requested=eur("118000"),
          scores={"C1": [4, 3.5], "C2": [3.5, 3.5], "C3": [3.5, 3.5], "C4": [3.5, 3], "C8": [3.5, 3.5]})),
    ("Österbottens Lärande Ab", "Lärande på arbetsplatsen i Kvarken", SV,
     dict(role="reserve", tag="R3", thesis="3C", requested=eur("88000"), budget=eur("88000"),
          scores={"C1": [3.5, 3.5], "C2": [4, 3.5], "C3": [3.5, 3.5], "C4": [3.5, 3.5], "C8": [3.5, 3.5]})),
    ("Länsirannikon Taitajat ry; Västkustens Kunnare r.f.", "Kaksikielinen työpaikkaohjaajien verkosto", FI,
     dict(role="reserve", tag="R4", thesis="3B", requested=eur("112500"), own=eur("18250.75"),
          scores={"C1": [3.5, 3], "C2": [3, 3.5], "C3": [3.5, 3.5], "C4": [3, 3], "C8": [3.5, 3.5]})),
    ("Osuuskunta Oppiva Kylä, Keski-Suomi", "Kyläkoulusta osaamiskeskukseksi", FI,
     dict(role="reserve", tag="R5", thesis="3D", requested=eur("76000"), committed=False,
          scores={"C1": [3, 3.5], "C2": [3.5, 3.5], "C3": [3.5, 3.5], "C4": [3.5, 3], "C8": [3, 3]})),
    ("Saimaan Taitoverkko ry", 'Pilotti "Oppiva kylä" – työpaikkaohjaajat verkostoksi', FI,
     dict(role="reserve", tag="R6", thesis="3B", requested=eur("60000"),
          scores={"C1": [3, 3], "C2": [3, 3], "C3": [3, 3.5], "C4": [3, 3], "C8": [3, 3]})),
    ("Kuusikon Oppimispolku Oy", "Oppimispolut metsäalan yrityksiin", FI,
     dict(role="reserve", tag="R7", thesis="3D", requested=eur("60000"),
          scores={"C1": [3, 3], "C2": [3, 3], "C3": [3.5, 3], "C4": [3, 3], "C8": [3, 3]})),
    ("Järvi-Hämeen Ammattitaitosäätiö sr", "Mestari–kisälli-malli teollisuuteen", FI,
     dict(role="reserve", tag="R8", thesis="3E", reviewers=3, requested=eur("120000"),
          committed=MISSING,
          scores={"C1": [4, 4, 3.5], "C2": [3, 3.5, 3.5], "C3": [3.5, 3.5, 3],
                  "C4": [3, 3, 3.5], "C8": [3.5, 3, 3]})),
    ("Skärgårdens Yrkesforum Ab", "Kompetenslyft för skärgårdens turismföretag", SV,
     dict(role="reserve", tag="R9", thesis="3A", reviewers=3, requested=eur("135000"),
          scores={"C1": [3.5, 4, 4], "C2": [2.5, 2.5, 2.5], "C3": [4, 4.5, 4],
                  "C4": [3.5, 3, 3], "C8": [3, 3.5, 3]})),
    # ---- clarify: programme_started missing, C7 cannot be evaluated ----
    ("Pielisen Osaamisosuuskunta", "Työssäoppimisen vertaisryhmät Pielisen seudulle", FI,
     dict(role="clarify", thesis="3B", started=MISSING, ends=MISSING)),
    # ---- pending: a judgement criterion has no assessment yet ----
    ("Ålands Arbetslivslabb Ab", "Arbetslivslabbet – lärande i små företag", SV,
     dict(role="pending", thesis="3C", judge={"C8": "none"})),
    ("Kemijoen Taitoareena Oy", "Taitoareena – yritysten osaajapolut", FI,
     dict(role="pending", thesis="3D", judge={"C5": "none"})),
    # ---- X1: technological solutions ----
    ("Taitopankki Oy", "Osaamisalusta Taitopankki 2.0", FI,
     dict(role="reject", kind="technology", thesis="3E")),
    ("Oppimo Digital Oy", "Tekoälypohjainen osaamiskartoitin", FI,
     dict(role="reject", kind="technology", stage="new", thesis="3E",
          started=date(2021, 1, 11))),
    ("Virtuaalipaja Rauta Oy", "VR-oppimisympäristö hitsaajille", FI,
     dict(role="reject", kind="technology", thesis="4B")),
    ("Kompetensappen Ab", "Mobilapp för arbetsplatshandledare", SV,
     dict(role="reject", kind="technology", thesis="3C", judge={"C8": "fail"})),
    ("Neuvoja Botti Oy", "Chatbot-neuvoja jatkuvaan oppimiseen", FI,
     dict(role="reject", kind="technology", thesis="3A", ends=date(2021, 12, 31))),
    ("Datalähde Aalto-Kivi Oy", "Osaamisdatan hallintapaneeli kunnille", FI,
     dict(role="reject", kind="technology", thesis="3E", problem=MISSING, actors=[],
          own=eur("0"))),
    # ---- X2: entirely new projects ----
    ("Vaskiluodon Kehitysosuuskunta", "Uusi satama-alan osaamisohjelma", FI,
     dict(role="reject", stage="new", thesis="3D", started=date(2021, 1, 15))),
    ("Hämeenkylän Työllisyyspaja ry", "Työpaja uusille alanvaihtajille", FI,
     dict(role="reject", stage="new", thesis="3B", started=MISSING)),
    ("Närpiön Yrityskoulu Oy", "Yrityskoulu 2021", FI,
     dict(role="reject", stage="new", thesis="3C", started=date(2021, 2, 1))),
    ("Lapinlahden Oppimisareena ry", "Oppimisareena käynnistyy", FI,
     dict(role="reject", stage="new", thesis="3B", started=date(2021, 4, 1))),
    ("Kvarkens Kompetensnätverk r.f.", "Nytt nätverk för arbetsplatslärande", SV,
     dict(role="reject", stage="new", thesis="3B", actors=[])),
    ("Rautaruukin Seudun Kehittäjät ry", "Uusi tehdasyhteisön oppimisohjelma", FI,
     dict(role="reject", stage="new", thesis="3D", started=date(2021, 1, 4),
          own=eur("0"), budget=eur("40000"), requested=eur("65000"))),
    # ---- X3: ideas still at the ideation stage ----
    ("Ideaverstas Aamurusko Oy", "Ideointivaihe: osaamisen kohtaanto kylissä", FI,
     dict(role="reject", stage="idea", thesis="3E", started=MISSING, own=eur("0"))),
    ("Tunturin Taitajat ry", "Ajatus: tunturimatkailun osaamisyhteisö", FI,
     dict(role="reject", stage="idea", thesis=MISSING)),
    ("Sydkustens Fortbildning Ab", "Idéskiss: lärande i vården", SV,
     dict(role="reject", stage="idea", thesis="3C")),
    ("Kaislarannan Yhteisöopisto ry", "Yhteisöopiston uusi suunta", FI,
     dict(role="reject", stage="idea", thesis="3B", evidence=MISSING)),
    ("Lohjanharjun Osaajat Oy", "Osaajaharju – ideasta toimintaan", FI,
     dict(role="reject", stage="idea", thesis="2B", actors=[], started=date(2021, 3, 1))),
    # ---- C1: thesis other than 3, missing, or reviewers see no fit ----
    ("Kalevan Kansanopistoyhdistys ry", "Kansanopisto kaikille", FI,
     dict(role="reject", thesis="2A", judge={"C1": "pass"})),
    ("Pohjois-Savon Taitoyhdistys ry", "Elinikäinen ohjaus verkossa", FI,
     dict(role="reject", thesis="4B")),
    ("Linnanmäen Oppimispiiri ry", "Lukupiirit aikuisille", FI,
     dict(role="reject", thesis="1C")),
    ("Vuoksen Koulutusyhdistys ry", "Opintojen rahoitusneuvonta", FI,
     dict(role="reject", thesis="2C", judge={"C2": "fail"})),
    ("Merenkurkun Työelämäfoorumi ry", "Työelämäfoorumin keskustelusarja", FI,
     dict(role="reject", thesis=MISSING)),
    ("Rajakylän Yrittäjätalo Oy", "Yrittäjätalon kurssit", FI,
     dict(role="reject", thesis=MISSING, actors=[])),
    ("Aurajoen Osaamiskumppanit Oy", "Osaamiskumppanuus sote-alalle", FI,
     dict(role="reject", thesis="3A", judge={"C1": "fail"})),
    # ---- C2: goals not realistic (reviewers) ----
    ("Kalajokilaakson Yritysakatemia Oy", "Koko maakunnan osaamisloikka", FI,
     dict(role="reject", thesis="3D", judge={"C2": "fail"}, requested=eur("240000"),
          own=eur("5000"))),
    ("Puulan Taitoyhteisö ry", "Sata yritystä oppimisyhteisöiksi", FI,
     dict(role="reject", thesis="3B", judge={"C2": "fail"})),
    ("Västnylands Lärcentrum Ab", "Hela regionen lär sig", SV,
     dict(role="reject", thesis="3C", judge={"C2": "fail", "C8": "fail"})),
    ("Hiidenveden Osaamispalvelut Oy", "Osaamispalvelut kaikille toimialoille", FI,
     dict(role="reject", thesis="3E", reviewers=3, judge={"C2": "fail"})),
    # ---- C3: problem/evidence missing or not credible ----
    ("Ilomantsin Työelämätalo ry", "Työelämätalon oppimiskokeilut", FI,
     dict(role="reject", thesis="3C", problem=MISSING)),
    ("Kitkan Kehitysyhtiö Oy", "Kehitysyhtiön osaamistiimi", FI,
     dict(role="reject", thesis="3D", evidence=MISSING)),
    ("Oulujoen Oppimisverkosto ry", "Oppimisverkoston laajennus", FI,
     dict(role="reject", thesis="3B", problem=MISSING, evidence=MISSING)),
    ("Karjalan Kädentaitajat ry", "Kädentaitajien mentorointi", FI,
     dict(role="reject", thesis="3D", evidence=MISSING, budget=eur("50000"),
          requested=eur("70000"))),
    ("Vanajaveden Osaamistalo Oy", "Osaamistalon tiimivalmennus", FI,
     dict(role="reject", thesis="3C", judge={"C3": "fail"})),
    # ---- C4: no actors, or the wrong ones ----
    ("Harjun Oppimiskeskus Oy", "Oppimiskeskuksen yrityspalvelut", FI,
     dict(role="reject", thesis="3D", actors=[])),
    ("Simojoen Työelämäverkko ry", "Työelämäverkon ohjaajakoulutus", FI,
     dict(role="reject", thesis="3B", actors=[], own=eur("0"))),
    ("Eckerö Kompetens Ab", "Kompetens för sjöfartens kockar", SV,
     dict(role="reject", thesis="3C", judge={"C4": "fail"})),
    # ---- C5: no own resources, or no capability ----
    ("Päijänteen Osaajapolku ry", "Osaajapolku sahateollisuuteen", FI,
     dict(role="reject", thesis="3D", own=eur("0"))),
    ("Pyhäjärven Oppimisosuuskunta", "Oppimisosuuskunnan jäsenvalmennus", FI,
     dict(role="reject", thesis="3B", own=MISSING)),
    ("Tornionlaakson Taitokeskus ry", "Rajat ylittävä taitokeskus", FI,
     dict(role="reject", thesis="3E", own=MISSING, budget=MISSING)),
    ("Inarin Oppimiskylä ry", "Oppimiskylä matkailuyrityksille", FI,
     dict(role="reject", thesis="3C", judge={"C5": "fail"}, own=eur("1500"))),
    # ---- C6: the whole not sufficiently resourced ----
    ("Keiteleen Kehittämispaja Oy", "Kehittämispajan verkostomalli", FI,
     dict(role="reject", thesis="3B", requested=eur("90000"), budget=eur("60000"))),
    ("Kokemäenjoen Osaamisyhdistys ry", "Osaamisyhdistyksen mentorit", FI,
     dict(role="reject", thesis="3D", budget=MISSING)),
    ("Hailuodon Saaristoakatemia ry", '"Taitopassi" saariston yrittäjille', FI,
     dict(role="reject", thesis="3E", requested=eur("80000.50"), budget=eur("80000"),
          judge={"C6": "pass"})),
    ("Ylä-Kainuun Oppimisfoorumi ry", "Oppimisfoorumin vuosiohjelma", FI,
     dict(role="reject", thesis="3B", judge={"C6": "fail"})),
    # ---- C7: started too late, or ends on/before 2021-12-31 ----
    ("Säkylän Taitoakatemia Oy", "Taitoakatemian yrityspiirit", FI,
     dict(role="reject", thesis="3B", started=date(2020, 12, 2))),
    ("Rovaniemen Seudun Osaajaverkko ry", "Osaajaverkon kevätohjelma", FI,
     dict(role="reject", thesis="3C", started=date(2021, 1, 10))),
    ("Vörå Lärverkstad Ab", "Lärverkstaden 2021", SV,
     dict(role="reject", thesis="3D", ends=date(2021, 12, 31))),
    ("Jämsän Kehittämisyhdistys ry", "Kehittämisyhdistyksen kesäkoulu", FI,
     dict(role="reject", thesis="3B", ends=date(2021, 6, 30))),
    ("Lestijoen Työssäoppimiskeskus Oy", "Työssäoppimiskeskuksen loppuvuosi", FI,
     dict(role="reject", thesis="3C", ends=date(2021, 11, 30))),
    ("Kerimäen Käsityöopisto ry", "Käsityöopiston syyskausi", FI,
     dict(role="reject", thesis="3D", started=date(2021, 2, 1), ends=date(2021, 12, 31))),
    ("Sotkamon Taitotalo Oy", "Taitotalon yrityskummit", FI,
     dict(role="reject", thesis="3E", started=date(2020, 12, 15))),
    # ---- C8: the pilot adds nothing to the whole (reviewers) ----
    ("Pyhätunturin Osaamisverkko ry", "Osaamisverkon tiedotuskampanja", FI,
     dict(role="reject", thesis="3B", judge={"C8": "fail"})),
    ("Hangö Kompetensforum Ab", "Kompetensforumets seminarieserie", SV,
     dict(role="reject", thesis="3C", judge={"C8": "fail"})),
    ("Keuruun Oppimiskeskus ry", "Oppimiskeskuksen esite ja verkkosivut", FI,
     dict(role="reject", thesis="3D", judge={"C8": "fail"})),
    ("Tuusulanjärven Taitoyhteisö ry", "Taitoyhteisön vuosijuhla ja palkinnot", FI,
     dict(role="reject", thesis="3B", reviewers=3, judge={"C8": "fail"})),
    # ---- several criteria at once ----
    ("Näsijärven Oppimislabra Oy", "Oppimislabran digitaalinen alusta", FI,
     dict(role="reject", kind="technology", thesis="3A", evidence=MISSING, actors=[],
          own=MISSING)),
    ("Kallaveden Uusi Osaamisyhtiö Oy", "Osaamisyhtiön käynnistys", FI,
     dict(role="reject", stage="new", thesis="3D", started=date(2021, 1, 20), own=eur("0"),
          budget=MISSING)),
    ("Raaseporin Työelämäpaja ry", "Työelämäpajan kevätkurssit", FI,
     dict(role="reject", thesis=MISSING, problem=MISSING, ends=date(2021, 5, 31))),
    ("Kyrönjoen Osaamispiiri ry", "Osaamispiirin laajentaminen", FI,
     dict(role="reject", thesis="3C", judge={"C2": "fail"}, requested=eur("150000"),
          budget=eur("120000"))),
    ("Vetelin Ideapaja ry", "Ideapajan alustava suunnitelma", FI,
     dict(role="reject", stage="idea", thesis="4A", actors=[], started=date(2021, 2, 20))),
    ("Haapaveden Taitajat Oy", "Taitajien tiimikoulutus", FI,
     dict(role="reject", thesis="3B", own=eur("0"), budget=eur("30000"),
          requested=eur("45000"), judge={"C8": "fail"})),
    # ---- a rejected application whose reviewers also disagreed elsewhere ----
    ("Sulkavan Soutajien Oppimisyhteisö ry", "Oppimisyhteisön kesäleiri", FI,
     dict(role="reject", thesis="3B", ends=date(2021, 8, 31), judge={"C2": "unclear"})),
]

# Fictional organisations for the actor lists of synthetic applications.
ACTOR_POOL_FI = [
    "Kehitysyhtiö Virtaama Oy", "Ammattiopisto Aallokko", "Yrittäjäyhdistys Kaski ry",
    "Teknologiakylä Rautakivi Oy", "Osaamisverkko Kaarna ry", "Oppimo Oy",
    "Työllisyyspalvelut Tähkä", "Korkeakoulukeskus Lähde", "Ohjaamo Kipinä",
    "Kansalaisopisto Ilmarinen", "Yritystalo Pajukko Oy", "Kauppakamari Kaamos ry",
    "Sote-kuntayhtymä Sinivuokko", "Nuorisosäätiö Kielo sr", "Elinkeinoyhtiö Louhi Oy",
    "Aikuisopisto Tervas", "Maaseutuakatemia Ahjo ry", "Konepaja Kärkkäinen & Pojat Oy",
]
ACTOR_POOL_SV = [
    "Yrkesinstitutet Strand", "Företagarföreningen Brygga r.f.", "Lärcentret Fyren",
    "Utvecklingsbolaget Sjöbris Ab", "Folkhögskolan Ankaret", "Näringslivsrådet Kustlinjen r.f.",
]

PROBLEMS_FI = [
    "Pienten yritysten henkilöstö ei ehdi kouluttautua, koska oppiminen on irrotettu työstä.",
    "Alueen oppilaitosten ja yritysten yhteistyö on hankekohtaista ja katkeaa rahoituksen loputtua.",
    "Työpaikkaohjaajilla ei ole aikaa eikä välineitä tukea työssä oppimista.",
    "Ikääntyvien työntekijöiden hiljainen tieto katoaa eläköitymisen mukana.",
    "Maahan muuttaneiden osaaminen jää tunnistamatta, ja he päätyvät koulutustaan vastaamattomiin tehtäviin.",
    "Teollisuuden automaatio muuttaa tehtäviä nopeammin kuin tutkintojen perusteet.",
    "Sote-alan työyksiköissä hyvät käytännöt eivät leviä yksiköstä toiseen.",
    "Matkailualan kausityöntekijöiden perehdytys alkaa joka kausi alusta, eikä osaaminen kerry.",
    "Yrittäjät eivät löydä koulutustarjonnasta lyhyitä, työn ohessa suoritettavia kokonaisuuksia.",
    "Kuntien henkilöstön digitaidot ovat epätasaiset, ja koulutus on ollut irrallista.",
    "Rakennusalan osaajapula hidastaa alueen yritysten kasvua;\nrekrytoinnit venyvät kuukausiin.",
    "Opiskelijat eivät kiinnity alueen yrityksiin, ja valmistuneet muuttavat pois.",
    "Kaupan alan myyjien tehtävät muuttuvat verkkokaupan myötä, mutta täydennyskoulutus ei tavoita heitä.",
    "Perheyritysten sukupolvenvaihdoksissa johtamisosaaminen ei siirry jatkajalle.",
    "Varhaiskasvatuksen työyhteisöissä uusi opetussuunnitelma jää paperille.\nTiimeillä ei ole yhteistä aikaa oppia.",
    "Konepajojen työnjohtajat oppivat uudet menetelmät yksin, eikä oppi leviä tiimiin.",
]
EVIDENCE_FI = [
    "Alueen yrityskyselyssä 2020 yli puolet vastaajista piti osaamisvajetta kasvun esteenä.",
    "Verkoston jäsenyritysten haastatteluissa sama ongelma toistui, erityisesti alle 10 hengen yrityksissä.",
    "Kolmen vuoden kokemus nykyisestä toimintamallista, palautekyselyt ja ohjausryhmän arviot.",
    "Ennakointiryhmän raportti nostaa aiheen alueen kolmen tärkeimmän osaamistarpeen joukkoon.",
    'Työpaikkaohjaajat kuvaavat tilannetta sanoilla "ohjaukselle ei ole aikaa".',
    "Seurannan mukaan opintojen keskeyttäminen on lisääntynyt kahtena vuonna peräkkäin.",
    "Kyselyyn vastasi 64 yritystä;\n41 niistä kertoi, että uusien työntekijöiden perehdytys vie yli kuukauden.",
    "Toiminnassa on mukana jo 23 työpaikkaa, ja jonossa on 12 lisää.",
    "Tilastot: alueen työttömistä 38 % on yli 50-vuotiaita, ja avoimia paikkoja on silti satoja.",
    "Kahden edellisen vuoden palautteissa 70 % osallistujista piti työssä oppimista hyödyllisimpänä.",
    "Kuntien henkilöstökyselyn tulokset 2019 ja 2020 sekä esihenkilöiden haastattelut.",
    "Toimintamallia on kokeiltu kahdessa yrityksessä, ja kokemukset on koottu väliraporttiin.",
    'Yrittäjäjärjestön jäsenkysely: "osaamisen kehittäminen" oli toiseksi yleisin tukitarve.',
]
PROBLEMS_SV = [
    "Små företag i regionen har svårt att frigöra tid för personalens kompetensutveckling.",
    "Samarbetet mellan läroanstalter och arbetsgivare bygger på enskilda personer och är sårbart.",
    "Kunnandet hos inflyttad arbetskraft blir inte erkänt, vilket försvårar rekryteringen.",
    "Säsongsarbetare inom turismen introduceras på nytt varje säsong, och kunnandet stannar inte kvar.",
]
EVIDENCE_SV = [
    "Enkät bland 60 medlemsföretag hösten 2020; hälften nämnde kompetensbrist som det största hindret.",
    "Erfarenheter från tre års verksamhet och responsen från arbetsplatshandledarna.",
    'Handledarna beskriver läget med orden "ingen tid för handledning".',
]

NOTES_PASS = {
    "C1": ["Selkeä kytkös teesiin 3.", "Vahvistaa työssä oppimista.", "Clear fit with thesis 3.", ""],
    "C2": ["Tavoitteet realistiset.", "Goals match the resources.", "", ""],
    "C3": ["Ongelma hyvin perusteltu.", "Tarve näkyy kyselyissä.", "", ""],
    "C4": ["Oikeat toimijat mukana.", "Yritykset ja oppilaitos mukana.", "", ""],
    "C5": ["Omat resurssit kunnossa.", "", ""],
    "C6": ["Kokonaisuus resursoitu.", "", ""],
    "C8": ["Selvä lisäarvo kokonaisuudelle.", "Vauhdittaa käynnissä olevaa työtä.", "Adds reach to work already running.", ""],
}
NOTES_FAIL = {
    "C1": ["Ei kytkeydy teesiin 3.", "No link to thesis 3."],
    "C2": ["Tavoitteet ylimitoitettuja suhteessa resursseihin.", "Goals far beyond the budget."],
    "C3": ["Ongelmaa ei ole perusteltu.", "Perustelu puuttuu tai on yleisluontoinen."],
    "C4": ["Toimijoita ei nimetty, tai ne eivät liity ongelmaan.", "Keskeiset yritykset puuttuvat."],
    "C5": ["Ei omaa panosta.", "Toteutus riippuu kokonaan Sitran rahasta."],
    "C6": ["Kokonaisuuden rahoitus ei riitä.", "Budjetti puuttuu."],
    "C8": ["Pilotti ei lisää kokonaisuuden vaikuttavuutta.", 'Lähinnä "viestintää", ei kehittämistä.'],
}
NOTES_UNCLEAR = {
    "C2": ["Tavoitteiden mitoitus epäselvä, kysyttävä.", "Unsure whether the goals fit the budget."],
    "C5": ["Omat resurssit kuvattu epämääräisesti."],
    "C6": ["Kokonaisuuden rahoitus vuodelle 2022 auki; selvitettävä.", "Funding of the whole after 2021 unclear."],
    "C8": ["Lisäarvo jää epäselväksi."],
}


# --------------------------------------------------------------------------------------
# Building the data
# --------------------------------------------------------------------------------------

def month_start(rng: random.Random, first_year: int, last: date) -> date:
    while True:
        d = date(rng.randint(first_year, last.year), rng.randint(1, 12), 1)
        if d <= last:
            return d


def month_end(rng: random.Random, first_year: int, last_year: int) -> date:
    y, m = rng.randint(first_year, last_year), rng.randint(1, 12)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def build(rng: random.Random):
    """Returns (applications in file order, assessment rows, intent per id)."""
    specs = []
    for p in PILOTS:
        s = dict(p)
        s.update(real=True, stage="ongoing", kind="development",
                 role="clarify" if p["key"] == "kasvuryhma" else "fund",
                 lang=FI)
        if p["key"] == "kasvuryhma":
            # The real call went on with clarifying discussions with two applicants:
            # here the reviewers disagree on whether the whole is resourced after 2021.
            s["judge"] = {"C6": "unclear"}
        if p["key"] == "kajaani":
            s["reviewers"] = 3
        specs.append(s)

    for applicant, title, lang, prof in SYNTHETIC:
        s = dict(applicant=applicant, title=title, lang=lang, real=False,
                 stage="ongoing", kind="development")
        s.update(prof)
        specs.append(s)

    assert len(specs) == 82, len(specs)
    assert len({s["applicant"] for s in specs}) == 82, "applicants must be unique"

    # resources_committed: from a stream of its own (so the 2021 values do not shift), in
    # the order of SYNTHETIC: about 85 % true, 10 % false, 5 % missing; a profile's
    # `committed` overrides the draw (the draw is made anyway, to keep the stream in step).
    crng = random.Random(COMMITTED_SEED)
    synthetic = [s for s in specs if not s["real"]]
    n_false, n_missing = round(len(synthetic) * 0.10), round(len(synthetic) * 0.05)
    drawn = [False] * n_false + [MISSING] * n_missing + [True] * (len(synthetic) - n_false - n_missing)
    crng.shuffle(drawn)
    for s, v in zip(synthetic, drawn):
        s.setdefault("committed", v)
    for s in specs:
        if s["real"]:
            s.setdefault("committed", True)

    # Fill in the synthetic defaults.
    for s in specs:
        if s["real"]:
            continue
        if "requested" not in s:
            s["requested"] = (rng.randrange(30, 200) * 1000 + rng.choice([0, 0, 0, 500])) * 100
        if "own" not in s:
            s["own"] = rng.randrange(8, 90) * 1000 + rng.choice([0, 0, 0, 0, 250])
            s["own"] *= 100
        if "budget" not in s:
            s["budget"] = s["requested"] // 100 * rng.randint(3, 15) // 1000 * 1000 * 100
        if "started" not in s:
            s["started"] = month_start(rng, 2016, date(2020, 9, 1))
        if "ends" not in s:
            s["ends"] = None if rng.random() < 0.4 else month_end(rng, 2022, 2026)
        if "actors" not in s:
            pool = ACTOR_POOL_SV if s["lang"] == SV else ACTOR_POOL_FI
            k = rng.randint(1, 3)
            s["actors"] = ([s["applicant"]] if rng.random() < 0.5 else []) + rng.sample(pool, k)
        problems, evidences = (PROBLEMS_SV, EVIDENCE_SV) if s["lang"] == SV else (PROBLEMS_FI, EVIDENCE_FI)
        if "problem" not in s:
            s["problem"] = rng.choice(problems)
        if "evidence" not in s:
            s["evidence"] = rng.choice(evidences)
    rng.shuffle(specs)
    for i, s in enumerate(specs, 1):
        s["id"] = f"OA-2021-{i:03d}"

    apps = []
    for s in specs:
        apps.append({
            "id": s["id"],
            "applicant": s["applicant"],
            "title": s["title"],
            "thesis": s.get("thesis"),
            "stage": s["stage"],
            "kind": s["kind"],
            "programme_started": s.get("started"),
            "programme_ends": s.get("ends"),
            "requested_eur": s["requested"],
            "own_resources_eur": s.get("own"),
            "programme_budget_eur": s.get("budget"),
            "resources_committed": s["committed"],
            "actors": list(s.get("actors") or []),
            "problem": s.get("problem"),
            "evidence": s.get("evidence"),
        })

    rows = []
    for s, app in zip(specs, apps):
        rows.extend(assess(rng, s, app))
    return specs, apps, rows


def assess(rng: random.Random, s: dict, app: dict):
    n = s.get("reviewers", 2)
    if n == 3:
        reviewers = list(REVIEWERS)
    else:
        reviewers = sorted(rng.sample(REVIEWERS, 2), key=REVIEWERS.index)
    rules = rule_outcomes(app)
    judge = dict(s.get("judge", {}))
    for c in BOTH:
        if rules[c] == "fail" and c not in judge:
            judge[c] = rng.choice(["fail", "fail", "mixed"])
    explicit = s.get("scores", {})
    out = []
    for c in JUDGED:
        mode = judge.get(c, "pass")
        if mode == "none":
            continue
        if mode == "pass":
            verdicts = ["pass"] * n
        elif mode == "fail":
            verdicts = ["fail"] * n
        elif mode == "mixed":
            verdicts = ["pass"] + ["fail"] * (n - 1)
        elif mode == "unclear":
            verdicts = ["pass", "unclear"] + ["pass"] * (n - 2)
        else:
            raise ValueError(mode)
        for k, (reviewer, verdict) in enumerate(zip(reviewers, verdicts)):
            if c in explicit:
                score = Fraction(explicit[c][k]).limit_denominator(2)
            elif verdict == "pass":
                score = Fraction(rng.choice([8, 9, 9, 10, 10]) if s["real"] else rng.choice([6, 7, 7, 8, 9]), 2)
            elif verdict == "fail":
                score = Fraction(rng.choice([1, 2, 3, 4]), 2)
            else:
                score = rng.choice([None, Fraction(5, 2)])
            if verdict == "pass":
                pool = NOTES_PASS[c]
            elif verdict == "fail":
                pool = NOTES_FAIL[c]
            else:
                pool = NOTES_UNCLEAR.get(c, ["Epäselvä, tarkennettava."])
            used = {r["note"] for r in out if r["criterion"] == c and r["note"]}
            note = rng.choice([x for x in pool if x not in used] or [""])
            out.append({"application": app["id"], "criterion": c, "reviewer": reviewer,
                        "verdict": verdict, "score": score, "note": note})
    return out


# --------------------------------------------------------------------------------------
# The decision rules (what fundscreen implements for criteria/sitra-2021.yaml)
# --------------------------------------------------------------------------------------

def tv_and(a: str, b: str) -> str:
    """Three-valued and over 'pass'/'fail'/'unclear'."""
    if a == "fail" or b == "fail":
        return "fail"
    if a == "unclear" or b == "unclear":
        return "unclear"
    return "pass"


def rule_outcomes(app: dict, revised: bool = False) -> dict:
    """The rules' outcomes. `revised`: C6 as the revised set (version 2) words it,
    `has(app.programme_budget_eur) and app.programme_budget_eur >= app.requested_eur
    and app.resources_committed == true` (a missing value is unclear)."""
    def ok(b: bool) -> str:
        return "pass" if b else "fail"

    r = {
        "X1": ok(app["kind"] != "technology"),
        "X2": ok(app["stage"] != "new"),
        "X3": ok(app["stage"] != "idea"),
        "C1": ok(bool(app["thesis"]) and app["thesis"].startswith("3")),
        "C3": ok(bool(app["problem"]) and bool(app["evidence"])),
        "C4": ok(len(app["actors"]) >= 1),
        "C5": ok(app["own_resources_eur"] is not None and app["own_resources_eur"] > 0),
        "C6": ok(app["programme_budget_eur"] is not None
                 and app["programme_budget_eur"] >= app["requested_eur"]),
    }
    started = app["programme_started"]
    first = "unclear" if started is None else ok(started <= STARTED_BY)
    ends = app["programme_ends"]
    second = ok(ends is None or ends > CONTINUES_AFTER)
    r["C7"] = tv_and(first, second)
    if revised:
        committed = app["resources_committed"]
        r["C6"] = tv_and(r["C6"], "unclear" if committed is None else ok(committed is True))
    return r


def combine(a: str, b: str) -> str:
    """The stronger of two outcomes: fail before unclear before pending before pass."""
    order = ["pass", "pending", "unclear", "fail"]
    return max(a, b, key=order.index)


def decide(apps: list, rows: list, revised: bool = False, policy: str = "strict"):
    """The decisions. `revised`: C6 reads resources_committed (see rule_outcomes);
    `policy`: the funding line, "strict" (stop at the first that does not fit) or "skip"
    (pass over what does not fit and go on down the ranking)."""
    assert policy in ("strict", "skip")
    by_app: dict = {}
    for row in rows:
        by_app.setdefault(row["application"], {}).setdefault(row["criterion"], []).append(row)
    results = {}
    for app in apps:
        rules = rule_outcomes(app, revised)
        per = {}
        means = {}
        for c in ALL_CRITERIA:
            if KIND[c] == "rule":
                per[c] = rules[c]
                continue
            assessments = by_app.get(app["id"], {}).get(c, [])
            verdicts = {a["verdict"] for a in assessments}
            if not assessments:
                judged = "pending"
            elif verdicts == {"pass"}:
                judged = "pass"
            elif verdicts == {"fail"}:
                judged = "fail"
            else:
                judged = "unclear"
            per[c] = combine(rules[c], judged) if KIND[c] == "both" else judged
            scores = [a["score"] for a in assessments if a["score"] is not None]
            if scores:
                means[c] = sum(scores, Fraction(0)) / len(scores)
        outcomes = set(per.values())
        if "fail" in outcomes:
            decision = "reject"
        elif "unclear" in outcomes:
            decision = "clarify"
        elif "pending" in outcomes:
            decision = "pending"
        else:
            decision = "eligible"
        score = None
        if decision == "eligible":
            assert all(c in means for c in WEIGHTS), app["id"]
            score = sum((w * means[c] for c, w in WEIGHTS.items()), Fraction(0)) / sum(WEIGHTS.values())
        results[app["id"]] = dict(per=per, means=means, decision=decision, score=score)

    eligible = [a for a in apps if results[a["id"]]["decision"] == "eligible"]
    eligible.sort(key=lambda a: (-results[a["id"]]["score"], -results[a["id"]]["means"]["C1"],
                                 -results[a["id"]]["means"]["C8"], a["requested_eur"], a["id"]))
    total = 0
    stopped = False
    ranking = []
    for rank, a in enumerate(eligible, 1):
        r = results[a["id"]]
        if not stopped and total + a["requested_eur"] <= BUDGET_CENTS:
            total += a["requested_eur"]
            r["decision"] = "fund"
        else:
            stopped = policy == "strict"
            r["decision"] = "reserve"
        r["rank"] = rank
        r["cumulative"] = total if r["decision"] == "fund" else None
        ranking.append(a)
    return results, ranking, total


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

def money_plain(cents: int) -> str:
    whole, frac = divmod(cents, 100)
    return str(whole) if frac == 0 else f"{whole}.{frac:02d}"


def money_fi(cents: int, sep: str) -> str:
    whole, frac = divmod(cents, 100)
    digits = str(whole)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sep.join(groups) + f",{frac:02d}"


def date_fi(d: date) -> str:
    return f"{d.day}.{d.month}.{d.year}"


def score_text(score) -> str:
    if score is None:
        return ""
    return str(int(score)) if score.denominator == 1 else f"{float(score):.1f}"


def csv_cell(text: str, delimiter: str) -> str:
    if any(ch in text for ch in (delimiter, '"', "\n", "\r")):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(rows: list, delimiter: str, eol: str) -> str:
    return "".join(delimiter.join(csv_cell(c, delimiter) for c in row) + eol for row in rows)


def app_cells(app: dict, fi: bool, sep: str = " ") -> list:
    cells = []
    for f in FIELDS:
        v = app[f]
        if v is None:
            cells.append("")
        elif f == "actors":
            assert all("|" not in a for a in v)
            cells.append("|".join(v))
        elif f.endswith("_eur"):
            cells.append(money_fi(v, sep) if fi else money_plain(v))
        elif isinstance(v, bool):
            cells.append(BOOL_TEXT[fi][0 if v else 1])
        elif isinstance(v, date):
            cells.append(date_fi(v) if fi else v.isoformat())
        else:
            cells.append(v)
    return cells


YAML_PLAIN = re.compile(r"^[A-Za-z0-9ÄÖÅäöåÉé(][^\n\t\"'#:]*$")
YAML_RESERVED = re.compile(
    r"^(?:[-+]?(?:\.?[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?|\.inf|\.nan)|"
    r"y|n|yes|no|true|false|on|off|null|~|\d{4}-\d\d?-\d\d?.*)$", re.IGNORECASE)


def yaml_scalar(text: str) -> str:
    if (YAML_PLAIN.match(text) and not YAML_RESERVED.match(text) and text == text.strip()
            and not text.endswith((":", "-", ","))):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def yaml_text(apps: list) -> str:
    out = ["# Sitra Osaamisen aika 2021 – example applications (see README.md).",
           "# Generated by tools/make_sitra_example.py; do not edit by hand.",
           "applications:"]
    for i, app in enumerate(apps):
        if i:
            out.append("")
        first = True
        for f in FIELDS:
            v = app[f]
            if v is None or (f == "actors" and not v):
                continue
            lead = "  - " if first else "    "
            first = False
            if f == "actors":
                out.append(f"{lead}actors:")
                out.extend(f"      - {yaml_scalar(a)}" for a in v)
            elif f.endswith("_eur"):
                out.append(f"{lead}{f}: " + (str(v // 100) if v % 100 == 0 else f'"{money_plain(v)}"'))
            elif isinstance(v, bool):
                out.append(f"{lead}{f}: {'true' if v else 'false'}")
            elif isinstance(v, date):
                out.append(f"{lead}{f}: {v.isoformat()}")
            elif "\n" in v:
                lines = v.split("\n")
                assert all(l == l.rstrip() and not l.startswith(" ") for l in lines)
                assert not v.endswith("\n")
                out.append(f"{lead}{f}: |-")
                out.extend(f"      {l}" if l else "" for l in lines)
            else:
                out.append(f"{lead}{f}: {yaml_scalar(v)}")
    return "\n".join(out) + "\n"


def write(path: str, text: str, bom: bool = False) -> None:
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------
# Reading back
# --------------------------------------------------------------------------------------

def parse_money(text: str) -> int:
    t = text.replace(NBSP, "").replace(" ", "")
    if "," in t:
        whole, frac = t.split(",")
    else:
        whole, _, frac = t.partition(".")
    assert whole.isdigit() and (frac == "" or (frac.isdigit() and len(frac) == 2)), text
    return int(whole) * 100 + int(frac or 0)


def parse_date(text: str) -> date:
    if "." in text:
        d, m, y = text.split(".")
        assert not d.startswith("0") and not m.startswith("0"), text
        return date(int(y), int(m), int(d))
    return date.fromisoformat(text)


def normalise_csv_row(row: dict, fi: bool) -> dict:
    out = {}
    for f in FIELDS:
        v = row[f]
        if v == "":
            out[f] = [] if f == "actors" else None
        elif f == "resources_committed":
            yes, no = BOOL_TEXT[fi]
            assert v in (yes, no), (row["id"], f, v)
            out[f] = v == yes
        elif f == "actors":
            out[f] = v.split("|")
        elif f.endswith("_eur"):
            out[f] = parse_money(v)
        elif f in ("programme_started", "programme_ends"):
            out[f] = parse_date(v)
        else:
            out[f] = v
    return out


def read_csv_apps(path: str, delimiter: str, bom: bool, eol: str) -> list:
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") == bom, path
    text = raw.decode("utf-8-sig" if bom else "utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    assert records[0] == FIELDS, (path, records[0])
    if eol == "\r\n":
        assert raw.count(b"\r\n") == len(records) and raw.count(b"\r") == len(records), path
    else:
        assert b"\r" not in raw, path
    assert text.endswith(eol)
    rows = [dict(zip(FIELDS, r)) for r in records[1:]]
    assert all(len(r) == len(FIELDS) for r in records), path
    return [normalise_csv_row(r, bom) for r in rows]


def read_yaml_apps(path: str) -> list:
    """A reader for exactly the YAML subset yaml_text() writes."""
    lines = open(path, encoding="utf-8").read().split("\n")
    apps = []
    cur = None
    i = 0

    def scalar(t: str) -> str:
        if t.startswith('"'):
            assert t.endswith('"')
            return re.sub(r'\\(.)', r'\1', t[1:-1])
        return t

    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or line.startswith("#") or line == "applications:":
            continue
        if line.startswith("  - "):
            cur = {f: None for f in FIELDS}
            cur["actors"] = []
            apps.append(cur)
            line = "    " + line[4:]
        assert line.startswith("    ") and not line.startswith("     "), line
        key, _, value = line[4:].partition(": ")
        if line[4:] == "actors:":
            while i < len(lines) and lines[i].startswith("      - "):
                cur["actors"].append(scalar(lines[i][8:]))
                i += 1
            continue
        if value == "|-":
            block = []
            while i < len(lines) and (lines[i].startswith("      ") or lines[i] == ""):
                if lines[i] == "" and (i + 1 >= len(lines) or not lines[i + 1].startswith("      ")):
                    break
                block.append(lines[i][6:])
                i += 1
            cur[key] = "\n".join(block)
            continue
        if key.endswith("_eur"):
            cur[key] = parse_money(value.strip('"'))
            assert value.startswith('"') == (cur[key] % 100 != 0), line
        elif key in ("programme_started", "programme_ends"):
            cur[key] = date.fromisoformat(value)
        elif key == "resources_committed":
            assert value in ("true", "false"), line
            cur[key] = value == "true"
        else:
            cur[key] = scalar(value)
    return apps


def read_assessments(path: str) -> list:
    raw = open(path, "rb").read()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    records = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
    assert records[0] == ASSESSMENT_FIELDS
    rows = []
    for r in records[1:]:
        row = dict(zip(ASSESSMENT_FIELDS, r))
        assert row["verdict"] in ("pass", "fail", "unclear")
        assert row["criterion"] in JUDGED
        if row["score"] == "":
            assert row["verdict"] == "unclear"
            row["score"] = None
        else:
            s = Fraction(row["score"])
            assert 0 <= s <= 5 and (s * 2).denominator == 1
            row["score"] = s
        rows.append(row)
    return rows


# --------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------

def fmt_eur(cents: int) -> str:
    whole, frac = divmod(cents, 100)
    return f"{whole:,}".replace(",", " ") + (f".{frac:02d}" if frac else "")


def fmt_score(x: Fraction) -> str:
    s = f"{float(x):.4f}"
    if x.denominator not in (1, 2, 4, 8):
        s += f" ({x.numerator}/{x.denominator})"
    return s


def naive_float_score(rows: list, app_id: str) -> float:
    """The weighted score as code using binary floating point would compute it."""
    m = {}
    for c in WEIGHTS:
        sc = [float(r["score"]) for r in rows
              if r["application"] == app_id and r["criterion"] == c and r["score"] is not None]
        m[c] = sum(sc) / len(sc)
    return (2 * m["C1"] + m["C2"] + m["C3"] + m["C4"] + m["C8"]) / 6


def readme_text(specs, apps, rows, results, ranking, funded_total) -> str:
    by_id = {a["id"]: a for a in apps}
    spec_by_id = {s["id"]: s for s in specs}
    decisions = ["fund", "reserve", "clarify", "pending", "reject"]
    ids_by = {d: [a["id"] for a in apps if results[a["id"]]["decision"] == d] for d in decisions}
    L = []
    w = L.append
    w("# Example: Sitra *Osaamisen aika* 2021 call")
    w("")
    w("Input data for screening with the [`sitra-2021`](../../criteria/sitra-2021.yaml) criteria set:")
    w("82 applications (the number Sitra received) and the reviewers' assessments.")
    w("Generated by [`tools/make_sitra_example.py`](../../tools/make_sitra_example.py) – do not edit")
    w("by hand; run `python3 tools/make_sitra_example.py` from the repository root (deterministic:")
    w("the same bytes every run).")
    w("")
    w("## Files")
    w("")
    w("| file | what |")
    w("| --- | --- |")
    w("| `applications.csv` | the 82 applications: UTF-8, `,`, LF, RFC 4180 quoting, ISO dates, money `95000` / `95000.50`, `resources_committed` `true` / `false`, `actors` joined with `\\|`, empty cell = missing |")
    w("| `applications-fi.csv` | the same data as a Finnish Excel \"CSV UTF-8\" export: BOM, `;`, CRLF, money `95 000,00` (a no-break space U+00A0 as the thousands separator in a few rows), dates `1.3.2021`, `resources_committed` `kyllä` / `ei`; line breaks inside quoted texts are LF, as Excel writes them |")
    w("| `applications.yaml` | the same data as YAML: `applications:` list, `actors` a sequence, money an integer or a quoted `\"95000.50\"`, `resources_committed` a YAML boolean `true` / `false`, missing values left out |")
    w(f"| `assessments.csv` | {len(rows)} rows `application,criterion,reviewer,verdict,score,note` on the criteria of kind `judgement`/`both` (C1–C6, C8) |")
    w("| `reviewers.csv` | the call's roster for `--reviewers`: `reviewer,name,criteria`, the three reviewers by the ids the assessments name them with, each with the criteria they assess (`C1\\|C2\\|…`; an empty cell would allow any) |")
    w("| `conflicts.csv` | declared conflicts of interest: a reviewer with an application or an applicant |")
    w("| `outcomes.yaml` | written by hand, not generated: the eight funded pilots' outcome reports after the funding period, goals with the targets and results Sitra's report gives (a range target such as `40–50` is met at its lower end; goals without numbers say `met: true`), for `fundscreen impact` |")
    w("| `outcomes.csv` | written by hand: the same reports as a Finnish spreadsheet export (`;`, CRLF, `kyllä` / `ei`), with the goals counted into `goals_met` and `goals_total` |")
    w("")
    w("The three application files hold identical data; the generator reads them back and checks it.")
    w("")
    w("## What is real and what is not")
    w("")
    w("The **eight pilots Sitra funded are real**: applicant, title and thesis are those of Sitra's")
    w("report *Kahdeksan pilottihankkeen näkökulma osaamisen uudistamiseen työelämässä* (2022), and")
    w("the targets quoted in their problem/evidence texts are the ones the report gives; their")
    w("actors are organisations the report names as taking part. The problem/evidence texts are")
    w("written for this example. Their money figures (requested, own resources, programme budget)")
    w("and programme dates, and all reviewers' verdicts, scores and notes are **illustrative**. The")
    w("reviewers (Aino Mäkelä, Jussi Översti, Liisa Heikkilä) are invented.")
    w("")
    w("The **other 74 applications are synthetic**: the organisations are fictional (any likeness to")
    w("a real one is accidental) and their data is built to exercise every criterion of the set.")
    w("")
    w("| id | pilot | thesis | requested € | predicted | target → result (Sitra's report) |")
    w("| --- | --- | --- | ---: | --- | --- |")
    for s in sorted((s for s in specs if s["real"]), key=lambda s: s["id"]):
        w(f"| {s['id']} | {s['applicant']} – {s['title']} | {s['thesis']} | {fmt_eur(s['requested'])} "
          f"| {results[s['id']]['decision']} | {PILOT_RESULTS[s['key']]} |")
    w("")
    w("In the real call seven applicants went straight to funding negotiations and two more to")
    w("clarifying discussions, one of which was funded. The example mirrors that: seven pilots are")
    w("funded, Kasvuryhmä Suomi ry goes to `clarify` because its reviewers disagree on C6 (is the")
    w("whole resourced after 2021?), and so does one synthetic application.")
    w("")
    w("## The `resources_committed` column")
    w("")
    w("`resources_committed` (boolean): the resources of the whole are committed in writing. The")
    w("`sitra-2021` set declares the field but no criterion reads it, so it changes none of the")
    w("decisions below; a revised set (version 2) would require it in C6 (see")
    w("[A revised C6](#a-revised-c6-prediction)). Missing is an empty cell in the CSV files and an")
    w("absent key in the YAML file.")
    w("")
    w("The real pilots are all `true` except Etelä-Savon Koulutus Oy's OSKU: Sitra's report says its")
    w("resources changed and the planned resources were not there when the money came. The")
    synth = [a for a in apps if not spec_by_id[a["id"]]["real"]]
    share = lambda v: sum(a["resources_committed"] is v for a in synth)
    by_hand = {applicant: prof["committed"] for applicant, _, _, prof in SYNTHETIC if "committed" in prof}
    w(f"{len(synth)} synthetic applications are {share(True)} `true`, {share(False)} `false` and {share(MISSING)} missing: drawn")
    w("at about 85 % / 10 % / 5 % from a random stream of their own (so adding the column moved no")
    w("other value), except " + ", ".join(
        f"`{a['id']}` ({ {True: 'true', False: 'false', MISSING: 'missing'}[by_hand[a['applicant']]] })"
        for a in apps if a["applicant"] in by_hand))
    w("set by hand, so that eligible applications show each case.")
    w("")
    for label, value in (("`false`", False), ("missing", MISSING)):
        these = [a for a in apps if a["resources_committed"] is value]
        w(f"- **{label}** ({len(these)}): " + ", ".join(
            f"`{a['id']}` {a['applicant']} ({results[a['id']]['decision']})" for a in these))
    w("")
    w("## Predicted decisions")
    w("")
    w("What the decision rules of the criteria set give for these files, computed by the generator")
    w("itself (an independent implementation in Python, not fundscreen's output):")
    w("")
    w("| decision | applications |")
    w("| --- | ---: |")
    for d in decisions:
        w(f"| {d} | {len(ids_by[d])} |")
    w(f"| **total** | **{len(apps)}** |")
    w("")
    for d in ("fund", "reserve", "clarify", "pending"):
        w(f"- **{d}**: " + ", ".join(f"`{i}`" for i in ids_by[d]))
    w("")
    w("Rules: any criterion `fail` → reject; else any `unclear` → clarify; else any `pending` (a")
    w("judgement criterion without assessments) → pending; else eligible. Reviewers on one")
    w("criterion: all pass → pass, all fail → fail, otherwise unclear.")
    w("")
    w("### Ranking and funding line")
    w("")
    w("Eligible applications are ranked by the weighted mean of the reviewers' scores (per criterion")
    w("the mean of its reviewers' scores; weights C1 = 2, C2 = C3 = C4 = C8 = 1), ties broken by the")
    w("higher C1 mean, the higher C8 mean, the smaller `requested_eur`, then `id`. The funding line")
    w(f"is `strict`: walk down the ranking while the cumulative request stays within €800 000; the")
    w("first application that does not fit and everything below it are reserve.")
    w("")
    w("| rank | id | applicant | score | C1 | C8 | requested € | cumulative € | decision |")
    w("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for a in ranking:
        r = results[a["id"]]
        cum = fmt_eur(r["cumulative"]) if r["cumulative"] is not None else ""
        w(f"| {r['rank']} | {a['id']} | {a['applicant']} | {fmt_score(r['score'])} "
          f"| {fmt_score(r['means']['C1'])} | {fmt_score(r['means']['C8'])} "
          f"| {fmt_eur(a['requested_eur'])} | {cum} | {r['decision']} |")
    w("")
    remaining = BUDGET_CENTS - funded_total
    first_reserve = next(a for a in ranking if results[a["id"]]["decision"] == "reserve")
    w(f"The seven funded pilots request €{fmt_eur(funded_total)} together, leaving €{fmt_eur(remaining)};")
    w(f"the next in line, {first_reserve['id']}, asks for €{fmt_eur(first_reserve['requested_eur'])} and does")
    w("not fit, so the strict line stops there even though some applications further down would fit.")
    w("")
    w("Ties the ranking has to break (scores are compared exactly; some are thirds, which binary")
    w("floating point cannot hold):")
    w("")
    groups: dict = {}
    for a in ranking:
        groups.setdefault(results[a["id"]]["score"], []).append(a)
    for score, group in groups.items():
        if len(group) < 2:
            continue
        parts = []
        for a, b in zip(group, group[1:]):
            ra, rb = results[a["id"]], results[b["id"]]
            if ra["means"]["C1"] != rb["means"]["C1"]:
                why = "the higher C1 mean"
            elif ra["means"]["C8"] != rb["means"]["C8"]:
                why = "equal C1, the higher C8 mean"
            elif a["requested_eur"] != b["requested_eur"]:
                why = "equal C1 and C8, the smaller `requested_eur`"
            else:
                why = "equal C1, C8 and `requested_eur`, the smaller id"
            na, nb = naive_float_score(rows, a["id"]), naive_float_score(rows, b["id"])
            if na != nb:
                why += (f"; naive binary floating point ((2·C1 + C2 + C3 + C4 + C8) / 6 over float"
                        f" means) gives {na!r} and {nb!r}: no tie"
                        + (", and the wrong order" if na < nb else ""))
            parts.append(f"`{a['id']}` before `{b['id']}` by {why}")
        w(f"- {len(group)} applications score exactly {fmt_score(score)}: " + "; ".join(parts) + ".")
    w("")
    w("### How many applications each criterion rejects")
    w("")
    w("`rejects` counts the applications for which the criterion's outcome is `fail` (an application")
    w("failing several criteria counts under each); `only reason` those it is the sole failed")
    w("criterion of. `unclear` and `pending` count outcomes of that criterion over all applications.")
    w("")
    w("| criterion | kind | title | rejects | only reason | unclear | pending |")
    w("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    for c in ALL_CRITERIA:
        fails = [a for a in apps if results[a["id"]]["per"][c] == "fail"]
        only = [a for a in fails
                if [k for k, v in results[a["id"]]["per"].items() if v == "fail"] == [c]]
        unclear = sum(results[a["id"]]["per"][c] == "unclear" for a in apps)
        pending = sum(results[a["id"]]["per"][c] == "pending" for a in apps)
        w(f"| {c} | {KIND[c]} | {TITLES_EN[c]} | {len(fails)} | {len(only)} | {unclear} | {pending} |")
    w("")
    w("### All applications")
    w("")
    w("| id | applicant | decision | why |")
    w("| --- | --- | --- | --- |")
    for a in apps:
        r = results[a["id"]]
        per = r["per"]
        if r["decision"] == "reject":
            why = "fails " + ", ".join(c for c in ALL_CRITERIA if per[c] == "fail")
            extra = [c for c in ALL_CRITERIA if per[c] in ("unclear", "pending")]
            if extra:
                why += "; also " + ", ".join(f"{c} {per[c]}" for c in extra)
        elif r["decision"] == "clarify":
            why = "unclear: " + ", ".join(c for c in ALL_CRITERIA if per[c] == "unclear")
        elif r["decision"] == "pending":
            why = "no assessment yet: " + ", ".join(c for c in ALL_CRITERIA if per[c] == "pending")
        else:
            why = f"rank {r['rank']}"
        w(f"| {a['id']} | {a['applicant'].replace('|', '/')} | {r['decision']} | {why} |")
    w("")
    w("## A revised C6 (prediction)")
    w("")
    rev, rev_ranking, rev_total = decide(apps, rows, revised=True, policy="skip")
    _, _, rev_strict_total = decide(apps, rows, revised=True, policy="strict")
    w("What the decision rules above would give if the criteria set required the commitment in C6")
    w("and drew the funding line with the policy `skip` instead of `strict` (computed by the")
    w("generator, like the rest of this file):")
    w("")
    w("```")
    w("rule: has(app.programme_budget_eur) and app.programme_budget_eur >= app.requested_eur")
    w("      and app.resources_committed == true")
    w("funding: {policy: skip, amount: requested_eur}")
    w("```")
    w("")
    w("A missing `resources_committed` makes C6 `unclear` (→ clarify unless something fails), `false`")
    w("makes it `fail` (→ reject). A missing budget still fails C6 whatever the commitment. `skip`")
    w("passes over an application that does not fit the remaining budget and goes on down the ranking.")
    w("")
    changed = [a for a in apps if rev[a["id"]]["decision"] != results[a["id"]]["decision"]]
    w("| id | applicant | `resources_committed` | 2021 decision | revised decision | why |")
    w("| --- | --- | --- | --- | --- | --- |")
    for a in changed:
        r, per = rev[a["id"]], rev[a["id"]]["per"]
        if r["decision"] == "reject":
            why = "fails " + ", ".join(c for c in ALL_CRITERIA if per[c] == "fail")
        elif r["decision"] == "clarify":
            why = "unclear: " + ", ".join(c for c in ALL_CRITERIA if per[c] == "unclear")
        elif r["decision"] == "fund":
            why = f"rank {r['rank']}, cumulative €{fmt_eur(r['cumulative'])}"
        else:
            why = f"rank {r['rank']}"
        committed = {True: "true", False: "false", MISSING: "missing"}[a["resources_committed"]]
        w(f"| {a['id']} | {a['applicant']} | {committed} | {results[a['id']]['decision']} "
          f"| {r['decision']} | {why} |")
    w("")
    old_fund = {i for i, r in results.items() if r["decision"] == "fund"}
    new_fund = {i for i, r in rev.items() if r["decision"] == "fund"}
    w("| decision | 2021 | revised |")
    w("| --- | ---: | ---: |")
    for d in decisions:
        w(f"| {d} | {len(ids_by[d])} | {sum(r['decision'] == d for r in rev.values())} |")
    w("")
    leaves = sorted(old_fund - new_fund)
    enters = sorted(new_fund - old_fund)
    named = lambda ids: ", ".join(f"`{i}` ({by_id[i]['applicant']})" for i in ids) or "nothing"
    w(f"The funded set loses {named(leaves)} and gains {named(enters)}:")
    w(f"{len(new_fund)} applications for €{fmt_eur(rev_total)}, leaving €{fmt_eur(BUDGET_CENTS - rev_total)}.")
    w("The revised ranking and funding line:")
    w("")
    w("| rank | id | applicant | requested € | cumulative € | revised decision | 2021 decision |")
    w("| ---: | --- | --- | ---: | ---: | --- | --- |")
    for a in rev_ranking:
        r = rev[a["id"]]
        cum = fmt_eur(r["cumulative"]) if r["cumulative"] is not None else ""
        w(f"| {r['rank']} | {a['id']} | {a['applicant']} | {fmt_eur(a['requested_eur'])} | {cum} "
          f"| {r['decision']} | {results[a['id']]['decision']} |")
    w("")
    last_fund = max(rev[i]["rank"] for i in new_fund)
    below = [a for a in rev_ranking if rev[a["id"]]["rank"] > last_fund]
    cheapest = min(below, key=lambda a: a["requested_eur"]) if below else None
    if cheapest is not None and cheapest["requested_eur"] > BUDGET_CENTS - rev_total:
        w(f"No application below rank {last_fund} fits the €{fmt_eur(BUDGET_CENTS - rev_total)} left (the smallest request is")
        w(f"€{fmt_eur(cheapest['requested_eur'])}), so with this data `skip` funds the same as `strict` would with")
        assert rev_strict_total == rev_total
        w("the revised C6: the change of the funded set comes from C6 alone.")
    else:
        w(f"With `strict` the revised C6 would fund €{fmt_eur(rev_strict_total)}; `skip` goes on down the ranking.")
    unchanged = [a for a in apps if a["resources_committed"] is not True
                 and rev[a["id"]]["decision"] == results[a["id"]]["decision"]]
    w("")
    w("The other applications with `false` or a missing value keep their decision: "
      + ", ".join(f"`{a['id']}` ({results[a['id']]['decision']}"
                  + (f", C6 now also {rev[a['id']]['per']['C6'].replace('fail', 'fails')}"
                     if rev[a["id"]]["per"]["C6"] != results[a["id"]]["per"]["C6"] else "")
                  + ")" for a in unchanged) + ".")
    w("")
    w("## Edge cases in the data")
    w("")
    w("- C7's boundaries: a whole started exactly 2020-12-01 (deadline − 3 months) passes, one started")
    w("  2020-12-02 fails; ending exactly 2021-12-31 fails (it must end *after* 2021), ending")
    w("  2022-01-01 passes. A missing `programme_started` makes C7 `unclear` (→ clarify).")
    w("- C6's boundaries: a programme budget equal to the request passes; a budget of 80 000.00")
    w("  against a request of 80 000.50 fails by 50 cents.")
    w("- Missing values: no thesis (C1), no problem and/or evidence (C3), no actors (C4), own")
    w("  resources 0 or missing (C5), programme budget missing (C6).")
    overruled = []
    for a in apps:
        rules = rule_outcomes(a)
        for c in sorted(BOTH):
            verdicts = {r["verdict"] for r in rows if r["application"] == a["id"] and r["criterion"] == c}
            if rules[c] == "fail" and verdicts == {"pass"}:
                overruled.append(f"`{a['id']}` {c}")
    w("- A rule that fails decides a `both` criterion whatever the reviewers say: the reviewers all")
    w("  passed " + " and ".join(x.replace(" ", " on ") for x in overruled)
      + ", but the data fails the rule, so the criterion fails.")
    w("- Quoting: an applicant with `;` and one with `,`, a title that starts with a double quote,")
    w("  texts with commas, quotes, `;` and line breaks; Swedish and Finnish letters throughout.")
    three = sorted(i for i in {r["application"] for r in rows}
                   if len({r["reviewer"] for r in rows if r["application"] == i}) == 3)
    w(f"- {len(three)} applications are assessed by all three reviewers ("
      + ", ".join(f"`{i}`" for i in three) + "), the rest by two of them.")
    w("")
    return "\n".join(L)


# --------------------------------------------------------------------------------------

def main(argv: list) -> int:
    check_only = "--check" in argv
    if not os.path.isdir(os.path.join("criteria")) or not os.path.isdir(OUT_DIR):
        print("run from the repository root: python3 tools/make_sitra_example.py", file=sys.stderr)
        return 2
    rng = random.Random(2021)
    specs, apps, rows = build(rng)

    # Finnish export: a few rows use a no-break space as the thousands separator.
    nbsp_ids = set(rng.sample([a["id"] for a in apps], 6))

    files = {
        "applications.csv": (csv_text([FIELDS] + [app_cells(a, False) for a in apps], ",", "\n"), False),
        "applications-fi.csv": (csv_text([FIELDS] + [app_cells(a, True, NBSP if a["id"] in nbsp_ids else " ")
                                                     for a in apps], ";", "\r\n"), True),
        "applications.yaml": (yaml_text(apps), False),
        "assessments.csv": (csv_text([ASSESSMENT_FIELDS] + [
            [r["application"], r["criterion"], r["reviewer"], r["verdict"], score_text(r["score"]), r["note"]]
            for r in rows], ",", "\n"), False),
        # The roster names each reviewer by the id the assessments use (here the name itself).
        "reviewers.csv": (csv_text([ROSTER_FIELDS] + [[r, r, "|".join(JUDGED)] for r in REVIEWERS], ",", "\n"),
                          False),
    }
    results, ranking, funded_total = decide(apps, rows)
    files["README.md"] = (readme_text(specs, apps, rows, results, ranking, funded_total), False)

    if not check_only:
        for name, (text, bom) in files.items():
            write(os.path.join(OUT_DIR, name), text, bom)
    else:
        for name, (text, bom) in files.items():
            want = (("\ufeff" if bom else "") + text).encode("utf-8")
            have = open(os.path.join(OUT_DIR, name), "rb").read()
            assert have == want, f"{name} differs from what the generator writes"

    verify(specs, apps, nbsp_ids)
    counts = {}
    for r in results.values():
        counts[r["decision"]] = counts.get(r["decision"], 0) + 1
    print("wrote" if not check_only else "checked", ", ".join(files), "in", OUT_DIR)
    print("decisions:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def verify(specs, apps, nbsp_ids) -> None:
    p = lambda n: os.path.join(OUT_DIR, n)
    a_csv = read_csv_apps(p("applications.csv"), ",", False, "\n")
    a_fi = read_csv_apps(p("applications-fi.csv"), ";", True, "\r\n")
    a_yaml = read_yaml_apps(p("applications.yaml"))
    assert len(a_csv) == len(a_fi) == len(a_yaml) == 82
    for x, y, z, want in zip(a_csv, a_fi, a_yaml, apps):
        assert x == want, (x["id"], x, want)
        assert y == want, (y["id"], y, want)
        assert z == want, (z["id"], z, want)
    raw_fi = open(p("applications-fi.csv"), encoding="utf-8-sig").read()
    assert NBSP in raw_fi and raw_fi.count(NBSP) >= len(nbsp_ids)

    # Decisions recomputed from the files alone must be the intended ones.
    rows = read_assessments(p("assessments.csv"))
    results, ranking, total = decide(a_csv, rows)
    for s in specs:
        got = results[s["id"]]["decision"]
        assert got == s["role"], (s["id"], s["applicant"], got, s["role"], results[s["id"]]["per"])
    # Every assessment's reviewer is on the roster, for a criterion the roster lists for them.
    roster = {r["reviewer"]: r["criteria"].split("|") for r in csv.DictReader(open(p("reviewers.csv"), encoding="utf-8"))}
    assert all(r["criterion"] in roster[r["reviewer"]] for r in rows)
    # Every judged criterion that has assessments has at least two reviewers.
    seen: dict = {}
    for r in rows:
        seen.setdefault((r["application"], r["criterion"]), set()).add(r["reviewer"])
    assert all(len(v) >= 2 for v in seen.values())
    # The funded seven are the real pilots and rank above every synthetic application.
    funded = [a for a in ranking if results[a["id"]]["decision"] == "fund"]
    real_ids = {s["id"] for s in specs if s["real"]}
    assert len(funded) == 7 and all(a["id"] in real_ids for a in funded)
    assert ranking[:7] == funded
    assert BUDGET_CENTS - total < ranking[7]["requested_eur"]
    # resources_committed: the real pilots true but OSKU; at least one of ranks 8-10 true;
    # an eligible synthetic application false and one missing; the 2021 set ignores it.
    spec_by_id = {s["id"]: s for s in specs}
    for a in a_csv:
        s = spec_by_id[a["id"]]
        if s["real"]:
            assert a["resources_committed"] is (s["key"] != "esedu"), a["id"]
    assert any(a["resources_committed"] is True for a in ranking[7:10])
    eligible_synth = [a for a in ranking if not spec_by_id[a["id"]]["real"]]
    assert any(a["resources_committed"] is False for a in eligible_synth)
    assert any(a["resources_committed"] is None for a in eligible_synth)
    ignoring = [dict(a, resources_committed=None) for a in a_csv]
    assert {i: r["decision"] for i, r in decide(ignoring, rows)[0].items()} == \
        {i: r["decision"] for i, r in results.items()}
    # The texts exercise the quoting.
    cells = [a[f] or "" for a in apps for f in ("problem", "evidence")]
    assert any("," in c for c in cells) and any('"' in c for c in cells)
    assert any("\n" in c for c in cells) and any(";" in c for c in cells)
    assert any(";" in a["applicant"] for a in apps) and any("," in a["applicant"] for a in apps)
    assert any('"' in a["title"] for a in apps)
    # The real pilots are spread through the file.
    pos = sorted(int(i[-3:]) for i in real_ids)
    assert pos != list(range(1, 9)) and pos[-1] - pos[0] > 40, pos


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
