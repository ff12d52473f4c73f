from pmdesk.models import Postmortem


def test_categories_in_use_most_used_first(fresh_db):
    for title, category in [
        ("a", "configuration change"),
        ("b", "capacity"),
        ("c", "configuration change"),
        ("d", ""),
        ("e", "dependency failure"),
    ]:
        fresh_db.create(Postmortem(title=title, root_cause_category=category))
    assert fresh_db.root_cause_categories() == [
        "configuration change",
        "capacity",
        "dependency failure",
    ]


def test_spellings_differing_in_case_or_spaces_are_one_category(fresh_db):
    for category in ["Capacity", "capacity ", "Capacity", "  deploy"]:
        fresh_db.create(Postmortem(title="x", root_cause_category=category))
    assert fresh_db.root_cause_categories() == ["Capacity", "deploy"]


def test_a_store_without_categories_offers_none(fresh_db):
    fresh_db.create(Postmortem(title="no analysis yet"))
    assert fresh_db.root_cause_categories() == []


def test_a_category_set_by_update_is_offered(fresh_db):
    pm = fresh_db.create(Postmortem(title="x"))
    fresh_db.update(pm.id, root_cause_category="third-party outage")
    assert fresh_db.root_cause_categories() == ["third-party outage"]
