#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the example inputs of the pohjois-pohjanmaa-2025 call, byte for byte the same every run.

    python3 examples/pohjois-pohjanmaa-2025/generate.py      (from the repository root)

The applications are written out by hand below, one a row, each made to show one case of the
criteria set (see README.md); this script only saves them as the files a funder has:
`hakemukset.csv` as the e-service's Finnish Excel export ("CSV UTF-8": a byte order mark,
`;`, CRLF, money `240 000,00`, dates `28.2.2025`), `assessments.csv` (the panel's scores,
no verdicts), `reviewers.csv` (the roster) and `conflicts.csv`. Python standard library only.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from export_csv import score_text, write  # noqa: E402  (examples/export_csv.py)

HEADER = [
    "Hakemusnumero", "Hakija", "Y-tunnus", "Hankkeen nimi", "Teema", "Rahoittaja",
    "Osatoteuttajat/kumppanit", "Haettu tuki (€)", "Kokonaiskustannukset (€)", "Alkaa",
    "Päättyy", "Saapunut", "Yhteyshenkilö",
]

HV, JK, AL = "Hanna Väisänen", "Jouni Kärsämä", "Åsa Lindqvist"
REVIEWERS = [
    (HV, "Hanna Väisänen", "A1|A2|A3"),
    (JK, "Jouni Kärsämä", "A1|A2|A3"),
    (AL, "Åsa Lindqvist", "A1|A2|A3"),
]

# The applicant Jouni Kärsämä has a conflict of interest with (he sits on its board).
CONFLICTED = "Siikalatvan Kehitysosuuskunta"
CONFLICTS = [(JK, "", CONFLICTED, "hallituksen jäsen (board member)")]

T1, T2, T3, T4 = "osaamisperusteisuus", "osaamistarpeet", "verkostot", "kansainväliset osaajat"

