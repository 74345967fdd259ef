#!/usr/bin/env python3
"""Merges labelled corpus files into train.jsonl and test.jsonl beside this script.

    python3 api/Classification/Corpus/split.py PART.jsonl [PART.jsonl ...]

Drops repeated ids and repeated messages (same sender, subject, body and attachment names),
then splits each (action, unit) stratum about 80/20 by a hash of the id: the lines of a stratum
with the lowest hashes are the test split, so a line keeps its side when others are added.
Deterministic: the same input gives byte-identical output.
"""
import hashlib
import json
import os
import sys
from collections import defaultdict

TEST_SHARE = 0.2


def id_hash(line_id):
    return hashlib.sha256(line_id.encode("utf-8")).hexdigest()


def content_key(message):
    names = tuple(a.get("name", "") for a in message.get("attachments") or [])
    text = " ".join((message.get("body") or message.get("bodyHtml") or "").split()).lower()
    return (message.get("from") or "", " ".join((message.get("subject") or "").split()).lower(), text, names)


def main(paths):
    if not paths:
        sys.exit(__doc__)
    lines, seen_ids, seen_content, dropped = [], set(), set(), 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    message = json.loads(raw)
                    expected = message["expected"]
                    key = content_key(message)
                except (json.JSONDecodeError, KeyError, TypeError) as error:
                    sys.exit(f"{path}, line {number}: {error}")
                if message["id"] in seen_ids or key in seen_content:
                    dropped += 1
                    continue
                seen_ids.add(message["id"])
                seen_content.add(key)
                lines.append((message["id"], (expected["action"], expected.get("unit") or ""), raw.strip()))

    strata = defaultdict(list)
    for line in lines:
        strata[line[1]].append(line)
    train, test = [], []
    for stratum in strata.values():
        stratum.sort(key=lambda line: id_hash(line[0]))
        cut = round(TEST_SHARE * len(stratum))
        test.extend(stratum[:cut])
        train.extend(stratum[cut:])

    folder = os.path.dirname(os.path.abspath(__file__))
    for name, part in (("train", train), ("test", test)):
        with open(os.path.join(folder, f"{name}.jsonl"), "w", encoding="utf-8", newline="\n") as out:
            for line in sorted(part, key=lambda line: line[0]):
                out.write(line[2] + "\n")
    print(f"{len(lines)} lines ({dropped} duplicates dropped): {len(train)} train, {len(test)} test")


if __name__ == "__main__":
    main(sys.argv[1:])
