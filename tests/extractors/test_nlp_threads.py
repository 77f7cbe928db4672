"""Two batches extracted in one process (--workers 1: Prefect runs the next batch's extraction
while the previous one is stored) call underthesea from two threads (POS and NER): its lazily loaded
models must not be used half-loaded ("'NoneType' object has no attribute 'process'")."""
import subprocess
import sys

RACE = """
import sys, threading
from extractors import nlp
text = "Đồng chí Y Bhăm Ênuôl, Giám đốc Sở Nội vụ phát biểu tại hội nghị."
errors = []
def one():
    try:
        nlp.is_proper_name(text, 9, 22, 0, len(text))
        nlp.is_person(text, 9, 22, 0, len(text))
        nlp.line_ends_open("Tham dự hội nghị có ông", 0, 23)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=one) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(errors[:1])
sys.exit(1 if errors else 0)
"""


def test_underthesea_from_four_threads_of_a_fresh_process():
    for _ in range(2):  # a fresh process each time: the models are not loaded yet
        done = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr[-2000:]
