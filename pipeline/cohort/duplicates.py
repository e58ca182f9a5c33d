"""Duplicates found through keyed hashes, never by keeping values (bundle.md, "Reading").

Each value is hashed with BLAKE2b under a key made afresh for each run and never stored, to 64
bits; the hashes and row numbers sit in compact arrays (16 bytes a row for three keys and the row),
sorted once at the end. Two different values share a hash about once in 10^7 files of a million rows.
"""

from __future__ import annotations

import os
from array import array
from hashlib import blake2b

import numpy as np

BLANK = 0  # the hash of "no value": never grouped


class KeyedHasher:
    def __init__(self) -> None:
        self._key = os.urandom(32)

    def __call__(self, value: str) -> int:
        if not value:
            return BLANK
        digest = blake2b(value.encode("utf-8", "surrogatepass"), key=self._key, digest_size=8).digest()
        return int.from_bytes(digest, "little") or 1


class HashColumns:
    """Per participant row: its row number and the hashes of its unique reference, its NHS number and
    its identifier columns together."""

    def __init__(self) -> None:
        self.rows = array("I")
        self.refs = array("Q")
        self.nhs = array("Q")
        self.ids = array("Q")

    def add(self, row: int, ref: int, nhs: int, ids: int) -> None:
        self.rows.append(row)
        self.refs.append(ref)
        self.nhs.append(nhs)
        self.ids.append(ids)

    def repeated_refs(self) -> np.ndarray:
        """The rows whose unique reference is on another row too, in order."""
        return _rows_in_groups(_as_array(self.refs), _as_array(self.rows, np.uint32))

    def same_person(self) -> np.ndarray:
        """The rows that share an NHS number, or every identifier, with a row under another reference."""
        rows = _as_array(self.rows, np.uint32)
        refs = _as_array(self.refs)
        found = np.concatenate(
            [
                _rows_in_groups(_as_array(self.nhs), rows, refs),
                _rows_in_groups(_as_array(self.ids), rows, refs),
            ]
        )
        return np.unique(found)


def _as_array(values: array, dtype=np.uint64) -> np.ndarray:
    return np.frombuffer(values, dtype=dtype) if len(values) else np.zeros(0, dtype=dtype)


def _rows_in_groups(keys: np.ndarray, rows: np.ndarray, refs: np.ndarray | None = None) -> np.ndarray:
    """The rows whose key (not blank) is shared with another row; with `refs`, only groups that hold
    more than one distinct reference count."""
    if len(keys) < 2:
        return np.zeros(0, dtype=np.uint32)
    order = np.lexsort((refs, keys)) if refs is not None else np.argsort(keys, kind="stable")
    k = keys[order]
    starts = np.empty(len(k), dtype=bool)
    starts[0] = True
    starts[1:] = k[1:] != k[:-1]
    group = np.cumsum(starts) - 1
    sizes = np.bincount(group)
    keep = sizes[group] > 1
    if refs is not None:
        r = refs[order]
        new_ref = np.empty(len(r), dtype=bool)
        new_ref[0] = True
        new_ref[1:] = (r[1:] != r[:-1]) | starts[1:]
        distinct = np.bincount(group, weights=new_ref)
        keep &= distinct[group] > 1
    keep &= k != 0
    return np.sort(rows[order][keep])
