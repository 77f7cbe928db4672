"""Queue, record page, saving, conflicts, history and withdrawal, downloads, escaping and headers."""
from __future__ import annotations

import re

from extractors.run import process_path
from pipeline.record import LOW_CONFIDENCE
from pipeline.store.overlay import parse_path, set_value, validate
from web_fixtures import store


def _participant_with_title(stored):
    return next(i for i, p in enumerate(stored.record.participants) if p.title)


def test_queue_lists_needs_review_first_then_lowest_confidence(make_browser, archive):
    flagged = archive.docs[2]
    stored = archive.get(flagged, with_text=True)
    archive.correct(flagged, "meeting.venue", "Hội trường A", user="an")
    dump = process_path(stored.sources[-1].archive_path).record.model_copy(update={"doc_id": flagged}) \
        .model_dump(mode="json")
    set_value(dump, parse_path("meeting.venue"), "Hội trường B")  # the machine now disagrees
    archive.store_reextraction(flagged, stored.sources[-1].sha256, stored.normalized_text, validate(dump))
    assert archive.get(flagged).needs_review
    page = make_browser("viewer").get("/").text
    order = re.findall(r'class="open" href="/record\?doc=([^"&]+)', page)
    assert order[0] == flagged
    rest = [archive.get(d).record.lowest_confidence() for d in order[1:]]
    assert rest == sorted(rest)
    assert re.search(r"<b>3</b> bản ghi", page) and re.search(r"<b>1</b> cần xem lại", page)
    only = make_browser("viewer").get("/?status=needs_review").text
    assert re.findall(r'class="open" href="/record\?doc=([^"&]+)', only) == [flagged]


def test_queue_filters_and_search(make_browser, archive):
    browser = make_browser("viewer")
    stored = archive.get(archive.docs[0])
    year, kind = stored.record.meeting.period.value, stored.record.meeting.kinds[0].value
    page = browser.get(f"/?year={year}&kind={kind}").text
    assert archive.docs[0] in page
    assert archive.docs[1] not in browser.get("/?year=1990").text
    hits = browser.get("/?q=" + "Bắc Ninh").text
    assert "Kết quả tìm" in hits and archive.docs[0] in hits
    assert "ít nhất một từ" in browser.get("/?q=%22%22").text


def test_record_page_shows_text_with_evidence_and_low_confidence(make_browser, archive):
    doc = archive.docs[0]
    stored = archive.get(doc)
    page = make_browser("editor").get(f"/record?doc={doc}").text
    first = stored.record.participants[0]
    mark = re.search(r'<mark class="ev[^"]*" data-s="(\d+)" data-fields="([^"]*participants-0[^"]*)">', page)
    assert mark and int(mark.group(1)) == first.evidence.start
    assert f'name="participants-0-name" value="{first.name}"' in page
    assert "Ctrl</kbd>+<kbd>S" in page and "<kbd>j</kbd>" in page
    r = stored.record
    low = [x for x in (*r.participants, *r.members, *r.ranks, *r.heads, *r.legal_refs) if x.confidence < LOW_CONFIDENCE]
    assert page.count('class="row low"') == len(low)


def test_saving_a_participant_title_is_a_correction_that_survives_reextraction(make_browser, archive):
    doc = archive.docs[0]
    stored = archive.get(doc, with_text=True)
    i = _participant_with_title(stored)
    browser = make_browser("editor")
    browser.get(f"/record?doc={doc}")
    data = browser.form("/record/save")
    data[f"participants-{i}-title"] = ["Giám đốc Công an tỉnh"]
    data["reason"] = ["đọc lại biên bản"]
    response = browser.post("/record/save", data)
    assert response.status_code == 303 and "m=saved" in response.headers["location"]
    after = archive.get(doc)
    assert after.record.participants[i].title == "Giám đốc Công an tỉnh"
    assert [(c.field, c.value, c.user, c.reason) for c in after.corrections] == [
        (f"participants[{i}].title", "Giám đốc Công an tỉnh", "editor", "đọc lại biên bản")]
    assert "Đã lưu 1 thay đổi" in browser.get(response.headers["location"]).text
    source = after.sources[-1]
    machine = process_path(source.archive_path).record.model_copy(update={"doc_id": doc})
    dump = machine.model_dump(mode="json")
    dump["title"]["value"] = "Tiêu đề máy mới"  # an upgraded extractor
    archive.store_reextraction(doc, source.sha256, stored.normalized_text, validate(dump))
    assert archive.get(doc).record.participants[i].title == "Giám đốc Công an tỉnh"
    history = browser.get(f"/record/history?doc={doc}").text
    assert "Giám đốc Công an tỉnh" in history and "đọc lại biên bản" in history


