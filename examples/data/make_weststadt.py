"""make_weststadt.py: write examples/data/weststadt.json, the example network
of the notebook examples/notebooks/network_strength.ipynb.

    python3 make_weststadt.py [output.json]

"Netzwerk Gutes Aufwachsen Weststadt": a neighbourhood network of 60 actors
(36 persons, 10 groups, 14 organisations; every name and place is
fictional) through the year 2025, as a coordinator of the Quartiersbüro
would have recorded it on 2025-12-31:

- eight cooperations (B Kooperation) with meetings, their agreement
  checklists filled in to different degrees; one is imposed by a funder,
  one falls silent after the spring, one ends in January, one starts in
  the autumn;
- ten groups (D Gruppe): each group actor with its members, meeting
  regularly;
- contacts (C Kontakt) of the Quartiersbüro and between organisations,
  some kept up, some silent (never activated: potential to activate);
- encounters (A Begegnung) at the Stadtteilfest, the Nachbarschaftsabend
  and elsewhere, through which new people join during the year.

Deterministic: a fixed random seed and fixed lists, so that running it
again writes the same file (the ctest example_data_weststadt checks that the
committed file is its output). Run it with a Python that imports netzwerk
(PYTHONPATH=<build>/bindings/python).
"""

import datetime
import random
import sys

import netzwerk as nw

D = datetime.date
YEAR_START, YEAR_END = D(2025, 1, 1), D(2025, 12, 31)

ORGANISATIONS = [
    # name, joined, interests
    ("Quartiersbüro Weststadt", D(2023, 3, 1), ["Nachbarschaft", "Beteiligung"]),
    ("Jugendtreff Ahornweg", D(2023, 3, 1), ["Kinder und Jugend", "Freizeit"]),
    ("Grundschule am Mühlbach", D(2023, 5, 10), ["Bildung", "Kinder und Jugend"]),
    ("Gesamtschule Weststadt", D(2024, 2, 1), ["Bildung", "Kinder und Jugend"]),
    ("Kita Sonnenblume", D(2023, 5, 10), ["Kinder und Jugend", "Familie"]),
    ("Familienzentrum Regenbogen", D(2023, 3, 1), ["Familie", "Bildung"]),
    ("Stadtteilbibliothek West", D(2023, 9, 1), ["Bildung", "Freizeit"]),
    ("Wohnungsgenossenschaft Eintracht eG", D(2023, 11, 15), ["Wohnumfeld", "Nachbarschaft"]),
    ("TuS Weststadt 1911", D(2024, 1, 15), ["Freizeit", "Gesundheit"]),
    ("Ev. Kirchengemeinde St. Lukas", D(2023, 9, 1), ["Nachbarschaft", "Alter"]),
    ("Seniorentreff Lindenhof", D(2023, 9, 1), ["Alter", "Nachbarschaft"]),
    ("Allgemeiner Sozialdienst Bezirk West", D(2024, 4, 1), ["Familie", "Kinder und Jugend"]),
    ("Gesundheitskiosk Weststadt", D(2024, 10, 1), ["Gesundheit", "Alter"]),
    ("Volkshochschule Außenstelle West", D(2025, 2, 3), ["Bildung", "Sprache"]),
]

GROUPS = [
    ("Elterncafé Mühlbach", D(2023, 10, 1), ["Familie", "Bildung"]),
    ("Nachbarschaftsgarten Ahornhof", D(2024, 4, 20), ["Wohnumfeld", "Nachbarschaft"]),
    ("Seniorenchor Lindenklang", D(2023, 9, 1), ["Alter", "Freizeit"]),
    ("Mieterbeirat Eintracht", D(2024, 1, 15), ["Wohnumfeld"]),
    ("Jugendbeirat Weststadt", D(2024, 9, 1), ["Kinder und Jugend", "Beteiligung"]),
    ("Repair-Café West", D(2024, 3, 9), ["Nachbarschaft", "Umwelt"]),
    ("Lauftreff Weststadt", D(2024, 5, 1), ["Gesundheit", "Freizeit"]),
    ("Frauenfrühstück International", D(2023, 11, 1), ["Sprache", "Familie"]),
    ("Hausaufgabenhilfe-Team", D(2024, 9, 1), ["Bildung", "Kinder und Jugend"]),
    ("Geschichtswerkstatt Weststadt", D(2025, 3, 1), ["Nachbarschaft"]),
]

