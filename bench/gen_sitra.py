#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generate N synthetic applications (and reviewers' assessments) for `criteria/sitra-2021.yaml`.

Usage (from the repository root):

    python3 bench/gen_sitra.py N OUTDIR [--no-assessments]

Writes `OUTDIR/applications.csv` and, unless `--no-assessments`, `OUTDIR/assessments.csv`,
shaped exactly like `examples/sitra-2021/`: the same headers, UTF-8 without BOM, `,`, LF,
RFC 4180 quoting (only where needed: commas, quotes and line breaks inside the texts), ISO
dates, money `95000` / `95000.50`, `actors` joined with `|`, an empty cell = missing.

Python 3 standard library only. Deterministic: `random.Random(20210301)` (the assessments
from a second stream seeded from it), so the same N gives the same bytes on every run, the
first K rows are the same for every N >= K, and `--no-assessments` writes the same
applications. Streaming: rows are written in batches as they are made, memory
does not grow with N (the pools of names and texts are built once, a few MiB).

What the data looks like (per application, independent draws unless said):

- ids `B0000001`, `B0000002`, ... (7 digits; more when N needs them)
- kind `technology` 8 % (X1 fails); stage `new` 10 % (X2), `idea` 7 % (X3), else `ongoing`
- thesis: 95 % `3A`-`3E`; 5 % another thesis (`1C`, `2A`, `4B`) or empty (C1's rule fails)
- problem, evidence: 100-300 characters, commas, "quotes" and the odd line break;
  each missing in 2 % of rows (C3's rule fails); actors 1-5 organisations, missing in 2 % (C4)
- resources_committed `true` in every row (no rule of sitra-2021 reads it; the set declares it)
- own_resources_eur 0 (3 %) or missing (2 %) (C5); programme_budget_eur below
  requested_eur in 5 % (one cent below in some, missing in a few) (C6), equal in 0.5 %
- programme_started missing in 1 % (C7 `unclear`); started after 2020-12-01 in 5 %,
  ends on or before 2021-12-31 in 5 % (C7 fails); the boundaries 2020-12-01 and
  2022-01-01 (both pass) appear in 0.5 % each
- requested_eur 20 000-150 000, in hundreds, with cents in 20 % of rows

Assessments: for every application two reviewers (a pair drawn from a pool of 40) give a
verdict on each criterion of kind `judgement` or `both` (C1, C2, C3, C4, C5, C6, C8): 14
rows per application. Per reviewer and criterion, over the whole file, a verdict is `pass`
about 85 %, `fail` 10 %, `unclear` 5 %; the verdicts are correlated as real panels' are (60 %
of the applications are passed on everything by both reviewers, and on one criterion the
two reviewers usually agree), so that most decisions come from the rules and a minority from
the reviewers. Scores 0-5 in half points with `pass` (2.5-5) and `fail` (0-2), empty with
`unclear`; about a third of the rows carry a short note. In 0.5 % of the applications the
C8 assessments are not in yet (no rows: C8 `pending`).
"""

import os
import random
import sys
from datetime import date

SEED = 20210301
BATCH = 2000  # applications per write

APPLICATION_HEADER = (
    "id,applicant,title,thesis,stage,kind,programme_started,programme_ends,requested_eur,"
    "own_resources_eur,programme_budget_eur,resources_committed,actors,problem,evidence\n"
)
ASSESSMENT_HEADER = "application,criterion,reviewer,verdict,score,note\n"
JUDGED = ["C1", "C2", "C3", "C4", "C5", "C6", "C8"]  # kind judgement or both

PLACES = [
    "Etelä-Savon", "Pohjois-Savon", "Kainuun", "Jyväskylän", "Hämeenlinnan", "Pohjois-Karjalan",
    "Etelä-Pohjanmaan", "Keski-Suomen", "Lapin", "Kymenlaakson", "Päijät-Hämeen", "Satakunnan",
    "Varsinais-Suomen", "Mäntsälän", "Kärsämäen", "Jämsän", "Äänekosken", "Pälkäneen",
    "Tornionlaakson", "Oulun", "Tampereen", "Lahden", "Seinäjoen", "Vöyrin", "Närpiön",
    "Kemiönsaaren", "Hyvinkään", "Pieksämäen", "Mikkelin", "Joensuun", "Kuopion", "Rovaniemen",
    "Porvoon", "Pietarsaaren", "Uudenkaupungin", "Iisalmen", "Ylä-Savon", "Haapaveden",
    "Sulkavan", "Ilomantsin", "Pyhäjärven", "Inarin", "Säkylän", "Vetelin", "Närpes",
    "Kökarin", "Siuntion", "Hailuodon", "Raahen", "Kajaanin",
]
PLACES_SV = ["Ålands", "Österbottens", "Skärgårdens", "Åbolands", "Västnylands", "Jakobstads"]
ORG_TYPES = [
    "Koulutus Oy", "Osaamiskeskus Oy", "Kehittämisyhtiö Oy", "koulutuskuntayhtymä",
    "Yrittäjät ry", "Kehittämissäätiö sr", "Oppimisosuuskunta", "Taitajat ry",
    "kaupunki", "kunta", "aikuisopisto", "kansalaisopisto", "Työelämäpaja ry",
    "Oppimispiiri ry", "Osaajapolku ry", "Taitoverkko ry", "Ammattitaitosäätiö sr",
    "Elinkeinopalvelut Oy", "Työllisyyssäätiö sr", "Osaamisverkko ry", "Taitokeskus ry",
    "Oppimisfoorumi ry", "Työelämätalo ry", "Yrityskoulu Oy", "Ideapaja ry",
]
ORG_TYPES_SV = ["Lärande Ab", "Yrkesforum Ab", "Arbetslivslabb Ab", "Kunnare r.f.",
                "Kompetenscenter Ab", "Utbildningsstiftelse sr"]
ACTORS = [
    "Kehitysyhtiö Virtaama Oy", "Ammattiopisto Aallokko", "Yrittäjäyhdistys Kaski ry",
    "Teknologiakylä Rautakivi Oy", "Osaamisverkko Kaarna ry", "Oppimo Oy",
    "Työllisyyspalvelut Tähkä", "Korkeakoulukeskus Lähde", "Ohjaamo Kipinä",
    "Kansalaisopisto Ilmarinen", "Yritystalo Pajukko Oy", "Kauppakamari Kaamos ry",
    "Sote-kuntayhtymä Sinivuokko", "Nuorisosäätiö Kielo sr", "Elinkeinoyhtiö Louhi Oy",
    "Aikuisopisto Tervas", "Maaseutuakatemia Ahjo ry", "Konepaja Kärkkäinen & Pojat Oy",
    "Yrkesinstitutet Strand", "Företagarföreningen Brygga r.f.", "Lärcentret Fyren",
    "Utvecklingsbolaget Sjöbris Ab", "Folkhögskolan Ankaret", "Näringslivsrådet Kustlinjen r.f.",
    "Etelä-Savon ELY-keskus", "Pohjois-Savon liitto", "Kainuun TE-toimisto",
    "Jyväskylän ammattikorkeakoulu", "Metsäkonepalvelu Häkkinen Oy", "Hoivakoti Päivänsäde",
    "Sahayhtiö Mäntylä Oy", "Rakennusliike Öhman Oy", "Matkailuyhdistys Pohjantähti ry",
    "Varhaiskasvatuksen palvelut, Kuopio", "Kylätalo Ämmälä ry", "Osuuskauppa Särkänniemi",
]
TITLE_HEADS = [
    "Osaamisbuusti", "Työssä oppimisen malli", "Vertaisoppimisen verkosto", "Osaaminen kuntoon",
    "Taitopassi", "Oppiva työyhteisö", "Työpaikkaohjaajien valmennus", "Osaamiskennot",
    "Monikampusmalli", "Työelämäaktivaattorit", "Osaamisen tunnistaminen", "Mentorointipolku",
    "Yhdessä oppimisen konsepti", "Osaamissillat", "Perehdytyksen uusi malli",
]
TITLE_TAILS = [
    "pk-yrityksille", "sote-alalle", "maaseudun yrityksiin", "teollisuuden työpaikoille",
    "kuntien henkilöstölle", "matkailualalle", "rakennusalalle", "varhaiskasvatukseen",
    "kaupan alalle", "perheyrityksiin",
]
TITLES_SV = [
    "Arbetsplatslärande i små företag", "Kompetensbron för säsongsarbetare",
    "Lärande i vardagen – handledarnätverket", "Arbetslivslabbet, lärande i skärgården",
]
PROBLEM_SENTENCES = [
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
    "Rakennusalan osaajapula hidastaa alueen yritysten kasvua; rekrytoinnit venyvät kuukausiin.",
    "Opiskelijat eivät kiinnity alueen yrityksiin, ja valmistuneet muuttavat pois.",
    "Perheyritysten sukupolvenvaihdoksissa johtamisosaaminen ei siirry jatkajalle.",
    "Varhaiskasvatuksen työyhteisöissä uusi opetussuunnitelma jää paperille.",
    "Konepajojen työnjohtajat oppivat uudet menetelmät yksin, eikä oppi leviä tiimiin.",
    'Yrittäjät kuvaavat koulutusta sanoilla "liian pitkä, liian kaukana".',
    "Små företag i regionen har svårt att frigöra tid för personalens kompetensutveckling.",
    "Säsongsarbetare inom turismen introduceras på nytt varje säsong, och kunnandet stannar inte kvar.",
]
EVIDENCE_SENTENCES = [
    "Alueen yrityskyselyssä 2020 yli puolet vastaajista piti osaamisvajetta kasvun esteenä.",
    "Verkoston jäsenyritysten haastatteluissa sama ongelma toistui, erityisesti alle 10 hengen yrityksissä.",
    "Kolmen vuoden kokemus nykyisestä toimintamallista, palautekyselyt ja ohjausryhmän arviot.",
    "Ennakointiryhmän raportti nostaa aiheen alueen kolmen tärkeimmän osaamistarpeen joukkoon.",
    'Työpaikkaohjaajat kuvaavat tilannetta sanoilla "ohjaukselle ei ole aikaa".',
    "Seurannan mukaan opintojen keskeyttäminen on lisääntynyt kahtena vuonna peräkkäin.",
    "Kyselyyn vastasi 64 yritystä; 41 niistä kertoi, että perehdytys vie yli kuukauden.",
    "Toiminnassa on mukana jo 23 työpaikkaa, ja jonossa on 12 lisää.",
    "Tilastot: alueen työttömistä 38 % on yli 50-vuotiaita, ja avoimia paikkoja on silti satoja.",
    "Kahden edellisen vuoden palautteissa 70 % osallistujista piti työssä oppimista hyödyllisimpänä.",
    "Kuntien henkilöstökyselyn tulokset 2019 ja 2020 sekä esihenkilöiden haastattelut.",
    "Toimintamallia on kokeiltu kahdessa yrityksessä, ja kokemukset on koottu väliraporttiin.",
    'Yrittäjäjärjestön jäsenkysely: "osaamisen kehittäminen" oli toiseksi yleisin tukitarve.',
    "Enkät bland 60 medlemsföretag hösten 2020; hälften nämnde kompetensbrist som det största hindret.",
    'Handledarna beskriver läget med orden "ingen tid för handledning".',
]
FIRST_NAMES = [
    "Aino", "Jussi", "Liisa", "Mikko", "Päivi", "Timo", "Sari", "Jyrki", "Hanna", "Väinö",
    "Eeva", "Öljan", "Åsa", "Kristiina", "Matti", "Sanna", "Björn", "Tuula", "Heikki", "Ülla",
]
LAST_NAMES = [
    "Mäkelä", "Översti", "Heikkilä", "Härkönen", "Virtanen", "Lindström", "Kääriäinen",
    "Ström", "Nieminen", "Östman", "Järvinen", "Söderholm", "Pölönen", "Åkerlund",
    "Korhonen", "Hämäläinen", "Laine", "Räsänen", "Wikström", "Kärkkäinen",
]
NOTES = {  # criterion: (pass, fail, unclear)
    "C1": (["Selkeä kytkös teesiin 3.", "Vahvistaa työssä oppimista.", "Clear fit with thesis 3."],
           ["Ei kytkeydy teesiin 3.", "No link to thesis 3."],
           ["Kytkös teesiin 3 jää epäselväksi."]),
    "C2": (["Tavoitteet realistiset.", "Goals match the resources."],
           ["Tavoitteet ylimitoitettuja suhteessa resursseihin.", "Goals far beyond the budget."],
           ["Tavoitteiden mitoitus epäselvä, kysyttävä.", "Unsure whether the goals fit the budget."]),
    "C3": (["Ongelma hyvin perusteltu.", "Tarve näkyy kyselyissä."],
           ["Ongelmaa ei ole perusteltu.", "Perustelu puuttuu tai on yleisluontoinen."],
           ["Perustelu ohut, pyydetään lisätietoa."]),
    "C4": (["Oikeat toimijat mukana.", "Yritykset ja oppilaitos mukana."],
           ["Toimijoita ei nimetty, tai ne eivät liity ongelmaan.", "Keskeiset yritykset puuttuvat."],
           ["Toimijoiden rooli epäselvä."]),
    "C5": (["Omat resurssit kunnossa."],
           ["Ei omaa panosta.", "Toteutus riippuu kokonaan Sitran rahasta."],
           ["Omat resurssit kuvattu epämääräisesti."]),
    "C6": (["Kokonaisuus resursoitu."],
           ["Kokonaisuuden rahoitus ei riitä.", "Budjetti puuttuu."],
           ["Kokonaisuuden rahoitus vuodelle 2022 auki; selvitettävä.", "Funding of the whole after 2021 unclear."]),
    "C8": (["Selvä lisäarvo kokonaisuudelle.", "Vauhdittaa käynnissä olevaa työtä, ei aloita alusta.",
            "Adds reach to work already running."],
           ["Pilotti ei lisää kokonaisuuden vaikuttavuutta.", 'Lähinnä "viestintää", ei kehittämistä.'],
           ["Lisäarvo jää epäselväksi."]),
}
PASS_SCORES = ["2.5", "3", "3", "3.5", "3.5", "3.5", "4", "4", "4.5", "4.5", "5"]
FAIL_SCORES = ["0", "0.5", "1", "1", "1.5", "1.5", "2"]
N_TAIL = 1024  # pre-built row endings per criterion and verdict


def cell(text):
    """One CSV cell, RFC 4180: quoted only when it holds a comma, a quote or a line break."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def texts(rng, sentences, count):
    """`count` CSV cells of 100-300 characters made of `sentences`, some with a line break."""
    out = []
    while len(out) < count:
        target = rng.randint(100, 300)
        parts = [rng.choice(sentences)]
        while sum(len(p) + 1 for p in parts) < target - 40:
            parts.append(rng.choice(sentences))
        text = ""
        for p in parts:
            joined = text + ("\n" if text and rng.random() < 0.15 else " " if text else "") + p
            if len(joined) > 300:
                break
            text = joined
        if 100 <= len(text) <= 300:
            out.append(cell(text))
    return out


def money(cents):
    whole, frac = divmod(cents, 100)
    return str(whole) if frac == 0 else "%d.%02d" % (whole, frac)


def pools(rng):
    """Everything drawn per row from a list: names, titles, texts, dates, assessment tails."""
    p = {}
    orgs = [a + " " + b for a in PLACES for b in ORG_TYPES]
    orgs += [a + " " + b for a in PLACES_SV for b in ORG_TYPES_SV]
    orgs += ["Osuuskunta Oppiva Kylä, " + a[:-1] for a in PLACES[:10]]  # a comma: quoted
    p["applicant"] = [cell(o) for o in orgs]
    titles = [h + " " + t for h in TITLE_HEADS for t in TITLE_TAILS]
    titles += ['"' + h + '" ' + t for h in TITLE_HEADS[:6] for t in TITLE_TAILS[:4]]
    titles += [h + ", " + t for h in TITLE_HEADS[6:12] for t in TITLE_TAILS[4:8]]
    titles += TITLES_SV
    p["title"] = [cell(t) for t in titles]
    p["problem"] = texts(rng, PROBLEM_SENTENCES, 8192)
    p["evidence"] = texts(rng, EVIDENCE_SENTENCES, 8192)
    actors = []
    for _ in range(8192):
        actors.append(cell("|".join(rng.sample(ACTORS, rng.randint(1, 5)))))
    p["actors"] = actors
    first = date(2010, 1, 1).toordinal()
    p["day0"] = first
    p["days"] = [date.fromordinal(d).isoformat() for d in range(first, date(2028, 1, 1).toordinal())]
    reviewers = [cell(f + " " + l) for f, l in zip(FIRST_NAMES * 2, LAST_NAMES + LAST_NAMES[7:] + LAST_NAMES[:7])]
    assert len(set(reviewers)) == 40
    p["pairs"] = [(a, b) for a in reviewers for b in reviewers if a != b]
    p["tails"] = {}
    for c in JUDGED:
        notes_pass, notes_fail, notes_unclear = NOTES[c]
        p["tails"][c] = {
            "pass": tails(rng, "pass", PASS_SCORES, notes_pass),
            "fail": tails(rng, "fail", FAIL_SCORES, notes_fail),
            "unclear": tails(rng, "unclear", [""], notes_unclear),
        }
    return p


def tails(rng, verdict, scores, notes):
    """Pre-built `,verdict,score,note\\n` endings; about a third with a note."""
    out = []
    for _ in range(N_TAIL):
        note = cell(rng.choice(notes)) if rng.random() < 0.33 else ""
        out.append("," + verdict + "," + rng.choice(scores) + "," + note + "\n")
    return out


# Reviewer pairs on one criterion of an application that is not passed on everything:
# (first, second) verdict, cumulative probability. Together with the 60 % of applications
# passed on everything, each reviewer's verdict is pass 85 %, fail 10 %, unclear 5 %.
PAIR_STATES = [
    (0.440, "pass", "pass"),
    (0.600, "fail", "fail"),
    (0.710, "pass", "unclear"),
    (0.820, "unclear", "pass"),
    (0.900, "pass", "fail"),
    (0.980, "fail", "pass"),
    (0.990, "fail", "unclear"),
    (1.000, "unclear", "unclear"),
]


def generate(n, outdir, with_assessments):
    rng = random.Random(SEED)
    p = pools(rng)
    rnd = rng.random
    # The assessments draw from their own stream, so that `--no-assessments` writes the
    # same applications.
    rnd_s = random.Random(rng.getrandbits(64)).random
    width = max(7, len(str(n)))
    applicant, title, problem, evidence, actors = p["applicant"], p["title"], p["problem"], p["evidence"], p["actors"]
    n_applicant, n_title, n_text, n_actors = len(applicant), len(title), len(problem), len(actors)
    days, day0 = p["days"], p["day0"]
    # C7's edges as offsets into `days`.
    d_2012 = date(2012, 1, 1).toordinal() - day0
    d_ok_start = date(2020, 12, 1).toordinal() - day0  # started on or before: pass
    d_late_start = date(2021, 2, 28).toordinal() - day0
    d_end_fail0 = date(2021, 6, 30).toordinal() - day0
    d_end_fail1 = date(2021, 12, 31).toordinal() - day0  # ends on or before: fail
    d_end_last = date(2027, 12, 31).toordinal() - day0
    span_start = d_ok_start - d_2012
    span_late = d_late_start - d_ok_start
    span_end_fail = d_end_fail1 - d_end_fail0 + 1
    span_end_ok = d_end_last - d_end_fail1
    pairs, n_pairs = p["pairs"], len(p["pairs"])
    # Per judged criterion: its id cell, its pass endings, and the mixed states' endings.
    judged = []
    for c in JUDGED:
        t = p["tails"][c]
        judged.append((c[1], t["pass"], [(limit, t[a], t[b]) for limit, a, b in PAIR_STATES]))
    judged_no_c8 = judged[:-1]
    n_tail = N_TAIL

    os.makedirs(outdir, exist_ok=True)
    apps_path = os.path.join(outdir, "applications.csv")
    ass_path = os.path.join(outdir, "assessments.csv")
    fa = open(apps_path + ".tmp", "w", encoding="utf-8", newline="", buffering=1 << 20)
    fs = open(ass_path + ".tmp", "w", encoding="utf-8", newline="", buffering=1 << 20) if with_assessments else None
    fa.write(APPLICATION_HEADER)
    if fs:
        fs.write(ASSESSMENT_HEADER)
    abuf, sbuf = [], []
    id_fmt = "B%0" + str(width) + "d"
    for i in range(1, n + 1):
        ident = id_fmt % i
        r = rnd()
        kind = "technology" if r < 0.08 else "development"
        r = rnd()
        stage = "new" if r < 0.10 else "idea" if r < 0.17 else "ongoing"
        r = rnd()
        if r < 0.95:
            thesis = "3" + "ABCDE"[int(r * 100) % 5]
        else:
            thesis = ("1C", "2A", "4B", "")[int(r * 1000) % 4]
        # Dates: C7.
        r = rnd()
        if r < 0.01:
            started = ""
        elif r < 0.06:
            started = days[d_ok_start + 1 + int(rnd() * span_late)]
        elif r < 0.065:
            started = days[d_ok_start]
        else:
            started = days[d_2012 + int(rnd() * span_start)]
        r = rnd()
        if r < 0.05:
            ends = days[d_end_fail0 + int(rnd() * span_end_fail)]
        elif r < 0.055:
            ends = days[d_end_fail1 + 1]
        elif r < 0.45:
            ends = ""
        else:
            ends = days[d_end_fail1 + 1 + int(rnd() * span_end_ok)]
        # Money: C5, C6.
        r = rnd()
        if r < 0.20:
            req = 2000000 + int(rnd() * 13000001)
        else:
            req = (200 + int(rnd() * 1301)) * 10000
        r = rnd()
        if r < 0.03:
            own = "0"
        elif r < 0.05:
            own = ""
        else:
            own = money((10 + int(rnd() * 1990)) * 10000 if r < 0.98 else 100000 + int(rnd() * 9000000))
        r = rnd()
        if r < 0.01:
            budget = money(req - 1)
        elif r < 0.045:
            budget = money(req - 100 * (1 + int(rnd() * (req // 200))))
        elif r < 0.05:
            budget = ""
        elif r < 0.055:
            budget = money(req)
        else:
            budget = money(req + (1 + int(rnd() * 400)) * 500000)
        abuf.append(",".join((
            ident,
            applicant[int(rnd() * n_applicant)],
            title[int(rnd() * n_title)],
            thesis,
            stage,
            kind,
            started,
            ends,
            money(req),
            own,
            budget,
            "true",  # resources_committed: no rule of sitra-2021 reads it; no draw, same data
            "" if rnd() < 0.02 else actors[int(rnd() * n_actors)],
            "" if rnd() < 0.02 else problem[int(rnd() * n_text)],
            "" if rnd() < 0.02 else evidence[int(rnd() * n_text)],
        )) + "\n")
        if fs:
            a, b = pairs[int(rnd_s() * n_pairs)]
            pa = ident + ",C"
            clean = rnd_s() < 0.60
            pending_c8 = rnd_s() < 0.005  # C8's assessments not in yet
            for c, tp, states in judged_no_c8 if pending_c8 else judged:
                if clean:
                    ta = tb = tp
                else:
                    r = rnd_s()
                    for limit, ta, tb in states:
                        if r < limit:
                            break
                pc = pa + c + ","
                sbuf.append(pc + a + ta[int(rnd_s() * n_tail)])
                sbuf.append(pc + b + tb[int(rnd_s() * n_tail)])
        if i % BATCH == 0:
            fa.write("".join(abuf))
            abuf.clear()
            if fs:
                fs.write("".join(sbuf))
                sbuf.clear()
    fa.write("".join(abuf))
    fa.close()
    os.replace(apps_path + ".tmp", apps_path)
    if fs:
        fs.write("".join(sbuf))
        fs.close()
        os.replace(ass_path + ".tmp", ass_path)


def main(argv):
    args = [a for a in argv if a != "--no-assessments"]
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 1:
        sys.exit("usage: python3 bench/gen_sitra.py N OUTDIR [--no-assessments]")
    generate(int(args[0]), args[1], "--no-assessments" not in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