def test_rows_added_from_selected_text_keep_their_evidence(make_browser, archive):
    doc = archive.docs[1]
    stored = archive.get(doc, with_text=True)
    text = stored.normalized_text
    start = text.index("Ủy ban") if "Ủy ban" in text else 10
    end = start + 20
    browser = make_browser("editor")
    browser.get(f"/record?doc={doc}")
    data = browser.form("/record/save")
    n = len(stored.record.members) + 5  # a row number the page's script would pick
    data.update({f"members-{n}-orig": [""], f"members-{n}-ev": [f"{start}:{end}"],
                 f"members-{n}-unit": [text[start:end]]})
    k = len(stored.record.participants) + 3
    data.update({f"participants-{k}-orig": [""], f"participants-{k}-name": ["Nguyễn Văn Mới"],
                 f"participants-{k}-title": ["Chánh Văn phòng"], f"participants-{k}-organization": [""]})
    if stored.record.participants:
        data["participants-0-remove"] = ["1"]
    assert browser.post("/record/save", data).status_code == 303
    after = archive.get(doc)
    member = after.record.members[-1]
    assert member.unit == text[start:end].strip() or member.unit == text[start:end]
    assert (member.evidence.start, member.evidence.end) == (start, end)
    assert after.record.participants[-1].name == "Nguyễn Văn Mới"
    assert len(after.record.participants) == len(stored.record.participants)  # one removed, one added
    page = browser.get(f"/record?doc={doc}").text
    assert re.search(rf'data-s="{start}" data-fields="[^"]*members-{len(after.record.members) - 1}', page)


def test_a_bad_value_is_refused_and_the_input_kept(make_browser, archive):
    doc = archive.docs[0]
    browser = make_browser("editor")
    browser.get(f"/record?doc={doc}")
    data = browser.form("/record/save")
    data["f.meeting.date"] = ["31/02/2024"]
    data["f.meeting.venue"] = ["Hội trường tầng 3"]
    response = browser.post("/record/save", data)
    assert response.status_code == 422
    assert "ngày/tháng/năm" in response.text and 'value="Hội trường tầng 3"' in response.text
    assert archive.get(doc).corrections == []


def test_two_staff_saving_the_same_record(make_browser, archive):
    doc = archive.docs[0]
    first, second = make_browser("editor"), make_browser("admin")
    first.get(f"/record?doc={doc}")
    second.get(f"/record?doc={doc}")
    mine, theirs = first.form("/record/save"), second.form("/record/save")
    mine["f.title"] = ["Tiêu đề của người thứ nhất"]
    assert first.post("/record/save", mine).status_code == 303
    theirs["f.meeting.venue"] = ["Hội trường của người thứ hai"]
    theirs["participants-0-title"] = ["Chức vụ của người thứ hai"]
    clash = second.post("/record/save", theirs)
    assert clash.status_code == 409
    assert "người khác vừa sửa" in clash.text and "Tiêu đề của người thứ nhất" in clash.text  # their change shown
    assert 'value="Hội trường của người thứ hai"' in clash.text  # own input kept
    assert 'value="Chức vụ của người thứ hai"' in clash.text
    assert archive.get(doc).record.meeting.venue is None or \
        archive.get(doc).record.meeting.venue.value != "Hội trường của người thứ hai"
    again = second.form("/record/save", clash.text)
    assert second.post("/record/save", again).status_code == 303
    final = archive.get(doc).record
    assert final.title.value == "Tiêu đề của người thứ nhất"  # nothing lost
    assert final.meeting.venue.value == "Hội trường của người thứ hai"
    assert final.participants[0].title == "Chức vụ của người thứ hai"


def test_withdrawing_a_correction_returns_the_machine_value(make_browser, archive):
    doc = archive.docs[0]
    machine_title = archive.get(doc).record.title.value
    archive.correct(doc, "title", "Tiêu đề sửa tay", user="an")
    browser = make_browser("editor")
    page = browser.get(f"/record/history?doc={doc}").text
    assert "Tiêu đề sửa tay" in page
    response = browser.post("/record/withdraw", browser.form("/record/withdraw"))
    assert response.status_code == 303
    after = archive.get(doc)
    assert after.record.title.value == machine_title and after.corrections == []
    history = archive.history(doc)
    assert (history[-1].action, history[-1].actor, history[-1].field) == ("withdraw", "editor", "title")
    assert (history[-1].old_value, history[-1].new_value) == ("Tiêu đề sửa tay", machine_title)
    assert "Rút lại" in browser.get(f"/record/history?doc={doc}").text


def test_mark_reviewed(make_browser, archive):
    doc = archive.docs[1]
    stored = archive.get(doc, with_text=True)
    archive.correct(doc, "meeting.venue", "Hội trường A", user="an")
    dump = process_path(stored.sources[-1].archive_path).record.model_copy(update={"doc_id": doc}) \
        .model_dump(mode="json")
    set_value(dump, parse_path("meeting.venue"), "Hội trường C")
    archive.store_reextraction(doc, stored.sources[-1].sha256, stored.normalized_text, validate(dump))
    browser = make_browser("editor")
    assert "Cần xem lại" in browser.get(f"/record?doc={doc}").text
    assert browser.post("/record/resolve", browser.form("/record/resolve")).status_code == 303
    assert not archive.get(doc).needs_review


