"""The corpus of real notices of other governments (tests/fixtures/notices/real): well formed, as
varied as issue 13 asks, and read by the parser no worse than when it was last measured.

Only the development three quarters are held to a floor here; the held-out quarter is scored by
``python -m gongkai.bench planparse`` and never tuned on.
"""

from __future__ import annotations

import json

import pytest

from gongkai.bench import planscore

DOCUMENTS = planscore.documents()
LEVELS = {"省", "市", "县", "乡镇", "部门"}
RECURRENCES = {None, "ongoing", "monthly", "quarterly", "semiannual", "yearly", "event"}


def test_the_corpus_is_as_varied_as_the_issue_asks():
    golds = [planscore.load(path)[1] for path in DOCUMENTS]
    assert len(DOCUMENTS) >= 40
    assert len({gold["province"] for gold in golds}) >= 10
    assert len({gold["level"] for gold in golds}) >= 4
    # The first held-out set was a quarter of the corpus; each later one, gathered after the one
    # before was studied, is a fresh batch of at least the issue's quarter of its 40 documents, 10
    # (HELDOUT keeps the history; most rounds held 20 to 33). Between two rounds (the last one
    # studied, the next not yet added) the list is empty.
    held_out = [path for path in DOCUMENTS if planscore.held_out(path)]
    assert not held_out or len(held_out) >= 10


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_each_document_keeps_its_source_and_a_well_formed_gold(path):
    first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert first_line.startswith(("http://", "https://")) and gold["source"] == first_line
    assert gold["level"] in LEVELS and gold["province"]
    for item in gold["items"]:
        assert item["text"] and isinstance(item["section"], list)
        assert set(item["lead_units"]) <= set(item["units"]), item["text"][:20]
        deadline = item["deadline"]
        assert deadline["recurrence"] in RECURRENCES
        assert deadline["date"] is None or len(deadline["date"]) == 10


