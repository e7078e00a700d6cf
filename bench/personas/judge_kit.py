"""Hand unjudged sentences to a person with their context, and merge what they decided.

    .venv/bin/python bench/personas/judge_kit.py export OUT.md [--unseen]   # after run.py
    .venv/bin/python bench/personas/judge_kit.py merge JUDGED.yaml [...]

`export` reads the transcripts the runner wrote (so it judges what the table counts) and writes,
for each reflection or reason with no judgment, the persona, the turns before it, the coach turn
it sits in and its key. `merge` takes a YAML list of ``{key, complex, faulty, reflection,
meaningful, note}`` (only the fields decided) and writes them into `judgments.yaml`, with the
exact text, so a later change of wording shows as unjudged again.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure

HERE = Path(__file__).resolve().parent
JUDGMENTS = HERE / "judgments.yaml"
_TURN = re.compile(r"^\*\*(You|Coach)\*\*(?: \(([^)]*)\))?: ", re.M)
FIELDS = ("complex", "faulty", "reflection", "meaningful", "note")


def read_transcript(path: Path) -> list[list[dict]]:
    """The sessions of a transcript file, each a list of {role, text, phase, move}."""
    sessions: list[list[dict]] = []
    for block in re.split(r"^## Session \d+\n", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        marks = list(_TURN.finditer(block))
        turns = []
        for mark, following in zip(marks, [*marks[1:], None], strict=True):
            end = following.start() if following else len(block)
            role = "user" if mark.group(1) == "You" else "coach"
            move = mark.group(2)
            text = block[mark.end() : end].strip()
            turns.append({"role": role, "text": text, "phase": move, "move": move})
        sessions.append(turns)
    return sessions


def load() -> dict:
    return yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8")) or {}


def export(out: Path, folder: str) -> int:
    judgments = load()
    seen: set[str] = set()
    parts: list[str] = []
    for path in sorted((HERE / folder).glob("*.md")):
        for number, turns in enumerate(read_transcript(path), start=1):
            for index, turn in enumerate(turns):
                if turn["role"] != "coach":
                    continue
                counts = measure.count_session(turns[: index + 1], judgments)
                mine = [r for r in counts.reflections if r in turn["text"]]
                wanted = [("complex", t) for t in mine] + [
                    ("meaningful", t) for t in counts.reasons if t in turn["text"]
                ]
                for field_name, text in wanted:
                    k = measure.key(text)
                    if k in seen or field_name in judgments.get(k, {}):
                        continue
                    seen.add(k)
                    before = turns[max(0, index - 6) : index]
                    context = "\n".join(f"{t['role'].upper()}: {t['text']}" for t in before)
                    parts.append(
                        f"### {k} ({field_name}) — {path.stem}, session {number}\n\n"
                        f"{context}\n\nCOACH TURN: {turn['text']}\n\nSENTENCE: {text}\n"
                    )
    out.write_text("\n".join(parts), encoding="utf-8")
    print(f"{len(parts)} to judge -> {out}")
    return 0


def merge(files: list[Path]) -> int:
    judgments = load()
    texts = {}
    for folder in ("transcripts", "transcripts_unseen"):
        for path in (HERE / folder).glob("*.md"):
            for turns in read_transcript(path):
                counts = measure.count_session(turns, {})
                for text in [*counts.reflections, *counts.reasons]:
                    texts.setdefault(measure.key(text), text)
    added = 0
    for file in files:
        for item in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            k = str(item["key"])
            text = item.get("text") or texts.get(k)
            if text is None:
                print(f"unknown key {k} in {file}: skipped")
                continue
            entry = judgments.setdefault(k, {})
            entry.update({f: item[f] for f in FIELDS if f in item})
            entry["text"] = text
            added += 1
    header = "".join(
        line
        for line in JUDGMENTS.read_text(encoding="utf-8").splitlines(True)
        if line.startswith("#")
    )
    body = yaml.safe_dump(judgments, sort_keys=True, allow_unicode=True, width=110)
    JUDGMENTS.write_text(header + body, encoding="utf-8")
    print(f"{added} judgments merged")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["export"] and len(argv) >= 2:
        folder = "transcripts_unseen" if "--unseen" in argv else "transcripts"
        return export(Path(argv[1]), folder)
    if argv[:1] == ["merge"] and len(argv) >= 2:
        return merge([Path(a) for a in argv[1:]])
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