def test_downloads_are_the_archived_original_and_text(make_browser, archive):
    doc = archive.docs[0]
    stored = archive.get(doc, with_text=True)
    browser = make_browser("viewer")
    original = browser.get(f"/record/original?doc={doc}")
    assert original.content == stored.sources[-1].archive_path.read_bytes()
    assert "attachment" in original.headers["content-disposition"]
    text = browser.get(f"/record/text?doc={doc}")
    assert text.text == stored.normalized_text
    assert browser.get(f"/record/original?doc={doc}&rev=9").status_code == 404
    assert browser.get("/record/original?doc=../../../etc/passwd").status_code == 404


def test_downloads_stay_inside_the_archive(make_browser, archive, tmp_path):
    doc = archive.docs[0]
    archived = archive.get(doc).sources[-1].archive_path
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu")
    archived.chmod(0o644)
    archived.unlink()
    archived.symlink_to(secret)  # the archive file swapped for a link to somewhere else
    response = make_browser("viewer").get(f"/record/original?doc={doc}")
    assert response.status_code == 404 and "mật khẩu" not in response.text


def test_document_text_and_file_names_are_escaped(make_browser, archive, tmp_path):
    folder = tmp_path / "evil"
    folder.mkdir()
    path = folder / 'bao<script>alert(1)<\\script>cao".txt'
    path.write_text("Hội nghị tổng kết Cụm thi đua số 5 năm 2023 <script>alert('x')</script>\n"
                    "Sáng ngày 15/12/2023, Cụm thi đua số 5 tổ chức hội nghị tổng kết tại tỉnh "
                    "<img src=x onerror=alert(2)>.\n",
                    encoding="utf-8")
    doc = store(archive, path)
    browser = make_browser("editor")
    for url in ("/", f"/record?doc={doc}", f"/record/history?doc={doc}", "/?q=script"):
        page = browser.get(url, params=None).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert re.search(r"<script(?![^>]*\bsrc=\"/static/app\.js\")", page) is None  # no inline script
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in browser.get(f"/record?doc={doc}").text
    disposition = browser.get(f"/record/original?doc={doc}").headers["content-disposition"]
    assert "\n" not in disposition and '<script>' not in disposition.split("filename*=")[0]


def test_security_headers_on_every_page(make_browser, archive):
    browser = make_browser("admin")
    for url in ("/login", "/", f"/record?doc={archive.docs[0]}", "/users", "/static/app.js", "/nowhere"):
        headers = browser.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert browser.get("/").headers["cache-control"] == "no-store"
    cookie = make_browser().login("viewer").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("samesite", "SameSite")


def test_unknown_record_is_a_page_not_a_traceback(make_browser):
    response = make_browser("viewer").get("/record?doc=khong-co")
    assert response.status_code == 404 and "Không tìm thấy" in response.text and "Traceback" not in response.text
    assert make_browser("viewer").get("/record").status_code == 400


def test_a_partial_form_changes_only_what_it_sends(make_browser, archive):
    doc = archive.docs[0]
    before = archive.get(doc)
    browser = make_browser("editor")
    browser.get(f"/record?doc={doc}")
    csrf = browser.form("/record/save")["csrf"]
    sent = {"csrf": csrf, "doc": [doc], "version": [str(before.version)], "f.meeting.venue": ["Hội trường nhỏ"]}
    assert browser.post("/record/save", sent).status_code == 303
    after = archive.get(doc)
    assert [c.field for c in after.corrections] == ["meeting.venue"]
    expected = before.record.to_export()
    expected["meeting"]["venue"] = "Hội trường nhỏ"
    assert after.record.to_export() == expected


def test_save_and_next_opens_the_next_record_of_the_queue(make_browser, archive):
    browser = make_browser("editor")
    order = re.findall(r'class="open" href="/record\?doc=([^"&]+)', browser.get("/").text)
    browser.get(f"/record?doc={order[0]}")
    data = browser.form("/record/save")
    data["f.meeting.venue"] = ["Hội trường lớn"]
    data["action"] = ["save_next"]
    response = browser.post("/record/save", data)
    assert response.status_code == 303 and f"doc={order[1]}" in response.headers["location"]
    assert "Đã lưu 1 thay đổi" in browser.get(response.headers["location"]).text
    last = browser.get(f"/record?doc={order[-1]}")
    data = browser.form("/record/save", last.text)
    data["action"] = ["save_next"]
    assert "m=last" in browser.post("/record/save", data).headers["location"]


def test_a_forged_form_is_refused_in_one_line(make_browser, archive):
    browser = make_browser("editor")
    browser.get(f"/record?doc={archive.docs[0]}")
    data = browser.form("/record/save")
    for version in ("", "abc", "99"):
        response = browser.post("/record/save", {**data, "version": [version]})
        assert response.status_code in (400, 404) and "Traceback" not in response.text
    assert archive.get(archive.docs[0]).corrections == []
