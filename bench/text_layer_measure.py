"""Validate the poor-OCR-layer measure (`pipeline/readers/text_layer.py`) on generated pages.

Good pages: the text of every page of the sample bundles' text PDFs, as PDFium gives it. Bad pages:
the same pages with OCR confusions put into a share of their words (`m` as `rn`, `h` as `li`, `o`
as `0` in a word, `0` as `O` in a number...), as a scanner's OCR layer shows them. Prints, for the
good pages and for each corruption rate, how many pages the measure calls poor.

    python bench/text_layer_measure.py [sample_docs/bundles]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.readers.text_layer import POOR_SHARE, layer_quality

# What a bad OCR layer writes for a letter (the reverse of text_layer.CONFUSIONS, mostly).
CORRUPTIONS = (("m", "rn"), ("h", "li"), ("d", "cl"), ("w", "vv"), ("u", "ii"), ("e", "c"), ("i", "l"),
               ("l", "1"), ("o", "0"), ("s", "5"), ("a", "4"), ("O", "0"), ("0", "O"), ("1", "l"), ("n", "u"))


def corrupt(text: str, rate: float, rng: random.Random) -> str:
    def one(word: str) -> str:
        if rng.random() >= rate:
            return word
        choices = [(wrong, right) for wrong, right in CORRUPTIONS if wrong in word]
        if not choices:
            return word
        wrong, right = rng.choice(choices)
        at = rng.choice([i for i in range(len(word)) if word.startswith(wrong, i)])
        return word[:at] + right + word[at + len(wrong):]

    return " ".join(one(word) for word in text.split(" "))


def pages(root: Path) -> list[tuple[str, str]]:
    found, seen = [], set()
    for path in sorted(root.rglob("*.pdf")):
        data = path.read_bytes()
        if data in seen:
            continue
        seen.add(data)
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            continue
        for number in range(len(pdf)):
            text = pdf[number].get_textpage().get_text_range()
            if len(text.split()) >= 20:
                found.append((f"{path.relative_to(root)} p{number + 1}", text))
        pdf.close()
    return found


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "sample_docs/bundles")
    good = pages(root)
    rng = random.Random(13)
    print(f"{len(good)} text pages of {root} with 20 words or more; poor at a near-miss share of {POOR_SHARE:.0%}")
    flagged = [(name, layer_quality(text)) for name, text in good]
    shares = sorted(q.share for _, q in flagged)
    print(f"good pages called poor: {sum(q.poor for _, q in flagged)} of {len(good)}; "
          f"share median {shares[len(shares) // 2]:.3f}, 99th percentile {shares[int(len(shares) * .99)]:.3f}, max {shares[-1]:.3f}")
    for name, quality in flagged:
        if quality.poor:
            print(f"  {name}: {quality.near_misses}/{quality.words} {quality.examples}")
    for rate in (0.05, 0.1, 0.2, 0.3):
        bad = [layer_quality(corrupt(text, rate, rng)) for _, text in good]
        bad_shares = sorted(q.share for q in bad)
        print(f"words corrupted {rate:.0%}: called poor {sum(q.poor for q in bad)} of {len(bad)}; "
              f"share median {bad_shares[len(bad_shares) // 2]:.3f}, 1st percentile {bad_shares[int(len(bad_shares) * .01)]:.3f}")


if __name__ == "__main__":
    main()