# One application a row: number, applicant, business ID (None: left empty), title, theme,
# funder, partners, requested and total budget (EUR as text, None: empty), starts, ends,
# submitted (d.m.yyyy, None: empty), contact, and the panel: a list of
# (reviewer, A1 score, A2 score, A3 score), None for a criterion the reviewer did not score.
APPS = [
    ("001", "Oulun Osaamisverkko ry", 1, "Osaamisen tunnistamisen työkalupakki työpaikoille", T1, "ESR+",
     ["Oulun seudun ammattiopisto", "Business Oulu", "Kempeleen kunta"], "240 000,00", "320 000,00",
     "1.4.2025", "31.3.2027", "14.2.2025", "Riikka Määttä",
     [(HV, 5, 4.5, 5), (JK, 5, 4, 4.5)]),
    ("002", "Pohjois-Pohjanmaan Ennakointikeskus Oy", 2, "Yritysten osaamistarvekysely joka kunnassa", T2,
     "EAKR", ["Oulun yliopisto", "Pohjois-Pohjanmaan liitto"], "180 000,00", "240 000,00",
     "1.4.2025", "31.3.2028", "27.2.2025", "Tuomas Kyllönen",
     [(JK, 4.5, 4.5, 4), (AL, 5, 4.5, 4.5)]),
    ("003", "Raahen Seudun Oppimiskeskus Oy", 3, 'Opinnollistaminen pk-yrityksissä; "opi työssä" -malli', T1, "JOTPA",
     ["Raahen kaupunki", "Brahen yrittäjät ry", "Oulun ammattikorkeakoulu"], "150 000,00", "200 000,00",
     "1.5.2025", "30.4.2027", "20.2.2025", "Päivi Hänninen",
     [(HV, 4.5, 4, 4.5), (AL, 4.5, 4, 4.5)]),
    ("004", "Ylivieskan Työelämätalo ry", 4, "Kansainväliset osaajat Ylivieskan seudun yrityksiin", T4,
     "ESR+", ["Ylivieskan kaupunki", "Koulutuskeskus JEDU"], "200 000,00", "250 000,00",
     "1.6.2025", "31.5.2027", "25.2.2025", "Mervi Ylitalo",
     [(HV, 4.5, 3.5, 5), (JK, 4.5, 3.5, 5)]),
    ("005", "Haukiputaan Ohjaamo ry", 5, "Aikuisten ohjaamo kiertää kylillä", T3, "ESR+",
     ["Oulun kaupunki", "Iin kunta", "Haukiputaan seurakunta"], "250 000,00", "330 000,00",
     "1.4.2025", "31.3.2028", "28.2.2025", "Jarmo Kärkkäinen",
     [(JK, 4, 4.5, 4), (AL, 4, 4, 4)]),
    ("006", "Kalajokilaakson Kielikoulu Oy", 6, "Työpaikkasuomea hoiva-alalle", T4, "JOTPA",
     ["Kalajoen kaupunki", "Hoivakoti Merituuli Oy"], "98 765,42", "123 456,78",
     "1.8.2025", "31.7.2027", "19.2.2025", "Anu Rautio",
     [(HV, 4, 4.5, 4), (AL, 4, 4, 4)]),
    ("007", "Iijoen Kehittämisyhdistys ry", 7, "Pienet osaamiskokonaisuudet metsäalalle", T1, "EAKR",
     ["Pudasjärven kaupunki", "Metsäkeskus"], "120 000,00", "160 000,00",
     "1.9.2025", "31.8.2027", "21.2.2025", "Eero Väyrynen",
     [(HV, 4, 4, 4), (JK, 3.5, 4, 4)]),
    ("008", "Muhoksen Yrityspalvelut Oy", 8, "Rekrytointiosaaminen pienille työnantajille", T2, "ESR+",
     ["Muhoksen kunta", "Utajärven kunta"], "120 000,00", "150 000,00",
     "1.9.2025", "31.8.2027", "24.2.2025", "Sari Leinonen",
     [(JK, 3.5, 4.5, 3.5), (AL, 4, 3.5, 4.5)]),
    ("009", CONFLICTED, 9, "Vihreän siirtymän osaajat Siikalatvalle", T2, "JOTPA",
     ["Haapaveden Opisto", "Siikalatvan kunta"], "160 000,00", "205 000,00",
     "1.5.2025", "30.4.2027", "26.2.2025", "Kalle Pöllänen",
     [(HV, 4, 3, 3.5), (JK, 5, 5, 5), (AL, 3.5, 3.5, 3.5)]),
    ("010", "Kuusamon Aikuisopisto ry", 10, "Osaamismerkit matkailualan kausityöntekijöille", T1, "OKM",
     ["Kuusamon kaupunki", "Ruka-Kuusamo Matkailuyhdistys ry"], "110 000,00", "140 000,00",
     "15.3.2025", "14.3.2026", "28.2.2025", "Helmi Törmänen",
     [(HV, 3.5, 3.5, 3.5), (JK, 3.5, 3.5, 3.5)]),
    ("011", "Limingan Osaamisosuuskunta", 11, "Työpaikkaohjaajien verkko", T3, "OKM",
     ["Limingan kunta", "Lumijoen kunta"], "11 234,58", "14 100,00",
     "1.3.2025", "28.2.2026", "12.2.2025", "Juha Honkanen",
     [(JK, 3.5, 3.5, 3.5), (AL, 4, 3.5, 3.5)]),
    ("012", "Tyrnävän Taitotalo Oy", 12, "Digitaidot työelämän siirtymissä", T1, "JOTPA",
     ["Tyrnävän kunta", "Oulun kansalaisopisto"], "90 000,00", "120 000,00",
     "1.4.2025", "31.3.2027", "17.2.2025", "Minna Kemppainen",
     [(HV, 3, 3.5, 3), (AL, 3.5, 4, 3.5)]),
    # Rejected by a rule.
    ("013", "Pyhäjoen Kylätalkoot ry", None, "Kylien osaajat kartalle", T3, "STEA",
     ["Pyhäjoen kunta", "Merijärven kunta"], "60 000,00", "80 000,00",
     "1.4.2025", "31.3.2027", "18.2.2025", "Aila Sorvisto",
     [(HV, 4, 4, 4), (JK, 4, 4, 4)]),
    ("014", "Oulunsalon Oppimisverkko Oy", 14, "Osaamispalvelut yhdeltä luukulta", T3, "ESR+",
     ["Oulun kaupunki", "Hailuodon kunta"], "250 000,01", "400 000,00",
     "1.4.2025", "31.3.2028", "22.2.2025", "Ville Kauppila",
     [(HV, 4.5, 4, 4), (AL, 4.5, 4, 4.5)]),
    ("015", "Vaalan Kehitys Oy", 15, "Oppisopimuspolku kaivosalalle", T2, "EAKR",
     ["Vaalan kunta", "Kajaanin ammattikorkeakoulu"], "200 000,01", "250 000,00",
     "1.5.2025", "30.4.2027", "25.2.2025", "Outi Heikkinen",
     [(JK, 4, 4, 4), (AL, 4, 4.5, 4)]),
    ("016", "Nivalan Yrittäjäakatemia ry", 16, "Moniosaajuus konepajoissa", T1, "JOTPA",
     ["Nivalan kaupunki", "Haapajärven kaupunki"], "98 765,43", "123 456,78",
     "1.6.2025", "31.5.2027", "13.2.2025", "Pertti Mäenpää",
     [(HV, 4, 3.5, 4), (JK, 4, 4, 4)]),
    ("017", "Hailuodon Saaristo-opisto ry", 17, "Saariston työpaikat oppimisympäristöinä", T1, "OKM",
     ["Hailuodon kunta"], "70 000,00", "95 000,00",
     "1.4.2025", "31.3.2027", "10.2.2025", "Sirpa Luukkonen",
     [(HV, 4, 4, 3.5), (AL, 4, 3.5, 3.5)]),
    ("018", "Utajärven Taitopaja Oy", 18, "Nuorten taitopaja työelämään", T1, "ESR+",
     [], "85 000,00", "110 000,00",
     "1.4.2025", "31.3.2027", "11.2.2025", "Tapio Jokela",
     [(JK, 3.5, 3.5, 3.5), (AL, 4, 3.5, 4)]),
    ("019", "Kempeleen Kasvuyrittäjät ry", 19, "Kasvuyritysten osaamisklinikka", T2, "EAKR",
     ["Kempeleen kunta", "Oulun yliopisto"], "75 000,00", "100 000,00",
     "1.3.2025", "27.2.2026", "20.2.2025", "Laura Kokko",
     [(HV, 4, 4, 4), (JK, 3.5, 4, 4)]),
    ("020", "Taivalkosken Erätalo Oy", 20, "Luontomatkailun osaajapolku", T4, "JOTPA",
     ["Taivalkosken kunta", "Naturpolis Oy"], "140 000,00", "180 000,00",
     "1.4.2025", "30.4.2028", "23.2.2025", "Jukka Pääkkönen",
     [(JK, 4, 4, 4), (AL, 4.5, 4, 4)]),
    ("021", "Merijärven Monitoimijat ry", 21, "Kolmas sektori osaamisverkostoihin", T3, "STEA",
     ["Merijärven kunta", "Alavieskan kunta"], "65 000,00", "85 000,00",
     "1.4.2025", "31.3.2027", "1.3.2025", "Leena Hyvärinen",
     []),
    # Rejected by the panel.
    ("022", "Ruukin Kehittäjät Oy", 22, "Hankkeiden tiedonsiirron malli", T3, "ESR+",
     ["Siikajoen kunta", "Raahen kaupunki"], "100 000,00", "130 000,00",
     "1.4.2025", "31.3.2027", "26.2.2025", "Marketta Ojala",
     [(HV, 2.5, 3.5, 3.5), (JK, 2, 3, 3)]),
    ("023", "Pudasjärven Osaamiskeskus Oy", 23, "Ennakointitieto uraohjaukseen", T2, "ESR+",
     ["Pudasjärven kaupunki", "Oulun ammattikorkeakoulu"], "130 000,00", "170 000,00",
     "1.6.2025", "31.5.2027", "27.2.2025", "Antero Kinnunen",
     [(JK, 4, 2.5, 3.5), (AL, 4, 1.5, 4)]),
    ("024", "Alavieskan Kyläakatemia ry", 24, "Kyläakatemia kansainvälisille perheille", T4, "STEA",
     ["Alavieskan kunta", "Kalajoen Kristillinen Opisto"], "50 000,00", "70 000,00",
     "1.4.2025", "31.3.2027", "19.2.2025", "Ritva Isokangas",
     [(HV, 3.5, 3.5, 2), (AL, 3, 3.5, 2.5)]),
    ("025", "Sievin Työelämäpalvelut Oy", 25, "Osaamisen sanoittaminen työnhaussa", T1, "ESR+",
     ["Sievin kunta", "Ylivieskan kaupunki"], "105 000,00", None,
     "1.4.2025", "31.3.2027", "1.3.2025", "Eija Kangas",
     [(HV, 4, 4, 4), (JK, 4, 4.5, 4)]),
    # Go to clarifying discussions.
    ("026", "Kiimingin Kulttuuriopisto ry", 26, "Kädentaidot ja kierrätys osaamiskokonaisuuksina", T1,
     "OKM", ["Oulun kaupunki", "Kiimingin kotiseutuyhdistys ry"], "80 000,00", None,
     "1.4.2025", "31.3.2027", "24.2.2025", "Tarja Kiviniemi",
     [(HV, 4, 4, 4), (AL, 4, 4, 4)]),
    ("027", "Hailuoto–Oulu Meriklusteri Oy", 27, "Meriklusterin osaamistarpeet", T2, "EAKR",
     ["Oulun kaupunki", "Hailuodon kunta", "Oulun Satama Oy"], "145 000,00", "190 000,00",
     "1.5.2025", None, "21.2.2025", "Kimmo Ylikoski",
     [(JK, 4, 4, 4), (AL, 4.5, 4, 4)]),
    ("028", "Kärsämäen Osaamistalo ry", 28, "Osaamistalo maaseudun aikuisille", T3, "OKM",
     ["Kärsämäen kunta", "Piippolan kyläyhdistys ry"], "60 000,00", "80 000,00",
     "1.4.2025", "31.3.2027", None, "Mikko Hietala",
     [(HV, 4, 4, 4), (JK, 4, 3.5, 4)]),
    ("029", "Oulun Monikulttuurikeskus ry", 29, "International House -palvelut Oulun seudulle", T4,
     "STEA", ["Oulun kaupunki", "Oulun yliopisto", "Business Oulu"], "170 000,00", "215 000,00",
     "1.4.2025", "31.3.2027", "28.2.2025", "Ahmed Nurmi",
     [(HV, 4.5, 4, 3.5), (AL, 4.5, 4, 2)]),
    ("030", "Ii–Kuivaniemi Opintopiiri ry", 30, "Opintopiirit eläkeikäisten digitaitoihin", T1, "OKM",
     ["Iin kunta", "Kuivaniemen kyläyhdistys ry"], "40 000,00", "55 000,00",
     "1.4.2025", "31.3.2026", "14.2.2025", "Maija Keränen",
     [(JK, 3.5, 3.5, 3.5), (AL, 2.5, 3.5, 3.5)]),
    # Await the panel.
    ("031", "Pyhännän Kehittämiskeskus Oy", 31, "Kausityöt ja koulutus vuoden ympäri", T2, "ESR+",
     ["Pyhännän kunta", "Kestilän kyläyhdistys ry"], "95 000,00", "125 000,00",
     "1.4.2025", "31.3.2027", "18.2.2025", "Ilkka Niskanen",
     []),
    ("032", "Lumijoen Luontopaja ry", 32, "Green Care -työpaja osaamisen tunnistamiseen", T1, "ESR+",
     ["Lumijoen kunta", "Oulun Diakoniasäätiö"], "88 000,00", "115 000,00",
     "1.4.2025", "31.3.2027", "25.2.2025", "Kaarina Ahola",
     [(HV, 4, 4, 4)]),
    ("033", CONFLICTED, 9, "Kotoutumispolku Siikalatvan työpaikoille", T4, "ESR+",
     ["Siikalatvan kunta", "Haapaveden Opisto"], "120 000,00", "155 000,00",
     "1.6.2025", "31.5.2027", "26.2.2025", "Kalle Pöllänen",
     [(HV, 4, 4, 4), (JK, 4.5, 4.5, 4.5)]),
    ("034", "Oulun Seudun Koulutusverkko ry", 34, "Jatkuvan oppimisen verkostot yhteen", T3, "OKM",
     ["Oulun kaupunki", "Kempeleen kunta", "Limingan kunta"], "130 000,00", "165 000,00",
     "1.4.2025", "31.3.2027", "20.2.2025", "Sanna Mäkelä",
     [(HV, 5, 4.5, 4.5), (JK, 4, 4, 4), (AL, 2, 2.5, 3)]),
    ("035", "Koillismaan Oppimiskeskus Oy", 35, "Etäopiskelu Koillismaan kylille", T1, "ESR+",
     ["Kuusamon kaupunki", "Posion kunta"], "210 000,00", "270 000,00",
     "1.4.2025", "31.3.2027", "28.2.2025", "Heikki Kurttila",
     [(JK, 3.5, 3.5, 3.5), (AL, 4, 4, 3.5)]),
    ("036", "Haapaveden Työpaja ry", 36, "Työpajoilta työelämään", T1, "ESR+",
     ["Haapaveden kaupunki"], "200 000,01", "250 000,00",
     "1.4.2025", "30.4.2028", "1.3.2025", "Raija Pelkonen",
     [(HV, 2, 2, 2), (AL, 2.5, 2.5, 2)]),
]

