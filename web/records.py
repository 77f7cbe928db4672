"""The review pages: queue, record (view and save), mark reviewed, history and withdrawal, downloads.

Records are addressed by `?doc=` (doc_id is an opaque string). Saving sends only the changed
fields to the storage layer, with the version the page was made from: if someone saved in
between, nothing is written and the page comes back with their change and this person's input.
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, PlainTextResponse, RedirectResponse, Response

from pipeline.record import KINDS, LOW_CONFIDENCE
from pipeline.store import ConflictError, InvalidInput, NotFound
from pipeline.store import editing
from pipeline.store.search import search as search_text
from web import forms, textview
from web.auth import CheckedForm, Editor, Viewer
from web.changes import FormError, changes, rebase

router = APIRouter()
PAGE = 50
STATUS_NAMES = {"needs_review": "Cần xem lại", "corrected": "Đã sửa", "uncorrected": "Chưa sửa"}
KIND_NAMES = {"cham_diem": "Chấm điểm", "ky_ket_giao_uoc": "Ký kết giao ước", "so_ket": "Sơ kết",
              "tong_ket": "Tổng kết", "trien_khai": "Triển khai", "khac": "Khác"}
MESSAGES = {"saved": "Đã lưu {n} thay đổi.", "nothing": "Không có gì thay đổi.",
            "resolved": "Đã đánh dấu là đã xem.", "withdrawn": "Đã rút lại sửa đổi; trường trở về giá trị máy.",
            "last": "Đã lưu. Đây là bản ghi cuối cùng trong danh sách."}


def _filter(cluster: str | None, year: str | None, status: str | None, kind: str | None) -> editing.QueueFilter:
    number = forms.digits(year, 4) if year else None
    if year and number is None:
        raise InvalidInput(f"năm {year!r} không hợp lệ: hãy chọn một năm trong danh sách")
    return editing.QueueFilter(cluster or None, number, status if status in STATUS_NAMES else None,
                               kind if kind in KINDS else None)


def _page_number(text: str | None) -> int:
    number = forms.digits(text, 6) if text else 1
    if number is None:
        raise InvalidInput(f"trang {text!r} không hợp lệ")
    return max(1, number)


def _filter_query(f: editing.QueueFilter) -> str:
    return urlencode({k: v for k, v in (("cluster", f.cluster), ("year", f.year), ("status", f.status),
                                        ("kind", f.kind)) if v})


@router.get("/")
def queue_page(request: Request, login: Viewer, cluster: str | None = None, year: str | None = None,
               status: str | None = None, kind: str | None = None, q: str | None = None, page: str | None = None):
    repo = request.app.state.repo
    f = _filter(cluster, year, status, kind)
    hits, search_error = None, None
    if q and q.strip():
        try:
            hits = search_text(repo.db, q, limit=PAGE).hits
        except InvalidInput:
            search_error = "Hãy nhập ít nhất một từ để tìm."
    page = _page_number(page)
    result = editing.queue(repo, f, (page - 1) * PAGE, PAGE)
    clusters, years = editing.clusters_and_years(repo)
    return request.app.state.render(request, "queue.html", {
        "queue": result, "filter": f, "filter_query": _filter_query(f), "q": q or "", "hits": hits,
        "search_error": search_error, "clusters": clusters, "years": years, "statuses": STATUS_NAMES,
        "kinds": KIND_NAMES, "page": page, "pages": max(1, -(-result.total // PAGE)),
        "low": LOW_CONFIDENCE})


def _record_context(request: Request, doc_id: str, form_state: forms.RecordForm | None = None,
                    f: editing.QueueFilter | None = None, page: editing.RecordPage | None = None, **extra) -> dict:
    f = f or editing.QueueFilter()
    stored = page or editing.record_page(request.app.state.repo, doc_id, f)
    text = stored.normalized_text or ""
    return {"stored": stored, "form": form_state or forms.from_record(stored.record),
            "doc_text": request.app.state.text_pane.html(text, stored.record),
            "text_cut": len(text) > textview.MAX_CHARS, "kinds": KIND_NAMES, "previous": stored.previous,
            "following": stored.following, "filter": f, "filter_query": _filter_query(f), "low": LOW_CONFIDENCE,
            "attrs": forms.LIST_ATTRS, "message": None, "errors": {}, "conflict": None, **extra}


@router.get("/record")
def record_page(request: Request, login: Viewer, doc: str, m: str | None = None, n: str | None = None,
                cluster: str | None = None, year: str | None = None, status: str | None = None,
                kind: str | None = None):
    context = _record_context(request, doc, f=_filter(cluster, year, status, kind))
    context["message"] = MESSAGES[m].format(n=forms.digits(n) or 0) if m in MESSAGES else None
    return request.app.state.render(request, "record.html", context)


def _record_url(doc_id: str, filter_query: str, **params) -> str:
    query = urlencode({"doc": doc_id, **{k: v for k, v in params.items() if v is not None}})
    return f"/record?{query}" + (f"&{filter_query}" if filter_query else "")


def _version(data: dict) -> int:
    version = forms.digits((data.get("version") or [""])[-1])
    if version is None:
        raise InvalidInput("biểu mẫu không có phiên bản của bản ghi; hãy mở lại bản ghi")
    return version


def _form_filter(data: dict) -> editing.QueueFilter:
    def one(key):
        return (data.get(key) or [None])[-1]

    return _filter(one("q_cluster"), one("q_year"), one("q_status"), one("q_kind"))


@router.post("/record/save")
def save(request: Request, data: CheckedForm, login: Editor) -> Response:
    repo = request.app.state.repo
    doc_id, f = (data.get("doc") or [""])[-1], _form_filter(data)
    version = _version(data)
    submitted = forms.from_submission(data)
    base = editing.version_record(repo, doc_id, version)
    if base is None:
        raise NotFound(f"{doc_id} has no version {version}")
    selected = any(r.evidence and r.orig is None for rows in submitted.lists.values() for r in rows)
    text = (repo.get(doc_id, with_text=True).normalized_text or "") if selected else ""
    try:
        pending = changes(submitted, base, text)
    except FormError as exc:
        context = _record_context(request, doc_id, submitted, f, errors={exc.where: str(exc)},
                                  message="Chưa lưu: có giá trị không hợp lệ (xem ô được đánh dấu).")
        context["stored"].version = version
        return request.app.state.render(request, "record.html", context, status_code=422)
    try:
        count, _ = editing.save_corrections(repo, doc_id, pending, user=login.user.name,
                                            reason=(data.get("reason") or [""])[-1].strip() or None,
                                            expected_version=version)
    except ConflictError:
        return _conflict(request, doc_id, version, pending, f, base)
    action = (data.get("action") or ["save"])[-1]
    if action == "save_next":
        following = editing.neighbours(repo, f, doc_id)[1]
        if following is not None:
            return RedirectResponse(_record_url(following, _filter_query(f), m="saved", n=count), status_code=303)
        return RedirectResponse(_record_url(doc_id, _filter_query(f), m="last"), status_code=303)
    return RedirectResponse(_record_url(doc_id, _filter_query(f), m="saved" if count else "nothing", n=count),
                            status_code=303)


def _conflict(request: Request, doc_id: str, version: int, pending: list, f: editing.QueueFilter,
              base: dict | None = None) -> Response:
    repo = request.app.state.repo
    page = editing.record_page(repo, doc_id, f)
    if base is None:
        base = editing.version_record(repo, doc_id, version)
    context = _record_context(request, doc_id, rebase(pending, page.record, base), f, page=page,
                              conflict=editing.changes_since(repo, page.doc_id, version),
                              message="Chưa lưu: người khác vừa sửa bản ghi này. Thay đổi của họ ở dưới; "
                                      "ô nhập vẫn giữ giá trị bạn nhập. Kiểm tra rồi bấm Lưu lần nữa.")
    return request.app.state.render(request, "record.html", context, status_code=409)


@router.post("/record/resolve")
def resolve(request: Request, data: CheckedForm, login: Editor) -> Response:
    doc_id, f = (data.get("doc") or [""])[-1], _form_filter(data)
    version = _version(data)
    try:
        request.app.state.repo.resolve_review(doc_id, user=login.user.name, expected_version=version)
    except ConflictError:
        return _conflict(request, doc_id, version, [], f)
    return RedirectResponse(_record_url(doc_id, _filter_query(f), m="resolved"), status_code=303)


@router.get("/record/history")
def history(request: Request, login: Viewer, doc: str, m: str | None = None):
    repo = request.app.state.repo
    stored = repo.get(doc)
    message = "Chưa rút lại: người khác vừa sửa bản ghi này; xem lại lịch sử rồi thử lại." if m == "conflict" else None
    return request.app.state.render(request, "history.html", {
        "stored": stored, "entries": list(reversed(repo.history(doc))), "message": message})


@router.post("/record/withdraw")
def withdraw(request: Request, data: CheckedForm, login: Editor) -> Response:
    doc_id = (data.get("doc") or [""])[-1]
    correction = forms.digits((data.get("correction") or [""])[-1])
    version = _version(data)
    if correction is None:
        raise InvalidInput("thiếu sửa đổi cần rút lại; hãy mở lại trang lịch sử")
    try:
        editing.withdraw(request.app.state.repo, doc_id, correction, user=login.user.name,
                         expected_version=version)
    except ConflictError:
        return RedirectResponse(f"/record/history?{urlencode({'doc': doc_id, 'm': 'conflict'})}", status_code=303)
    return RedirectResponse(_record_url(doc_id, "", m="withdrawn"), status_code=303)


@router.get("/record/original")
def original(request: Request, login: Viewer, doc: str, rev: str | None = None) -> Response:
    repo = request.app.state.repo
    stored = repo.get(doc)
    wanted = forms.digits(rev) if rev else max((s.revision for s in stored.sources), default=None)
    source = next((s for s in stored.sources if s.revision == wanted), None)
    if source is None:
        raise NotFound(f"{doc} has no file version {rev}")
    root = repo.archive.root.resolve()
    path = source.archive_path.resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise NotFound(f"the original of {doc} is not in the archive")
    return FileResponse(path, filename=f"{doc}.{source.ext}" if source.ext else doc,
                        media_type="application/octet-stream")


@router.get("/record/text")
def archived_text(request: Request, login: Viewer, doc: str) -> Response:
    stored = request.app.state.repo.get(doc, with_text=True)
    response = PlainTextResponse(stored.normalized_text or "", media_type="text/plain; charset=utf-8")
    response.headers["Content-Disposition"] = _attachment(f"{doc}.txt")
    return response


def _attachment(name: str) -> str:
    from urllib.parse import quote

    ascii_name = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
