"""`tipoff eval`: one set, and every set leave-one-set-out with the feedback simulation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cli.main import main
from core.ranking.scoring import Params

SETS = Path(__file__).parent / "datasets"
DEV_SET = SETS / "relevance-dev.json"
DEV_SET_2 = SETS / "relevance-dev2.json"
HELD_OUT = SETS / "heldout-medtech.json"
HELD_OUT_2 = SETS / "heldout-machinery.json"
# Written by helpers who saw no ranking code: payroll/HR software, commercial refrigeration,
# workforce management, UK facilities services, staffing, energy monitoring.
PAYROLL = SETS / "heldout-payroll.json"
COOLING = SETS / "heldout-cooling.json"
WORKFORCE = SETS / "heldout-workforce.json"
FACILITIES = SETS / "heldout-facilities.json"
STAFFING = SETS / "heldout-staffing.json"
ENERGY = SETS / "heldout-energy.json"
# Written the same way on 2026-12-01, later: transport software, enterprise data SaaS, lab
# instruments, equipment rental, managed IT services, packaging.
LATER = [
    SETS / f"heldout-{name}.json"
    for name in ("logistics", "saas", "labequip", "rental", "msp", "packaging")
]
# Written the same way on 2026-12-02: farm machinery (DE), a data platform (UK/IE) and a
# conference hotel group (AT, where lunches, weddings and Christmas parties are the product).
NEWEST = [SETS / f"heldout-{name}.json" for name in ("agri", "dataplatform", "venue")]
# Written the same way on 2026-12-02, later: an industrial insurance broker (DE), EV-charging
# infrastructure (UK + DE), a translation agency (CH, DE/EN), a dental supplier (AT/DE), a
# business-travel agency (UK/IE) and a robotics integrator (CH/DE).
LAST = [
    SETS / f"heldout-{name}.json"
    for name in ("insurance", "charging", "translation", "dental", "travel", "robotics")
]
# Written the same way at the end of 2026-12-02: a commercial kitchen dealer (DE/AT), a hygiene
# chemicals supplier (UK/IE) and a BIM software reseller (CH/DE).
FRESH = [SETS / f"heldout-{name}.json" for name in ("kitchen", "hygiene", "bim")]
# Written the same way on 2026-12-02, a session later: edtech for schools (UK/IE), lift and
# escalator service (DE/CH) and fleet telematics (AT/DE).
NEXT = [SETS / f"heldout-{name}.json" for name in ("edtech", "lifts", "telematics")]
# And later that session: additive manufacturing (DE/CH), workplace catering (UK/IE) and
# print and signage for retail (DE/AT).
LATEST = [SETS / f"heldout-{name}.json" for name in ("additive", "catering", "signage")]
# And last: industrial pumps and valves (DE/NL), office furniture and workplace design (CH/DE)
# and contract-management SaaS for lawyers (UK/DE).
FINAL = [SETS / f"heldout-{name}.json" for name in ("pumps", "furniture", "legaltech")]
# And a fourth round: security services (AT/DE), workwear rental and laundry (DE/CH) and
# market research (UK/DE).
FOURTH = [SETS / f"heldout-{name}.json" for name in ("security", "workwear", "research")]
# Written the same way a session later (2026-12-02 afternoon): building automation and HVAC
# controls (DK/DE), cloud contact-centre software (NL/DE), a clinical research organisation
# (CH/UK) and property management software for housing companies (DE/AT).
FIFTH = [
    SETS / f"heldout-{name}.json" for name in ("automation", "contactcentre", "cro", "proptech")
]
# And a sixth round, the same afternoon: water treatment (DE/NL), expense-management SaaS
# (UK/DE), office coffee and vending (CH/DE) and industrial gases (AT/DE).
SIXTH = [SETS / f"heldout-{name}.json" for name in ("water", "expenses", "coffee", "gases")]
# A seventh round (2026-12-02 evening): rooftop solar and storage (DE/AT), a food-safety
# testing laboratory (DE/CH), company-car and van fleet leasing (UK/DE) and an ERP
# implementation partner for the Mittelstand (DE/CH).
SEVENTH = [SETS / f"heldout-{name}.json" for name in ("solar", "foodlab", "fleet", "erp")]
# An eighth round (2026-12-02 night): industrial waste management and recycling (DE/AT),
# occupational health and safety services (DE/CH), a commercial bank's relationship manager
# for Mittelstand lending (DE) and wind-turbine service and spare parts (DE/DK/UK).
EIGHTH = [SETS / f"heldout-{name}.json" for name in ("waste", "ohs", "banking", "wind")]
# A ninth round (2026-12-03): rail signalling and track components (DE/CH/AT), practice and
# tax-filing software for tax advisers (DE), point of sale and payments for restaurants,
# hotels and bakeries (AT/DE/UK) and technical textiles for automotive, medical and
# filtration customers (DE/IT).
NINTH = [SETS / f"heldout-{name}.json" for name in ("rail", "tax", "pos", "textiles")]
# A tenth round (2026-12-03): construction chemicals and building materials (DE/AT),
# veterinary supplies and practice software (DE/AT/CH), data-centre colocation (DE/NL/UK) and
# architectural lighting (DE/CH/IT).
TENTH = [SETS / f"heldout-{name}.json" for name in ("building", "vet", "colo", "lighting")]
# An eleventh round, the same session: pharmacy software and wholesale services (DE/AT), a
# manufacturing execution system vendor (DE/AT/CH), business telecoms (UK/IE) and a metal
# service centre (DE/PL/CZ).
ELEVENTH = [SETS / f"heldout-{name}.json" for name in ("pharmacy", "mes", "telecom", "steel")]
# A twelfth round (2026-12-03): forklifts and warehouse trucks (DE/AT), managed print and
# document services (DE/CH), office and logistics leasing brokerage (DE) and a market
# research agency (UK/DE).
TWELFTH = [SETS / f"heldout-{name}.json" for name in ("forklift", "print", "leasing", "panel")]
# A thirteenth round, the same day: industrial coatings (DE/PL), factoring and invoice finance
# for SMEs (DE/AT), stadium ticketing and access control (UK/DE) and hotel revenue management
# software (AT/CH/South Tyrol).
THIRTEENTH = [
    SETS / f"heldout-{name}.json" for name in ("coatings", "factoring", "ticketing", "hotelrm")
]
# A fourteenth round, the same day: industrial metrology (DE/IT), wine and spirits distribution
# to restaurants and hotels (AT/DE), ship connectivity and fleet performance software
# (Hamburg/Oslo/Limassol) and a PLM/CAD reseller to machine builders (DE/CH).
FOURTEENTH = [SETS / f"heldout-{name}.json" for name in ("metrology", "wine", "maritime", "plm")]
# A fifteenth round, 2026-12-03: bakery ingredients to craft bakeries (DE/AT), a meeting-room
# AV integrator (UK/IE), an academic publisher selling to libraries (UK/NL/DE) and aluminium
# facade systems to contractors and facade builders (DE/CH).
FIFTEENTH = [SETS / f"heldout-{name}.json" for name in ("bakery", "av", "publishing", "facade")]
# A sixteenth round, the same day: aircraft spare parts and MRO services (UK/IE/NL), timber and
# CLT panels to merchants and carpenters (AT/DE), pet food to pet shops and vets (DE/AT/NL) and
# heat pumps through installers and wholesalers (DE/NL).
SIXTEENTH = [
    SETS / f"heldout-{name}.json" for name in ("aviation", "timber", "petfood", "heatpumps")
]
# A seventeenth round, 2026-12-04: electronic components distribution with design-in support
# (DE/NL/UK), fire protection installation and maintenance (AT/DE), a B2B marketing agency
# (CH/DE) and pest control for food plants, hotels and warehouses (DE/AT/NL).
SEVENTEENTH = [
    SETS / f"heldout-{name}.json" for name in ("components", "fire", "agency", "pestcontrol")
]
# An eighteenth round, the same day: scaffolding rental and erection for sites and plant
# turnarounds (DE/AT), truck bodies and trailers built to order (DE/PL/NL), in-vitro
# diagnostics on reagent-rental contracts (DE/CH) and e-procurement SaaS (UK/DE/NL).
EIGHTEENTH = [
    SETS / f"heldout-{name}.json"
    for name in ("scaffolding", "trailers", "diagnostics", "procurement")
]
# A nineteenth round, the same day: compressed-air systems and service contracts for factories
# (DE/AT), cold-chain temperature monitoring for pharma and food logistics (UK/NL/DE), flat-roof
# and waterproofing contracting (DE/CH) and seeds and crop protection through co-ops (DE/PL).
NINETEENTH = [
    SETS / f"heldout-{name}.json" for name in ("compressedair", "coldchain", "roofing", "seeds")
]
# A twentieth round, the same day: truck and bus tyres with fleet service (DE/NL), corporate
# relocation and global mobility sold to HR (UK/DE), document shredding and records storage
# (UK/IE/DE) and dealer management software for car and truck dealers (DE/AT/CH).
TWENTIETH = [SETS / f"heldout-{name}.json" for name in ("tyres", "relocation", "records", "dms")]
# A twenty-first round, the same day: trade-fair stand construction (DE/NL), applicant
# tracking software sold to HR (UK/DE), pallet and transport-packaging pooling (DE/PL/NL)
# and access control and video systems installed and maintained (DE/CH).
TWENTY_FIRST = [SETS / f"heldout-{name}.json" for name in ("standbau", "ats", "pallets", "access")]
# A twenty-second round, the same day: greenhouse climate systems (NL/DE), treasury software
# (UK/CH/DE), playgrounds and sports floors (DE/AT) and drone surveying (DE/NO/SE).
TWENTY_SECOND = [
    SETS / f"heldout-{name}.json" for name in ("greenhouse", "treasury", "playground", "drones")
]
# Two sellers to Norway, Sweden and Denmark, written to test the Nordic cues once they existed.
TWENTY_THIRD = [SETS / f"heldout-{name}.json" for name in ("aquaculture", "districtheat")]
# A twenty-fourth round: industrial doors and loading docks (DE/AT/CH), cash logistics
# (DE/AT), nursing-care beds (DE/CH) and uninterruptible power supplies (UK/IE/DE).
TWENTY_FOURTH = [
    SETS / f"heldout-{name}.json" for name in ("doors", "cashlogistics", "carebeds", "ups")
]
# A twenty-fifth round: sterilisation and infection control for hospitals (CH/FR/BE, in
# French, German and English), vehicle wash systems (DE/AT), hearing aids sold to audiologists
# (NL/DE/BE, in Dutch, German and English) and leadership and sales training (DE/AT/CH).
TWENTY_FIFTH = [
    SETS / f"heldout-{name}.json" for name in ("sterile", "carwash", "hearing", "leadership")
]
# A twenty-sixth round: customs brokerage (DE/CH), commercial laundry machines (AT and South
# Tyrol, in German, Italian and English), an electrical wholesaler (DE) and industrial
# weighing and inspection for food and pharma plants (DE/NL/UK).
TWENTY_SIXTH = [
    SETS / f"heldout-{name}.json" for name in ("customs", "laundry", "electro", "weighing")
]
# A twenty-seventh round: ceramic tiles and sanitaryware (IT/CH/DE, in Italian, English and
# German), parking management systems (DE/AT), gym equipment and fit-outs (SE/NO/DK, in
# Swedish, Norwegian and English) and dairy processing equipment (NL/BE/DE, in Dutch, German
# and English).
TWENTY_SEVENTH = [
    SETS / f"heldout-{name}.json" for name in ("tiles", "parking", "fitness", "dairy")
]
# A twenty-eighth round: electronic hotel locks and access control (ES/PT, in Spanish and
# English), olive-oil mill machinery (ES/PT/IT, in Spanish, Portuguese, Italian and English),
# digital dictation and speech recognition for law firms and hospitals (DE/AT/CH) and
# modular classrooms and site cabins (UK/IE).
TWENTY_EIGHTH = [
    SETS / f"heldout-{name}.json" for name in ("hotellocks", "olive", "dictation", "modular")
]
# A twenty-ninth round, written while the lexicon learned Portuguese: cork stoppers and cork
# boards (PT/ES/FR/UK, in Portuguese, English and Spanish), office coffee and vending (UK/IE),
# acoustic panels and room acoustics (DE/CH) and dealer management software for car and
# truck dealers (PL/CZ/DE, in Polish, English and German).
TWENTY_NINTH = [
    SETS / f"heldout-{name}.json" for name in ("cork", "vending", "acoustics", "dealer")
]
# A thirtieth round, written while the lexicon learned Polish: industrial epoxy and
# polyurethane floors (PL, in Polish, English and German), drip and pivot irrigation (BR/PT,
# in Portuguese), commercial carpet tiles (UK/NL, in English and Dutch) and pre-employment
# background screening (UK/IE).
THIRTIETH = [
    SETS / f"heldout-{name}.json" for name in ("epoxy", "irrigation", "carpet", "screening")
]
# A thirty-first round: warehouse racking and rack inspections (UK/IE), industrial steam
# boilers and their service (IT/CH, in Italian, English and German), glass bottles and jars
# (FR/BE/NL, in French, English and Dutch) and employee bicycle leasing sold to HR (DE/AT).
THIRTY_FIRST = [
    SETS / f"heldout-{name}.json" for name in ("racking", "boilers", "glass", "bikeleasing")
]
# A thirty-second round: electronic shelf labels for supermarket chains (ES/PT, in Spanish,
# Portuguese and English), artificial-turf pitches and running tracks for towns and clubs
# (CZ/SK/AT, in Czech, Slovak, German and English), museum audio guides (IT/AT/CH, in
# Italian, German and English) and fundraising software for charities (UK/NL).
THIRTY_SECOND = [
    SETS / f"heldout-{name}.json"
    for name in ("shelflabels", "pitches", "audioguides", "fundraising")
]
# A thirty-third round, in languages the lexicon had not read before it: commercial saunas
# for hotels, spas and swimming halls (FI/SE/EE, in Finnish, Swedish, Estonian and English),
# mobile and tower crane rental (PL/DE), spectacle lenses for opticians (FR/BE/NL, in French,
# Dutch and English) and hydraulic hose service (HU/RO/AT, in Hungarian, Romanian, German and
# English).
THIRTY_THIRD = [SETS / f"heldout-{name}.json" for name in ("sauna", "cranes", "lenses", "hoses")]
THIRTY_FOURTH = [
    SETS / f"heldout-{name}.json" for name in ("silos", "scanning", "ebuses", "brewery")
]
# A thirty-fifth round: snowmaking and ski-lift service for ski resorts (AT/IT/CH, in German,
# Italian, French and English), floor-cleaning machines and robots (NO/SE/DK, in Norwegian,
# Swedish, Danish and English), welding equipment and robots (PL/CZ) and museum display
# cases (FR/ES/IT, in French, Spanish, Italian and English).
THIRTY_FIFTH = [
    SETS / f"heldout-{name}.json" for name in ("snowmaking", "scrubbers", "welding", "showcases")
]
# A thirty-sixth round: stage machinery and rigging for theatres (ES/PT, in Spanish,
# Portuguese and English), ice-rink refrigeration and resurfacers (FI/SE, in Finnish, Swedish
# and English), street furniture and bus shelters (HU/RO/SK, in Hungarian, Romanian, Slovak
# and English) and a piano dealer's rental and tuning service (AT/DE/IT, in German, English
# and Italian).
THIRTY_SIXTH = [
    SETS / f"heldout-{name}.json" for name in ("stagerig", "icerinks", "streetfurn", "pianos")
]
# A thirty-seventh round: oak barrels from a cooperage (FR/ES/PT, in French, Spanish,
# Portuguese and English), trenchless sewer rehabilitation (NL/BE/DE, in Dutch, German, French
# and English), heavy conveyor belts for mines and ports (SE/PL/CL, in Swedish, Polish,
# Spanish and English) and airport ground support equipment (GR/TR/IT, in Greek, Turkish,
# Italian and English).
THIRTY_SEVENTH = [
    SETS / f"heldout-{name}.json" for name in ("cooperage", "trenchless", "conveyors", "gse")
]
# A thirty-eighth round: cable cars and chairlifts (AT/IT/CH, in German, Italian, French and
# English), nearshore software teams from Romania (DE/AT/NL, in English, German, Dutch and
# Romanian), injection moulds from Portugal (DE/ES/FR, in Portuguese, Spanish, German, English
# and French) and femtosecond lasers from Lithuania (DACH/Nordics, in English, German,
# Lithuanian, Swedish and Finnish).
THIRTY_EIGHTH = [
    SETS / f"heldout-{name}.json" for name in ("ropeways", "nearshore", "moulds", "lasers")
]
# A thirty-ninth round: nurse-call systems for hospitals and care homes (DE/AT, in German and
# English), beverage filling lines from Bavaria (DACH, Eastern Europe and Africa, in English and
# German), timing and results systems for races and stadiums (CH, in German, French and
# English) and school timetabling software (AT/DE/South Tyrol, in German, Italian and English).
THIRTY_NINTH = [
    SETS / f"heldout-{name}.json"
    for name in ("nursecall", "bottling", "sportstiming", "timetabling")
]
FORTIETH = [
    SETS / f"heldout-{name}.json" for name in ("libraries", "orthotics", "cinemas", "electrolysers")
]
# A forty-first round: ambulance conversions (PL/CZ/DE, in Polish, Czech, German and
# English), waterjets and bridge saws for stone fabricators (IT/AT/CH, in Italian, German and
# English), school-canteen ordering and payment (FR/BE/CH, in French and English) and
# funeral-home software and cremator maintenance (ES/PT, in Spanish, Portuguese and English).
FORTY_FIRST = [
    SETS / f"heldout-{name}.json" for name in ("ambulances", "stonesaws", "canteens", "funeral")
]
FORTY_SECOND = [
    SETS / f"heldout-{name}.json" for name in ("bells", "marinas", "proctoring", "spas")
]
# A forty-third round: cemetery software and grounds maintenance for parishes (FI/SE/EE, in
# Finnish, Swedish, Estonian and English), boiler and cooling-tower water treatment (PT/ES/BR,
# in Portuguese, Spanish and English), beehive rental for pollination with hive sensors
# (RO/BG/HU, in Romanian, Bulgarian, Hungarian and English) and halal certification audits
# (TR/DE/NL, in Turkish, German, Dutch and English).
FORTY_THIRD = [
    SETS / f"heldout-{name}.json" for name in ("cemeteries", "watertreat", "pollination", "halal")
]
FORTY_FOURTH = [
    SETS / f"heldout-{name}.json" for name in ("organs", "seaweed", "feedadditives", "tubes")
]
FORTY_FIFTH = [
    SETS / f"heldout-{name}.json"
    for name in ("chimneys", "dialysis", "fishvaccines", "schoolmeals")
]
FORTY_SIXTH = [
    SETS / f"heldout-{name}.json" for name in ("pools", "mushrooms", "billboards", "amenities")
]
FORTY_SEVENTH = [
    SETS / f"heldout-{name}.json" for name in ("recyclate", "graindryers", "lockers", "dyes")
]
FORTY_EIGHTH = [
    SETS / f"heldout-{name}.json"
    for name in ("harvesters", "dishwashers", "baggage", "hydrography")
]
FORTY_NINTH = [
    SETS / f"heldout-{name}.json" for name in ("desalination", "dispatch", "gelato", "bridges")
]
ALL_SETS = [
    *(DEV_SET, DEV_SET_2, HELD_OUT, HELD_OUT_2),
    *(PAYROLL, COOLING, WORKFORCE, FACILITIES, STAFFING, ENERGY),
    *LATER,
    *NEWEST,
    *LAST,
    *FRESH,
    *NEXT,
    *LATEST,
    *FINAL,
    *FOURTH,
    *FIFTH,
    *SIXTH,
    *SEVENTH,
    *EIGHTH,
    *NINTH,
    *TENTH,
    *ELEVENTH,
    *TWELFTH,
    *THIRTEENTH,
    *FOURTEENTH,
    *FIFTEENTH,
    *SIXTEENTH,
    *SEVENTEENTH,
    *EIGHTEENTH,
    *NINETEENTH,
    *TWENTIETH,
    *TWENTY_FIRST,
    *TWENTY_SECOND,
    *TWENTY_THIRD,
    *TWENTY_FOURTH,
    *TWENTY_FIFTH,
    *TWENTY_SIXTH,
    *TWENTY_SEVENTH,
    *TWENTY_EIGHTH,
    *TWENTY_NINTH,
    *THIRTIETH,
    *THIRTY_FIRST,
    *THIRTY_SECOND,
    *THIRTY_THIRD,
    *THIRTY_FOURTH,
    *THIRTY_FIFTH,
    *THIRTY_SIXTH,
    *THIRTY_SEVENTH,
    *THIRTY_EIGHTH,
    *THIRTY_NINTH,
    *FORTIETH,
    *FORTY_FIRST,
    *FORTY_SECOND,
    *FORTY_THIRD,
    *FORTY_FOURTH,
    *FORTY_FIFTH,
    *FORTY_SIXTH,
    *FORTY_SEVENTH,
    *FORTY_EIGHTH,
    *FORTY_NINTH,
]


def run_eval(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert main(["eval", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "path", [DEV_SET, HELD_OUT, HELD_OUT_2], ids=["dev", "held-out-medtech", "held-out-machinery"]
)
def test_eval_meets_the_goals(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_eval(path, capsys)
    assert report["ndcg"] >= 0.85, report["ndcg"]
    assert report["ratio"] >= 1.25, (report["ndcg"], report["bm25_ndcg"])
    assert report["quiet_rate"] >= 0.95, report["quiet_rate"]
    assert report["bm25_quiet_rate"] == 0.0  # the baseline always answers
    assert report["goals_met"] is True
    every = {row["key"] for row in report["per_meeting"]}
    assert len(every) == report["meetings"]  # every meeting survived the ICS sync


def test_eval_table_and_check_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(HELD_OUT), "--check"]) == 0
    out = capsys.readouterr().out
    assert "tipoff  nDCG@3" in out and "BM25    nDCG@3" in out and "x BM25" in out


def test_eval_refuses_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"tips": []}')
    assert main(["eval", str(broken)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "user" in err[0]
    assert main(["eval", str(tmp_path / "missing.json")]) != 0


@pytest.mark.skipif(
    os.environ.get("TIPOFF_TEST_DB") == "postgres",
    reason="tipoff eval loads every set into throwaway SQLite databases of its own: "
    "the SQLite pass runs it, a second pass would measure the same thing",
)
# Two hundred and eighteen sets loaded through the production paths, a 243-point grid and the
# feedback simulation: 125-610 s on the development VMs (they differ), and CI machines can be
# 2-3x slower.
@pytest.mark.timeout(3600)
def test_all_sets_leave_one_set_out_with_feedback() -> None:
    from cli.eval import _multi_table
    from core.evaluation.sets import evaluate_sets

    report = evaluate_sets(ALL_SETS, feedback=True, jobs=2)
    gains: list[float] = []
    assert len(report.sets) == len(ALL_SETS) and report.grid_size == 243
    # What production runs is what the grid fits on every set at hand: when a new set
    # moves the fit, the defaults in core/ranking/scoring.py must follow.
    assert report.shipped == Params(), report.shipped
    for item in report.sets:
        held_out = item.report
        assert held_out.dataset not in item.fitted_on
        assert len(item.fitted_on) == len(ALL_SETS) - 1
        # The floors today (the goals are 0.85, 1.25x and 0.95; docs/ranking.md says where
        # they are missed): BM25 is strong on sets whose titles use the tips' own words, the
        # packaging set has a kitchen quote with the kitchen shop invited, and the sets of
        # 2026-12-02 (a dental supplier, farm machinery, a conference hotel) are at 0.76-0.79
        # held out, a forklift dealer's of 2026-12-03 at 0.80, a hotel software seller's
        # at 0.79, a heat-pump maker's at 0.77 and, of 2026-12-04, a pest-control firm's
        # at 0.79, a drone-survey firm's at 0.73 and an aquaculture supplier's at 0.71 (both
        # partly Norwegian and Swedish, which the embedding does not read), and of
        # 2026-12-05 a French glassworks' at 0.73. The hose-service set of the thirty-third
        # round was quiet at 0.82 on its first run: two internal meetings at the "Győr iroda"
        # (the seller's Győr office) got the tips of Győr's city services, `gyor-varosuzem.hu`
        # (an office's town is no customer since the thirty-fourth round; ranking-rounds.md).
        # The museum-showcase set of the thirty-fifth round is quiet at 0.91 (a trade-fair
        # stand build-up gets a tip) and at 0.748 held out; of the thirty-sixth round, the
        # street-furniture set is at 0.765; of the thirty-seventh, the cooperage's at 0.787
        # and 1.04x BM25 (0.745 and 0.99x on its first run). Of the forty-sixth, the
        # mushroom-compost supplier's (Polish, Dutch, English) is the weakest at 0.687: its
        # fold, alone of 214, fits meaning 1.5 (0.709 at the shipped parameters), and a
        # customer's tips fill its complaint visit and its weekly planning, where its judges
        # want the generic complaint and delivery-planning tips; the school-meals caterer's
        # of the forty-fifth is at 0.718, and the forty-seventh round's grain-dryer maker
        # (Romanian, Bulgarian) ties BM25 at 1.01x (docs/ranking-rounds.md).
        assert held_out.quiet_rate >= 0.8, (held_out.dataset, held_out.quiet_rate)
        assert held_out.ndcg >= 0.68, (held_out.dataset, held_out.ndcg)
        assert held_out.ratio >= 0.9, (held_out.dataset, held_out.ratio)
        feedback = item.feedback or {}
        assert feedback["marks"] > 0
        assert feedback["earlier"] + feedback["later"] == held_out.meetings
        assert feedback["after"]["quiet_rate"] >= feedback["before"]["quiet_rate"]
        # Marks from the earlier half still cost the data-platform set 0.011 (a customer's
        # tip marked helpful in one of its meetings displaces another in a "Quick chat");
        # payroll and telematics lose 0.012 each, pos 0.017 and gases 0.023 (a customer's
        # tips marked helpful in its earlier meetings move above the one judged first), and
        # banking lost 0.032 at named 0.4: its judgments mark the same customer's tips
        # helpful at a coffee and not at the annual review, and the other way round
        # (docs/ranking.md, "Do the judgments carry"). The applicant-tracking set of the
        # twenty-first round lost 0.032 at meaning 2.0 and named 0.2, and 0.015 at 1.5 and 0.4;
        # at the 1.5 and 0.2 shipped since the twenty-fourth round gases loses 0.026 and the
        # care-bed maker's set of that round 0.025. With named back at 0.4 in the thirty-sixth
        # round (the fit over a hundred and sixty-six sets), the street-furniture set of that
        # round loses 0.037 (a weekly call's new agenda, an outage call) and banking 0.032
        # (ranking-rounds.md).
        assert feedback["gain"] >= -0.04, (held_out.dataset, feedback["gain"])
        gains.append(feedback["gain"])
        headroom = 1 - feedback["before"]["ndcg"]
        assert 0 <= feedback["reachable"] <= headroom + 1e-9
    assert sum(gains) / len(gains) >= 0
    # The goal is 0.85 on the worst set; the mean over the sets is 0.864 today.
    assert report.mean["ndcg"] >= 0.855 and report.mean["quiet_rate"] >= 0.95
    out = _multi_table(report, verbose=False)
    assert "held-out figures" in out and "worst set" in out and "mean gain" in out


@pytest.mark.skipif(
    os.environ.get("TIPOFF_TEST_DB") == "postgres",
    reason="the evaluation loads sets into throwaway SQLite databases of its own",
)
def test_worker_processes_change_no_figure() -> None:
    """Sets shared among worker processes are scored exactly as in one process."""
    from core.evaluation.sets import MultiReport, evaluate_sets

    def figures(report: MultiReport) -> list[object]:
        out: list[object] = [report.mean, report.worst, report.shipped]
        for item in report.sets:
            timeless = {k: v for k, v in item.report.as_dict().items() if k != "seconds"}
            out.append((timeless, item.params, item.fitted_on, item.feedback))
        return out

    alone = evaluate_sets([DEV_SET, HELD_OUT_2], feedback=True, jobs=1)
    shared = evaluate_sets([DEV_SET, HELD_OUT_2], feedback=True, jobs=2)
    assert figures(alone) == figures(shared)


def test_a_set_can_mark_entries_private_or_free() -> None:
    from datetime import date

    from icalendar import Calendar

    from core.evaluation import dataset_ics

    data = {
        "user": {"email": "me@seller.example", "timezone": "Europe/Vienna"},
        "meetings": [
            {"key": "a", "title": "Viewing", "class": "private"},
            {"key": "b", "title": "Maintenance (FYI)", "transp": "TRANSPARENT"},
            {"key": "c", "title": "Demo"},
        ],
    }
    events = Calendar.from_ical(dataset_ics(data, date(2026, 12, 1))).walk("VEVENT")
    marks = [(str(e.get("CLASS", "")), str(e.get("TRANSP", ""))) for e in events]
    assert marks == [("PRIVATE", ""), ("", "TRANSPARENT"), ("", "")]


@pytest.mark.skipif(
    os.environ.get("TIPOFF_TEST_DB") == "postgres",
    reason="the evaluation loads sets into throwaway SQLite databases of its own",
)
def test_marks_hold_inside_a_series_the_carry_table() -> None:
    """The table docs/ranking.md quotes: counted from real briefs, and a series' marks hold."""
    from collections import defaultdict

    from core.evaluation.carry import RELATIONS, Counts, count_pairs, table
    from core.evaluation.sets import loaded

    counts: Counts = defaultdict(lambda: [0, 0])
    with loaded([SETS / "heldout-lifts.json"]) as sets:
        count_pairs(sets[0], Params(), counts)
    series_helped = counts[(RELATIONS[0], True)]
    assert series_helped[0] >= 1 and series_helped[1] == series_helped[0]
    assert counts[(RELATIONS[0], False)][1] == 0  # "not for this meeting" holds there too
    elsewhere = counts[(RELATIONS[3], True)]
    assert elsewhere[0] > 10 and elsewhere[1] / elsewhere[0] < 0.2
    lines = table([DEV_SET]).splitlines()
    assert len(lines) == 2 + len(RELATIONS) and lines[2].startswith("| the series |")


def test_auc_counts_ties_half_and_needs_both_sides() -> None:
    from core.evaluation.likeness import auc

    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.1], [0.9]) == 0.0
    assert auc([0.5], [0.5]) == 0.5
    assert auc([], [0.3]) is None and auc([0.3], []) is None


@pytest.mark.skipif(
    os.environ.get("TIPOFF_TEST_DB") == "postgres",
    reason="the evaluation loads sets into throwaway SQLite databases of its own",
)
def test_within_english_the_likeness_tells_relevant_tips_apart() -> None:
    """The table that decides which languages' likeness counts (core/evaluation/likeness.py)."""
    from collections import defaultdict

    from core.evaluation.likeness import Cosines, add_pairs, auc, table
    from core.evaluation.sets import loaded

    cosines: Cosines = defaultdict(lambda: ([], []))
    with loaded([DEV_SET]) as sets:
        add_pairs(sets[0], cosines)
    relevant, other = cosines["en"]
    assert len(relevant) > 10 and len(other) > 10
    found = auc(relevant, other)
    assert found is not None and found > 0.6
    lines = table([DEV_SET]).splitlines()
    assert lines[0].startswith("| language |") and any(x.startswith("| en | yes |") for x in lines)
