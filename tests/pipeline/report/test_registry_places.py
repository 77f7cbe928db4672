"""The registry keys a cluster by the province its members' districts and communes lie in
(pipeline/gazetteer), so real reports that never write the province's name stop being "tỉnh chưa
rõ"; an archive keyed before keeps its keys, documents and decisions."""
import shutil
from pathlib import Path

from sqlalchemy import select, update

from functools import partial

from flows.extraction import EXTRACTOR
from pipeline import batches
from pipeline.read.document import Status
from pipeline.store.registry import Registry
from pipeline.store.registry.models import ClusterRow, DocumentClusterRow
from pipeline.store import open_repository

ingest = partial(batches.ingest, extractor=EXTRACTOR)

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
REPORTS = {"kiengiang_cum4_thongbao_ketqua_2024": "kien-giang/chinh-quyen/cum-4",  # Phú Quốc, Hà Tiên, Kiên Hải
           "real/binhphuoc_cum6_quansu_tongket_2016": "binh-phuoc/chua-ro/cum-6",  # Bình Long, Đồng Xoài...
           "real/hcm_cum3_ubnd_chuyende_2024": "ho-chi-minh/chinh-quyen/cum-3"}  # quận 7, quận 12, Gò Vấp...


def _archive(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = []
    for sample in REPORTS:
        source = SAMPLES / f"{sample}.txt"
        paths.append(Path(shutil.copy(source, folder / source.name)))
    repo = open_repository(f"sqlite:///{(tmp_path / 'thidua.db').as_posix()}", tmp_path / "archive")
    results = ingest(repo, paths)
    assert [r.status for r in results] == [Status.OK] * len(paths), [r.reason for r in results]
    return repo


def _keys(repo) -> dict[str, str]:
    from pipeline.store.models import DocumentRow

    with repo.db.session() as s:
        rows = s.execute(select(DocumentRow.doc_id, ClusterRow.key)
                         .join(DocumentClusterRow, DocumentClusterRow.document_id == DocumentRow.id)
                         .join(ClusterRow, ClusterRow.id == DocumentClusterRow.cluster_id)).all()
    return {doc_id.rsplit("-", 1)[0]: key for doc_id, key in rows}


def test_real_reports_are_keyed_by_the_province_of_their_members(tmp_path):
    repo = _archive(tmp_path)
    try:
        Registry(repo.db).sync()
        assert _keys(repo) == {sample.split("/")[-1]: key for sample, key in REPORTS.items()}
    finally:
        repo.close()


def test_an_archive_keyed_before_keeps_its_cluster_keys_and_documents(tmp_path):
    """Keys are stored when a cluster is made, not computed: an archive whose Kiên Giang cluster was
    made as 'chua-ro/...' keeps that key (staff commands and links name it), and a document placed
    again (re-extracted) stays in it, by its place-named units, instead of starting a second cluster."""
    repo = _archive(tmp_path)
    try:
        registry = Registry(repo.db)
        registry.sync()
        with repo.db.session(write=True) as s:
            kg = s.scalar(select(ClusterRow).where(ClusterRow.key == "kien-giang/chinh-quyen/cum-4"))
            kg.key, kg.province, old_id = "chua-ro/chinh-quyen/cum-4", None, kg.id
            s.execute(update(DocumentClusterRow).values(version=-1))  # as if every document were re-extracted
        registry.sync()
        with repo.db.session() as s:
            assert s.scalar(select(ClusterRow.key).where(ClusterRow.id == old_id)) == "chua-ro/chinh-quyen/cum-4"
            assert s.query(ClusterRow).count() == 3
        assert _keys(repo)["kiengiang_cum4_thongbao_ketqua_2024"] == "chua-ro/chinh-quyen/cum-4"
    finally:
        repo.close()