# Persons: name, joined (None: recorded before 2023), interests; the last
# ones join during 2025, mostly through an encounter.
PERSONS = [
    ("Anna Becker", None, ["Nachbarschaft", "Beteiligung"]),       # Quartiersmanagerin
    ("Jonas Schäfer", None, ["Kinder und Jugend", "Freizeit"]),    # Jugendtreff
    ("Leonie Wagner", None, ["Bildung"]),                          # Grundschule
    ("Mehmet Arslan", None, ["Kinder und Jugend", "Freizeit"]),    # Trainer TuS
    ("Fatma Demir", None, ["Familie", "Sprache"]),
    ("Lukas Hoffmann", None, ["Wohnumfeld"]),
    ("Sophie Keller", None, ["Familie", "Bildung"]),
    ("Paul Neumann", None, ["Umwelt", "Nachbarschaft"]),
    ("Marie Schwarz", None, ["Bildung", "Familie"]),
    ("Elias Braun", None, ["Kinder und Jugend", "Beteiligung"]),
    ("Hannah Zimmermann", None, ["Gesundheit"]),
    ("Ben Krüger", None, ["Freizeit", "Gesundheit"]),
    ("Emily Hartmann", None, ["Kinder und Jugend", "Beteiligung"]),
    ("Noah Lange", None, ["Kinder und Jugend"]),
    ("Mia Schmitt", None, ["Familie"]),
    ("Finn Werner", None, ["Umwelt"]),
    ("Lea Krause", None, ["Bildung"]),
    ("Tim Meier", None, ["Wohnumfeld", "Nachbarschaft"]),
    ("Lena Lehmann", None, ["Gesundheit", "Alter"]),
    ("Felix Schulz", None, ["Freizeit"]),
    ("Clara Köhler", None, ["Familie", "Bildung"]),
    ("David Maier", None, ["Nachbarschaft"]),
    ("Johanna Fuchs", None, ["Alter", "Nachbarschaft"]),
    ("Niklas Weber", None, []),
    ("Sara Kaya", None, ["Sprache", "Familie"]),
    ("Yusuf Öztürk", None, ["Freizeit", "Kinder und Jugend"]),
    ("Karl-Heinz Brandt", None, ["Alter", "Nachbarschaft"]),
    ("Ursula Pohl", None, ["Alter"]),
    ("Helga Winkler", None, ["Alter", "Freizeit"]),
    ("Dieter Sommer", None, ["Umwelt", "Wohnumfeld"]),
    ("Monika Graf", None, ["Wohnumfeld"]),
    ("Rainer Busch", None, ["Nachbarschaft"]),
    ("Olga Petrenko", D(2025, 4, 10), ["Sprache", "Familie"]),
    ("Ahmad Haidari", D(2025, 6, 14), ["Kinder und Jugend", "Sprache"]),
    ("Greta Vogel", D(2025, 6, 14), ["Umwelt"]),
    ("Ilse Ludwig", D(2025, 9, 20), ["Nachbarschaft", "Alter"]),
]

# Persons who have not (yet) given their consent to be recorded.
WITHOUT_CONSENT = {"Niklas Weber", "Rainer Busch"}