# Notes some reviewers wrote beside a score (the form's free text), by criterion.
NOTES = {
    ("009", JK, "A1"): "esteellinen: hallituksen jäsen",
    ("022", HV, "A1"): "Teema jää irralliseksi toimenpidesuunnitelmasta.",
    ("023", AL, "A2"): "Resurssit eivät riitä suunniteltuun laajuuteen.",
    ("029", AL, "A3"): "Vaikuttavuus rajautuu Oulun keskustaan.",
    ("030", AL, "A1"): "Liittymä teemaan jää epäselväksi.",
    ("034", AL, "A1"): "Päällekkäinen olemassa olevan verkoston kanssa.",
}


def business_id(n):
    """A well-formed Finnish business ID, in a range not handed out (9 800 000 and up)."""
    base = 9800000 + 1237 * n
    while True:
        digits = [int(d) for d in f"{base:07d}"]
        rest = sum(d * w for d, w in zip(digits, [7, 9, 10, 5, 8, 4, 2])) % 11
        if rest != 1:
            return f"{base:07d}-{0 if rest == 0 else 11 - rest}"
        base += 1


def main():
    apps, assessments = [], []
    for (num, applicant, bid, title, theme, funder, partners, requested, total, starts, ends, submitted,
         contact, panel) in APPS:
        app_id = f"PP25-{num}"
        if int(num) % 3 == 0:  # Excel's Finnish locale separates thousands with a no-break space
            requested, total = (m and m.replace(" ", "\u00a0") for m in (requested, total))
        apps.append([app_id, applicant, "" if bid is None else business_id(bid), title, theme, funder,
                     ", ".join(partners), requested, total or "", starts, ends or "", submitted or "", contact])
        for criterion in range(3):
            for reviewer, *scores in panel:
                if scores[criterion] is None:
                    continue
                note = NOTES.get((num, reviewer, f"A{criterion + 1}"), "")
                assessments.append([app_id, f"A{criterion + 1}", reviewer, score_text(scores[criterion]), note])
    write(HERE, "hakemukset.csv", apps, HEADER, delimiter=";", bom=True, crlf=True)
    write(HERE, "assessments.csv", assessments, ["application", "criterion", "reviewer", "score", "note"])
    write(HERE, "reviewers.csv", REVIEWERS, ["reviewer", "name", "criteria"])
    write(HERE, "conflicts.csv", CONFLICTS, ["reviewer", "application", "applicant", "note"])


if __name__ == "__main__":
    main()
