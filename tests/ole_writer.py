"""A minimal writer of OLE compound files (MS-CFB version 3, 512-byte sectors), for tests only.

olefile reads compound files but cannot write them, and the test .msg files are built by code, not
committed. A tree is a dict: a name maps to bytes (a stream) or to a dict (a storage). Streams under
4,096 bytes go in the mini stream, as the format requires; siblings are chained through their right
pointers in the format's order (shorter names first), which every reader walks as a tree.
"""

from __future__ import annotations

import struct

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STORAGE, STREAM, ROOT = 1, 2, 5

Tree = dict[str, "bytes | Tree"]


def compound_file(tree: Tree) -> bytes:
    entries: list[dict] = [{"name": "Root Entry", "type": ROOT, "data": b"", "children": []}]

    def add(storage: Tree, parent: int) -> None:
        for name in sorted(storage, key=lambda n: (len(n), n.upper())):
            value = storage[name]
            index = len(entries)
            entries[parent]["children"].append(index)
            if isinstance(value, dict):
                entries.append({"name": name, "type": STORAGE, "data": b"", "children": []})
                add(value, index)
            else:
                entries.append({"name": name, "type": STREAM, "data": value, "children": []})

    add(tree, 0)
    # The mini stream and its FAT.
    mini_stream, mini_fat = bytearray(), []
    for entry in entries:
        data = entry["data"]
        if entry["type"] == STREAM and len(data) < MINI_CUTOFF:
            count = -(-len(data) // MINI_SECTOR)
            entry["start"] = len(mini_fat) if count else END_OF_CHAIN
            mini_fat.extend(range(len(mini_fat) + 1, len(mini_fat) + count))
            if count:
                mini_fat.append(END_OF_CHAIN)
            mini_stream += data + bytes(count * MINI_SECTOR - len(data))
    # Regular sectors: big streams, the mini stream, the mini FAT, the directory.
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = -(-len(data) // SECTOR)
        if not count:
            return END_OF_CHAIN
        first = len(sectors)
        for number in range(count):
            sectors.append(data[number * SECTOR : (number + 1) * SECTOR].ljust(SECTOR, b"\x00"))
            fat.append(first + number + 1 if number < count - 1 else END_OF_CHAIN)
        return first

    for entry in entries:
        if entry["type"] == STREAM and len(entry["data"]) >= MINI_CUTOFF:
            entry["start"] = place(entry["data"])
    entries[0]["start"] = place(bytes(mini_stream))
    entries[0]["data"] = bytes(mini_stream)
    mini_fat_bytes = struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    mini_fat_start = place(mini_fat_bytes.ljust(-(-len(mini_fat_bytes) // SECTOR) * SECTOR, b"\xff"))
    directory = b"".join(_entry(entries, index) for index in range(len(entries)))
    directory += _unused_entry() * (-len(entries) % 4)
    directory_start = place(directory)
    # The FAT sectors themselves, at the end, marked as such.
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = len(fat)
    fat.extend([FAT_SECTOR] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    sectors.extend(fat_bytes[n * SECTOR : (n + 1) * SECTOR] for n in range(fat_count))
    if fat_count > 109:
        raise ValueError("more than 109 FAT sectors (about 6.8 MB) need DIFAT sectors, which this writer leaves out")
    difat = [fat_start + n for n in range(fat_count)] + [FREE] * (109 - fat_count)
    header = (
        SIGNATURE
        + bytes(16)
        + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, fat_count, directory_start, 0,
                      MINI_CUTOFF, mini_fat_start if mini_fat else END_OF_CHAIN,
                      -(-len(mini_fat_bytes) // SECTOR), END_OF_CHAIN, 0)
        + struct.pack("<109I", *difat)
    )
    return header + b"".join(sectors)


def _entry(entries: list[dict], index: int) -> bytes:
    entry = entries[index]
    name = entry["name"].encode("utf-16-le") + b"\x00\x00"
    children = entry["children"]
    child = children[0] if children else NO_STREAM
    right = NO_STREAM
    for siblings in (e["children"] for e in entries):
        if index in siblings and siblings.index(index) + 1 < len(siblings):
            right = siblings[siblings.index(index) + 1]
    start = entry.get("start", END_OF_CHAIN)
    return (
        name.ljust(64, b"\x00")
        + struct.pack("<HBBIII", len(name), entry["type"], 1, NO_STREAM, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, len(entry["data"]) if entry["type"] != STORAGE else 0)
    )


def _unused_entry() -> bytes:
    return bytes(64) + struct.pack("<HBBIII", 0, 0, 0, NO_STREAM, NO_STREAM, NO_STREAM) + bytes(36) + bytes(12)