# Groups: the group actor and its members (D Gruppe), start, meetings every n days.
GROUP_TIES = [
    ("Elterncafé Mühlbach", ["Familienzentrum Regenbogen", "Sophie Keller", "Marie Schwarz",
                            "Mia Schmitt", "Clara Köhler", "Fatma Demir"], D(2023, 10, 1), 14),
    ("Nachbarschaftsgarten Ahornhof", ["Paul Neumann", "Finn Werner", "Dieter Sommer",
                                      "Tim Meier", "Lukas Hoffmann"], D(2024, 4, 20), 21),
    ("Seniorenchor Lindenklang", ["Johanna Fuchs", "Karl-Heinz Brandt", "Ursula Pohl",
                                 "Helga Winkler", "Lena Lehmann"], D(2023, 9, 1), 7),
    ("Mieterbeirat Eintracht", ["Lukas Hoffmann", "Monika Graf", "Tim Meier", "Rainer Busch"],
     D(2024, 1, 15), 45),
    ("Jugendbeirat Weststadt", ["Elias Braun", "Emily Hartmann", "Noah Lange",
                               "Yusuf Öztürk"], D(2024, 9, 1), 28),
    ("Repair-Café West", ["Paul Neumann", "David Maier", "Dieter Sommer"], D(2024, 3, 9), 30),
    ("Lauftreff Weststadt", ["Ben Krüger", "Hannah Zimmermann", "Felix Schulz",
                            "Mehmet Arslan"], D(2024, 5, 1), 7),
    ("Frauenfrühstück International", ["Fatma Demir", "Sara Kaya", "Mia Schmitt"],
     D(2023, 11, 1), 30),
    ("Hausaufgabenhilfe-Team", ["Lea Krause", "Clara Köhler", "Leonie Wagner"],
     D(2024, 9, 1), 7),
    ("Geschichtswerkstatt Weststadt", ["Karl-Heinz Brandt", "Johanna Fuchs", "David Maier"],
     D(2025, 3, 1), 30),
]

# Cooperations: label, members, start, end, meetings every n days until
# `silent_from` (None: all year), topic, goal, checklist: "well", "half" or "open".
COOPERATIONS = [
    ("Ferienprogramm Weststadt", ["Jugendtreff Ahornweg", "TuS Weststadt 1911",
                                 "Stadtteilbibliothek West", "Quartiersbüro Weststadt"],
     D(2024, 11, 1), None, 21, None, "Kinder und Jugend",
     "Ferienangebote für alle Kinder der Weststadt", "well"),
    ("Lesepatenschaften", ["Grundschule am Mühlbach", "Stadtteilbibliothek West",
                           "Seniorentreff Lindenhof"],
     D(2024, 3, 1), None, 28, None, "Bildung", "Jedes Kind liest am Ende der 2. Klasse", "well"),
    ("Gesund älter werden", ["Gesundheitskiosk Weststadt", "Seniorentreff Lindenhof",
                             "Ev. Kirchengemeinde St. Lukas"],
     D(2025, 1, 20), None, 35, D(2025, 5, 15), "Gesundheit",
     "Bewegungsangebote für Ältere im Quartier", "half"),
    ("Hofgestaltung Ahornhof", ["Wohnungsgenossenschaft Eintracht eG",
                                "Nachbarschaftsgarten Ahornhof", "Mieterbeirat Eintracht",
                                "Quartiersbüro Weststadt"],
     D(2024, 6, 1), None, 30, None, "Wohnumfeld", "Ein Innenhof, den alle nutzen", "well"),
    ("Sprachcafé", ["Volkshochschule Außenstelle West", "Frauenfrühstück International",
                    "Familienzentrum Regenbogen"],
     D(2025, 3, 1), None, 14, None, "Sprache", "Deutsch im Alltag üben", "half"),
    ("Übergang Kita–Schule", ["Kita Sonnenblume", "Grundschule am Mühlbach",
                              "Familienzentrum Regenbogen",
                              "Allgemeiner Sozialdienst Bezirk West"],
     D(2024, 8, 1), None, 42, None, "Bildung", "Gute Starts in die Schule", "open"),
    ("Adventsmarkt Weststadt", ["Ev. Kirchengemeinde St. Lukas", "Quartiersbüro Weststadt",
                                "Repair-Café West", "Seniorentreff Lindenhof"],
     D(2024, 9, 15), D(2025, 1, 15), 14, None, "Nachbarschaft",
     "Ein Adventsmarkt von Nachbar*innen für Nachbar*innen", "well"),
    ("Skatepark-Beteiligung", ["Jugendbeirat Weststadt", "Jugendtreff Ahornweg",
                               "Gesamtschule Weststadt", "Quartiersbüro Weststadt"],
     D(2025, 9, 15), None, 14, None, "Beteiligung", "Jugendliche planen ihren Skatepark mit",
     "open"),
]
IMPOSED = {"Übergang Kita–Schule"}  # required by the funding programme

