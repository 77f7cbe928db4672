"""What the record form shows and sends back (issue 20): dates as dd/mm/yyyy, values as an <input>
holds them, an untouched save records nothing (also on an archive that stored line breaks in
values), review reasons in Vietnamese, and a Unicode digit in a number is a clear error, not a 500."""
from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html
from sqlalchemy import select, update

from pipeline.store.models import DocumentRow, RecordVersionRow
from web_fixtures import one


def as_browser_sends(data: dict[str, list[str]]) -> dict[str, list[str]]:
    """An <input>'s value as a browser submits it: the HTML standard strips line breaks from it."""
    return {k: [v.replace("\r", "").replace("\n", "") for v in values] for k, values in data.items()}


def test_dates_show_as_the_placeholder_says_and_save_back_unchanged(make_browser, archive):
    doc = archive.docs[0]
    stored = archive.get(doc)
    browser = make_browser("editor")
    page = browser.get(f"/record?doc={doc}").text
    date = stored.record.meeting.date.value
    field = lxml_html.fromstring(page).xpath('//input[@name="f.meeting.date"]')[0]
    assert field.get("placeholder") == "ngày/tháng/năm" and field.get("value") == date.strftime("%d/%m/%Y")
    response = browser.post("/record/save", as_browser_sends(browser.form("/record/save")))
    assert response.status_code == 303 and "m=nothing" in response.headers["location"]
    assert archive.get(doc).corrections == [] and archive.get(doc).version == stored.version


def test_an_untouched_save_records_nothing_on_an_archive_with_line_breaks_in_values(make_browser, archive):
    """Archives written before values were one-line text hold "Ủy\\nban": the page shows it as an
    input can ("Ủy ban"), and saving the page as it is changes nothing."""
    doc = archive.docs[0]
    with archive.db.session(write=True) as s:  # as stored then: no new version
        row = s.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc))
        effective = dict(row.effective)
        effective["members"] = [{**m, "unit": m["unit"].replace(" ", "\n", 1)} for m in effective["members"]]
        effective["heads"] = [{**h, "unit": h["unit"].replace(" ", "\n  ", 1)} for h in effective["heads"]]
        version = s.scalar(select(RecordVersionRow).where(RecordVersionRow.document_id == row.id,
                                                          RecordVersionRow.version == row.version))
        record = dict(version.record)
        record["members"] = [m["unit"] for m in effective["members"]]
        record["heads"] = [{**h, "unit": e["unit"]} for h, e in zip(record["heads"], effective["heads"], strict=True)]
        s.execute(update(DocumentRow.__table__).where(DocumentRow.id == row.id).values(effective=effective))
        version.record = record
    before = archive.get(doc).version
    browser = make_browser("editor")
    browser.get(f"/record?doc={doc}")
    data = as_browser_sends(browser.form("/record/save"))
    shown = lxml_html.fromstring(browser.page).xpath('//input[@name="members-0-unit"]')[0].get("value")
    assert "\n" in effective["members"][0]["unit"] and shown == " ".join(effective["members"][0]["unit"].split())
    response = browser.post("/record/save", data)
    assert response.status_code == 303 and "m=nothing" in response.headers["location"]
    data["members-1-unit"] = ["Sở Nội vụ tỉnh"]  # one real change: one correction, one version
    response = browser.post("/record/save", data)
    assert "m=saved&n=1" in response.headers["location"]
    stored = archive.get(doc)
    assert [c.field for c in stored.corrections] == ["members[1]"] and stored.version == before + 1


def test_review_reasons_are_shown_in_vietnamese_in_the_queue_and_on_the_record(make_browser, archive):
    doc = archive.docs[1]
    with archive.db.session(write=True) as s:  # a doubt the machine might have had about this record
        row = s.scalar(select(DocumentRow).where(DocumentRow.doc_id == doc))
        reasons = [{"kind": "low_confidence", "field": "meeting.kinds[0]", "fields": ["meeting.kinds[0]"],
                               "target": ["meeting.kinds", "tong_ket", None, True],
                               "message": "low confidence: meeting.kinds[0] (0.40)"}]
        s.execute(update(DocumentRow.__table__).where(DocumentRow.id == row.id)
                  .values(review_reasons=reasons, needs_review=True))
    browser = make_browser("viewer")
    queue = lxml_html.fromstring(browser.get("/").text)
    why = queue.xpath('//tr[contains(@class, "needs-review")]/td[@class="why"]')[0].text_content()
    assert "Loại cuộc họp chưa chắc chắn" in why and "meeting." not in why
    page = browser.get(f"/record?doc={doc}").text
    assert "Loại cuộc họp chưa chắc chắn" in lxml_html.fromstring(page).xpath('//*[@id="reasons"]')[0].text_content()


def test_the_cluster_filter_offers_each_cluster_once(make_browser, archive):
    doc = archive.docs[0]
    name = archive.get(doc).record.cluster.name
    archive.correct(archive.docs[1], "cluster.name", name.upper(), user="lan")
    options = lxml_html.fromstring(make_browser("viewer").get("/").text).xpath('//select[@name="cluster"]/option')
    names = [o.text_content() for o in options][1:]
    assert name in names and name.upper() not in names
    assert len({n.casefold() for n in names}) == len(names)


@pytest.mark.parametrize("text", ["²", "٣", "1²", "9" * 5000])
def test_a_number_that_is_not_ascii_digits_is_a_clear_error(make_browser, archive, text):
    doc = archive.docs[0]
    browser = make_browser("editor")
    for url in (f"/?year={text}", f"/?page={text}", f"/record?doc={doc}&year={text}",
                f"/record?doc={doc}&m=saved&n={text}", f"/record/original?doc={doc}&rev={text}"):
        response = browser.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert "Internal Server Error" not in response.text
    browser.get(f"/record?doc={doc}")
    form = browser.form("/record/save")
    for key in ("version", "q_year", "f.meeting.period", "cluster.number", "ranks-0-rank", "heads-0-year",
                "ranks-0-score", "members-0-orig", "members-0-ev"):
        data = {**form, key: [text]}
        if key in ("ranks-0-rank", "ranks-0-score") and "ranks-0-unit" not in form:
            data.update({"ranks-0-unit": ["Sở Tư pháp"], "ranks-0-rank": ["1"], "ranks-0-orig": [""]})
            data[key] = [text]
        response = browser.post("/record/save", data)
        assert response.status_code in (303, 400, 422), (key, response.status_code)
        assert "Internal Server Error" not in response.text
        if response.status_code == 422:
            assert re.search(r'class="field-error"[^>]*>[^<]*chữ số 0-9', response.text), key
    for key in ("version", "correction"):
        data = {"csrf": one(form, "csrf"), "doc": doc, "version": str(archive.get(doc).version), "correction": "1",
                key: text}
        response = browser.post("/record/withdraw", data)
        assert response.status_code == 400 and "Internal Server Error" not in response.text
    assert archive.get(doc).corrections == []