def test_the_development_set_reads_no_worse_than_last_measured():
    development = planscore.Tally()
    for path in DOCUMENTS:
        if not planscore.held_out(path):
            development.add(planscore.score_path(path))
    figures = development.figures()
    # measured with rounds 9 to 11 (282-335) studied: F1 0.994, units 0.988, deadlines 0.995;
    # with round 13 (371-400) studied too (session 11): F1 0.990, units 0.986, deadlines 0.994;
    # with rounds 14 and 15 (401-459) too, round 15 studied in part: F1 0.982, units 0.973,
    # deadlines 0.993; with rounds 16 to 19 (461-604, blind F1 0.645, 0.819, 0.764 and 0.776) too,
    # studied in part (session 12): F1 0.940, units 0.933, deadlines 0.980; with rounds 20 to 22
    # (611-716, blind F1 0.741, 0.751 and 0.830) too, studied in part (session 13): F1 0.931,
    # units 0.931, deadlines 0.973; with round 23 (721-757, blind F1 0.618) too: F1 0.925,
    # units 0.925, deadlines 0.973; with round 24 (761-792, blind F1 0.813) too, studied (session
    # 14): F1 0.925, units 0.936, deadlines 0.971; with round 25 (801-836, blind F1 0.830, deadlines
    # 0.925) too, studied in part: F1 0.923, units 0.927, deadlines 0.970 (its dates in merged cells
    # and milestone columns are not read yet, so the floor for deadlines moved to 0.965); with round
    # 26 (841-875, blind F1 0.760) too, studied in part: F1 0.916, units 0.926, deadlines 0.965
    # (its tables glued into one line and its unit-less reports are not read yet: floors 0.915 and
    # 0.96); with round 27 (881-918, blind F1 0.702) too, studied in part: F1 0.910, units 0.922,
    # deadlines 0.963 (F1 floor 0.905); with round 28 (921-959, blind F1 0.806, units 0.653) too,
    # studied (session 15): F1 0.910, units 0.920, deadlines 0.963 (units floor 0.915); with round 29
    # (961-999, blind F1 0.805) too, studied: F1 0.907, units 0.916, deadlines 0.961; with round 30
    # (1001-1036, blind F1 0.749, units 0.754: middle pages of plans whose title and headings are on
    # other pages) too, studied in part: F1 0.911, units 0.907, deadlines 0.963 (units floor 0.90);
    # with round 31 (1041-1074, blind F1 0.676: emergency plans and relief rules) too, studied in
    # part (session 16): F1 0.908, units 0.905, deadlines 0.964; with round 32 (1081-1119, blind
    # F1 0.846, deadlines 0.774: a school's calendar) too, studied: F1 0.907, units 0.907, deadlines
    # 0.965; with round 33 (1121-1163, blind F1 0.740: news of meetings, and event plans whose gold
    # takes each event's name as the task where round 26's 815 takes its 活动内容) too, studied in
    # part: F1 0.903, units 0.904, deadlines 0.965 (F1 floor 0.90); with round 34 (1171-1212, blind
    # F1 0.820, units 0.680: offices as the subject of other verbs than 负责) too, studied (session
    # 17): F1 0.906, units 0.903, deadlines 0.966; with round 35 (1221-1267, blind F1 0.760, units
    # 0.743) too, studied (session 17): F1 0.906, units 0.902, deadlines 0.965; with round 36
    # (1271-1315, blind F1 0.728, units 0.684: offices as the subject of 要 and of plain verbs, which
    # the README does not count) too, studied in part: F1 0.903, units 0.898, deadlines 0.964 (units
    # floor 0.89); with round 37 (1321-1342, blind F1 0.850) too, studied in part (session 18):
    # F1 0.902, units 0.899, deadlines 0.964; with round 38 (1351-1394, blind F1 0.740, units 0.610:
    # rules and 三定 lists that give offices their duties by article) too, studied in part (session
    # 19): F1 0.899, units 0.892, deadlines 0.965 (F1 floor 0.895); with round 39 (1401-1449, blind
    # F1 0.758, units 0.632: laws whose offices are the subject of 应当, not counted) too, studied in
    # part: F1 0.895, units 0.885, deadlines 0.964 (units floor 0.88); with round 40 (1451-1495,
    # blind F1 0.686, units 0.537: rules and notices whose offices are the subject of 要 and 应当,
    # tables glued into one line) too, studied in part: F1 0.892, units 0.881, deadlines 0.964
    # (F1 floor 0.89); with round 41 (1501-1541, blind F1 0.711, units 0.372: laws whose offices
    # are the subject of 应当) too, after the README counted offices as the subject of 要 and 应当
    # (session 20): F1 0.894, units 0.877, deadlines 0.964 (units floor 0.875); then round 41 studied
    # (F1 0.898, units 0.881) and round 42 (1551-1599, blind F1 0.770, units 0.616) joined: F1 0.895,
    # units 0.875, deadlines 0.965 (units floor 0.87); with round 43 (1601-1646, blind F1 0.720,
    # units 0.645: school safety, archives and statistics rules, many in traditional characters)
    # too, studied, and the README reading an article's later paragraphs as part of it (11 golds
    # merged, session 21): F1 0.900, units 0.876, deadlines 0.965 (F1 floor 0.895); with rounds 44
    # (1651-1696, blind F1 0.732) and 45 (1701-1747, blind F1 0.822, units 0.678) too: F1 0.895,
    # units 0.866; then the README settled the sentence after a heading sentence (12 older golds
    # brought into line, session 22), round 45 was studied and round 46 (1751-1794, blind F1 0.909,
    # units 0.713) joined and was studied: F1 0.903, units 0.874, deadlines 0.967 (F1 floor 0.90);
    # with round 47 (1801-1848, blind F1 0.885, units 0.784) too, studied in part: F1 0.905,
    # units 0.874, deadlines 0.968; with round 48 (1851-1895, blind F1 0.820, units 0.662: village
    # and community rules, inspection plans) too: F1 0.902, units 0.869; then round 48 studied and
    # seven of its golds brought into line with the corpus on a rule's basis, scope and principle
    # (session 23): F1 0.907, units 0.878, deadlines 0.968 (units floor 0.875); with the first
    # sentence after a heading sentence to name offices read (six older golds brought into line):
    # F1 0.907, units 0.881, deadlines 0.968; with round 49 (1901-1946, blind F1 0.860, units
    # 0.706) too: F1 0.906, units 0.878; then rounds 49, 50 (1951-1996, blind F1 0.831, units 0.714)
    # and 51 (2001-2046, blind F1 0.816, units 0.730: rules of censuses and science, ministries'
    # open-government points) studied in turn (session 24; eight golds leave out basis, scope,
    # definition and principle articles, and one 会同相关处室, as the README says): F1 0.909,
    # units 0.878, deadlines 0.969; with round 52 (2051-2099, blind F1 0.781, units 0.626: rules
    # of legal education and land, health reform) too: F1 0.906, units 0.874; then round 52 studied
    # and the README reading "区级其他有关部门" as no unit (five golds brought into line, session 25):
    # F1 0.908, units 0.878, deadlines 0.971; with round 53 (2101-2149, blind F1 0.823, units
    # 0.613: rules of social assistance and soil, duty lists) too: F1 0.906, units 0.874; then
    # round 53 studied, and the README reading an article that only leads in to its points as
    # their section (five golds brought into line): F1 0.909, units 0.877, deadlines 0.970; with
    # round 54 (2151-2194, blind F1 0.835, units 0.726: rules of water works, tax and
    # broadcasting) too: F1 0.908, units 0.874; then round 54 studied (session 26): F1 0.910,
    # units 0.876, deadlines 0.970; with round 55 (2201-2247, blind F1 0.897, units 0.635:
    # notices on deputies' suggestions, rules of websites and autonomous areas) too: F1 0.910,
    # units 0.872; then round 55 studied: F1 0.9105, units 0.8751, deadlines 0.9696; with round 56
    # (2251-2298, blind F1 0.760, units 0.706: town disclosure guides and catalogs, rules of
    # wetlands and medicine) too: F1 0.9072, units 0.8720; then round 56 studied and the README
    # reading levels before a shared office as one unit (eight golds brought into line): F1 0.9087,
    # units 0.8751, deadlines 0.9683; with round 57 (2301-2347, blind F1 0.789, units 0.767:
    # epidemic orders, water-saving rules, duty lists) too: F1 0.9060, units 0.8726; then round 57
    # studied (session 27; 16 golds brought into line with the README): F1 0.9142, units 0.8786,
    # deadlines 0.9701; with round 58 (2351-2396, blind F1 0.664, units 0.552: audit, statistics,
    # grain, public security and urban safety rules) too: F1 0.9100, units 0.8744; then round 58
    # studied (session 28; 2362's post and 2112's assisted office brought into line): F1 0.9148,
    # units 0.8817, deadlines 0.9703; with round 59 (2401-2449, blind F1 0.821, units 0.640: river
    # chiefs, rule of law, elderly care, school safety and civilized-city rules) too: F1 0.9129,
    # units 0.8751; then round 59 studied (session 29; 1627's dated office brought into line): F1
    # 0.9153, units 0.8802, deadlines 0.9711; with round 60 (2451-2499, blind F1 0.805, units 0.540:
    # procurement, construction, state assets, commerce and youth rules) too: F1 0.9130, units
    # 0.8724; then round 60 studied and round 62 (2551-2599, development data from the start, F1
    # 0.714, units 0.770 before study: foreign affairs, telecom, historic protection, consumer
    # rights, joint meetings) added and studied (session 30): F1 0.9158, units 0.8770, deadlines
    # 0.9708; with round 61 (2501-2549, blind F1 0.763, precision 0.761, units 0.686: open-government
    # plans of towns, work-report divisions, weather, pipeline and customs rules) too: F1 0.9125,
    # units 0.8735; then round 61 studied (session 31): F1 0.9179, units 0.8753, deadlines 0.9704
    assert figures["f1"] >= 0.90, development.misses
    assert figures["units"] >= 0.875 and figures["deadlines"] >= 0.96, development.misses