# Contacts (C Kontakt): pairs, start, contacts per year (0: silent).
CONTACTS = [
    ("Anna Becker", "Quartiersbüro Weststadt", D(2023, 3, 1), 12),
    ("Jonas Schäfer", "Jugendtreff Ahornweg", D(2023, 3, 1), 10),
    ("Leonie Wagner", "Grundschule am Mühlbach", D(2023, 5, 10), 6),
    ("Mehmet Arslan", "TuS Weststadt 1911", D(2024, 1, 15), 6),
    ("Quartiersbüro Weststadt", "Wohnungsgenossenschaft Eintracht eG", D(2023, 11, 15), 6),
    ("Quartiersbüro Weststadt", "Ev. Kirchengemeinde St. Lukas", D(2023, 9, 1), 3),
    ("Quartiersbüro Weststadt", "Allgemeiner Sozialdienst Bezirk West", D(2024, 4, 1), 4),
    ("Quartiersbüro Weststadt", "Gesundheitskiosk Weststadt", D(2024, 10, 1), 2),
    ("Familienzentrum Regenbogen", "Kita Sonnenblume", D(2023, 5, 10), 8),
    ("Jugendtreff Ahornweg", "Gesamtschule Weststadt", D(2024, 2, 1), 5),
    ("Seniorentreff Lindenhof", "Seniorenchor Lindenklang", D(2023, 9, 1), 4),
    ("Repair-Café West", "Stadtteilbibliothek West", D(2024, 3, 9), 2),
    ("Anna Becker", "Karl-Heinz Brandt", D(2024, 5, 1), 3),
    ("Anna Becker", "Sara Kaya", D(2024, 6, 1), 4),
    # Silent contacts: recorded, never activated (yet).
    ("Gesundheitskiosk Weststadt", "TuS Weststadt 1911", D(2025, 2, 1), 0),
    ("Volkshochschule Außenstelle West", "Gesamtschule Weststadt", D(2025, 2, 3), 0),
    ("Quartiersbüro Weststadt", "Geschichtswerkstatt Weststadt", D(2025, 3, 1), 0),
    ("Allgemeiner Sozialdienst Bezirk West", "Jugendtreff Ahornweg", D(2024, 4, 1), 0),
    ("Wohnungsgenossenschaft Eintracht eG", "Repair-Café West", D(2025, 5, 1), 0),
    ("Stadtteilbibliothek West", "Volkshochschule Außenstelle West", D(2025, 2, 3), 0),
]

# Encounters (A Begegnung): label, day, members.
ENCOUNTERS = [
    ("Neujahrsempfang", D(2025, 1, 17), ["Quartiersbüro Weststadt",
                                         "Ev. Kirchengemeinde St. Lukas",
                                         "Seniorentreff Lindenhof", "Johanna Fuchs"]),
    ("Infoabend Sprachcafé", D(2025, 4, 10), ["Volkshochschule Außenstelle West", "Olga Petrenko",
                                              "Sara Kaya"]),
    ("Stadtteilfest", D(2025, 6, 14), ["Quartiersbüro Weststadt", "Ahmad Haidari", "Greta Vogel",
                                       "Jugendtreff Ahornweg", "Paul Neumann", "Emily Hartmann"]),
    ("Stadtteilfest: Bühne", D(2025, 6, 14), ["TuS Weststadt 1911", "Seniorenchor Lindenklang",
                                              "Niklas Weber"]),
    ("Flohmarkt Ahornhof", D(2025, 8, 23), ["Greta Vogel", "Repair-Café West", "Finn Werner"]),
    ("Tag des offenen Denkmals", D(2025, 9, 20), ["Geschichtswerkstatt Weststadt", "Ilse Ludwig",
                                                  "Rainer Busch"]),
    ("Nachbarschaftsabend", D(2025, 11, 7), ["Ahmad Haidari", "Yusuf Öztürk",
                                             "Gesamtschule Weststadt", "Olga Petrenko"]),
]

# Newcomers who stay: a contact after their first encounter.
FOLLOW_UPS = [
    ("Olga Petrenko", "Frauenfrühstück International", D(2025, 5, 2), 6),
    ("Ahmad Haidari", "Jugendtreff Ahornweg", D(2025, 7, 1), 8),
    ("Greta Vogel", "Nachbarschaftsgarten Ahornhof", D(2025, 7, 5), 5),
]


