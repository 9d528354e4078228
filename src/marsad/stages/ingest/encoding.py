"""Detect the encoding of Arabic text bytes: BOMs, UTF-8, UTF-16, Windows-1256, ISO-8859-6."""

from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

_ARABIC_WORDS = re.compile(r"(?:^|\s)(?:ال|في|من|على|إلى|عن|أن|التي|الذي)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode `data` and return (text, encoding name). Raises InputError for binary or empty data."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, path), enc
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return _strict(data, enc, path), enc
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, path)


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid {enc} text at byte {exc.start}") from None


def _looks_utf16(data: bytes) -> bool:
    head = data[:4000]
    if len(head) < 4:
        return False
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    # Arabic UTF-16 has 0x06 high bytes, ASCII has 0x00: either way one half is very regular.
    highs = max(head[1::2].count(6) + zeros_odd, head[0::2].count(6) + zeros_even)
    return highs > 0.6 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _decode_legacy(data: bytes, path: str) -> tuple[str, str]:
    """Pick between the legacy Arabic code pages by how Arabic the result reads."""
    declared = _META_CHARSET.search(data[:4096])
    candidates = ["cp1256", "iso8859_6"]
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        if name in ("iso-8859-6", "iso8859-6", "arabic"):
            candidates.reverse()
    best: tuple[int, str, str] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = len(_ARABIC_WORDS.findall(text))
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] > 0:
        return best[1], best[2]
    if _control_ratio(data) > 0.1:
        raise InputError(path, "binary file, not text")
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - core dependency
        raise InputError(path, "unknown text encoding") from None
    match = from_bytes(data).best()
    if match is None:
        raise InputError(path, "binary file or unknown text encoding")
    return str(match), match.encoding


def _control_ratio(data: bytes) -> float:
    sample = data[:4096]
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return ctrl / max(1, len(sample))