def test_an_empty_held_out_set_reports_no_figures_rather_than_perfect_ones(tmp_path):
    source = DOCUMENTS[0]
    (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    gold = source.with_suffix(".gold.json")
    (tmp_path / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "HELDOUT").write_text("# round 5: not yet added\n", encoding="utf-8")
    figures = planscore.run(tmp_path)
    assert figures["corpus_docs"] == 1 and figures["heldout_docs"] == 0
    assert figures["heldout_f1"] is None and figures["heldout_units"] is None


def test_a_gold_text_that_opens_with_the_lead_in_matches_an_item_that_keeps_it_as_its_section():
    from gongkai.rules.planparse import parse_text

    items = parse_text(
        "示范县社会信用体系建设任务分工方案\n"
        "一、信用法规制度\n"
        "1.贯彻执行《征信业管理条例》及其相关实施细则，结合全县实际制定相关配套制度。"
        "建立异议处理和侵权责任追究制度。(人行示范支行负责)\n"
    ).items
    gold = {"items": [{
        "text": "贯彻执行《征信业管理条例》及其相关实施细则,结合全县实际制定相关配套制度。",  # cut short
        "section": ["一、信用法规制度"], "units": ["人行示范支行"], "lead_units": ["人行示范支行"],
        "deadline": {"date": None, "recurrence": None},
    }]}  # fmt: skip
    assert items[0].section[-1].startswith("1.贯彻执行")  # the parser keeps the lead-in apart
    tally = planscore.score_document(gold, items)
    assert (tally.matched, tally.units) == (1, 1)