def dates_every(rng, start, until, every):
    """Dates from start to until, about every `every` days (with some jitter)."""
    day = start + datetime.timedelta(days=rng.randrange(1, every + 1))
    while day <= until:
        yield day
        day += datetime.timedelta(days=max(1, every + rng.randrange(-every // 4, every // 4 + 1)))


def build():
    rng = random.Random(2025)
    net = nw.Network("Netzwerk Gutes Aufwachsen Weststadt",
                     topics=["Kinder und Jugend", "Bildung", "Familie", "Nachbarschaft",
                             "Wohnumfeld", "Gesundheit", "Alter", "Beteiligung", "Sprache",
                             "Freizeit"],
                     goals=["Alle Kinder der Weststadt finden ein Freizeitangebot",
                            "Nachbarschaftliche Hilfe über Generationen stärken",
                            "Bewohner*innen beteiligen sich an der Gestaltung des Quartiers"])

    def add(name, kind, joined, interests):
        actor = net.add_actor(name, kind, joined=joined, interests=interests)
        if kind is not nw.ActorKind.PERSON or name not in WITHOUT_CONSENT:
            actor.give_consent(joined or D(2023, 1, 15))
        return actor

    for name, joined, interests in ORGANISATIONS:
        add(name, nw.ActorKind.ORGANISATION, joined, interests)
    for name, joined, interests in GROUPS:
        add(name, nw.ActorKind.GROUP, joined, interests)
    for name, joined, interests in PERSONS:
        add(name, nw.ActorKind.PERSON, joined, interests)
    actor = net.actor

    def log(tie, start, until, every, kind):
        first = max(start, D(2024, 7, 1))  # recorded since the second half of 2024
        last = min(until, YEAR_END, tie.end or YEAR_END)
        for day in dates_every(rng, first, last, every):
            if day >= tie.start:
                tie.interactions.add(day, kind)

    for group, members, start, every in GROUP_TIES:
        tie = net.add_tie(nw.Form.GRUPPE, [actor(group)] + [actor(m) for m in members], start,
                          label=group, topics=actor(group).interests[:1],
                          goals=[f"{group}: regelmäßig zusammenkommen"])
        log(tie, start, YEAR_END, every, nw.InteractionKind.MEETING)
        cl = tie.checklist
        cl.find("group.relevance").state = nw.ItemState.DONE
        cl.find("group.relevance").due = D(2026, 3, 31)
        cl.find("group.continuity").state = nw.ItemState.AGREED
        if rng.random() < 0.6:
            cl.find("group.resources").state = nw.ItemState.DONE

    for (label, members, start, end, every, silent_from, topic, goal,
         agreed) in COOPERATIONS:
        tie = net.add_tie(nw.Form.KOOPERATION, [actor(m) for m in members], start, end=end,
                          label=label, topics=[topic], goals=[goal],
                          imposed=label in IMPOSED)
        log(tie, start, silent_from or YEAR_END, every, nw.InteractionKind.MEETING)
        cl = tie.checklist
        lead = actor(members[-1] if "Quartiersbüro" in members[-1] else members[0])
        for item in cl:
            if agreed == "well" or (agreed == "half" and rng.random() < 0.5):
                item.state = nw.ItemState.DONE
                item.responsible = lead
            elif agreed == "half":
                item.due = D(2025, 10, 31)
        if agreed != "open":
            cl.find("coop.controlling").due = D(2026, 2, 28)

    for a, b, start, per_year in CONTACTS + FOLLOW_UPS:
        tie = net.add_tie(nw.Form.KONTAKT, [actor(a), actor(b)], start)
        if per_year:
            log(tie, start, YEAR_END, 365 // per_year,
                rng.choice([nw.InteractionKind.CALL, nw.InteractionKind.MESSAGE]))
            tie.create_checklist()
            for item in tie.checklist:
                item.state = nw.ItemState.DONE

    for label, day, members in ENCOUNTERS:
        tie = net.add_tie(nw.Form.BEGEGNUNG, [actor(m) for m in members], day, end=day,
                          label=label)
        tie.interactions.add(day, nw.InteractionKind.EVENT, label)
    return net


def main(argv):
    path = argv[1] if len(argv) > 1 else "weststadt.json"
    with build() as net:
        net.save(path, no_sync=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
