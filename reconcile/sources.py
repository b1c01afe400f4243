"""Files and folders -> Source: the text exactly as stored, and the article's metadata.

Three kinds of file: articles as text (`.txt`, `.md`), saved web pages (`.html`, `.htm`: the
main text extracted, see `pages`), and JSON Lines (`.jsonl`: one article a line, its `text` or
its page's `html`). Metadata comes from a leading ` date YYYY-MM-DD` prefix, YAML front matter
(`date`, `outlet`, `title`, `lang`), a page's own metadata or a JSON Lines record's fields, or
the caller (`--published ID=DATE`, `--outlet ID=NAME`, `--lang ID=LANG`), the caller winning.
An unknown date stays unknown: nothing here reads the clock; an unknown language is detected
later, from the rule packs.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

import charset_normalizer
import yaml

from .errors import InputError
from .model import Skipped, Source, line_starts
from .pages import PAGE_SUFFIXES, EmptyPage, declared_charset, read_page
from .yamlio import load_yaml

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIX = ".jsonl"
SUFFIXES = (*TEXT_SUFFIXES, *PAGE_SUFFIXES, JSONL_SUFFIX)
# A page's <html lang="de-AT">: the language before any region.
_PAGE_LANGUAGE = re.compile(r"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)

_DATE_PREFIX = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s)[ \t]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# NUL bytes in one byte in this many (or one in a short file) make a file binary.
_BINARY_SHARE = 1000
# Single-byte code pages a detector may name for Western text that Windows-1252 reads as well.
_WESTERN = ("latin-1", "iso8859-15", "cp1252", "cp850", "cp437", "mac-roman", "iso8859-2", "cp1250")
# How far into a page its <html lang> is looked for.
_PAGE_HEAD = 4096
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand each path: a file stands for itself, a folder for its articles, pages and JSON Lines by name."""
    return [path for path, _ in _found(paths)]


def _found(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Each file to read, and whether it was found inside a folder (rather than named)."""
    found: list[tuple[Path, bool]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = files_in(path, SUFFIXES)
            if not inside:
                raise InputError(f"{given}: no .txt, .md, .html, .htm or .jsonl files in this folder")
            found.extend((p, True) for p in inside)
        elif path.is_file():
            found.append((path, False))
        else:
            raise InputError(f"{given}: no such file or folder")
    return found


def files_in(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files under `folder` with one of `suffixes`, by name, hidden ones left out.

    A link that leads nowhere (or round in a loop) is kept, to be reported as skipped.
    """
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in suffixes
                  and (p.is_file() or p.is_symlink()) and not _hidden(p.relative_to(folder)))


def load_sources(paths: Iterable[str | Path], *, published: Mapping[str, str | dt.date] | None = None,
                 outlets: Mapping[str, str] | None = None,
                 languages: Mapping[str, str] | None = None) -> tuple[Source, ...]:
    """Read every source under `paths`; `published`, `outlets` and `languages` override metadata by id."""
    return read_sources(paths, published=published, outlets=outlets, languages=languages)[0]


def read_sources(paths: Iterable[str | Path], *, published: Mapping[str, str | dt.date] | None = None,
                 outlets: Mapping[str, str] | None = None, languages: Mapping[str, str] | None = None,
                 ) -> tuple[tuple[Source, ...], tuple[Skipped, ...]]:
    """Every source under `paths`, and the files inside folders that could not be read, with why.

    A file named on its own that cannot be read is an error; one found inside a folder is
    skipped and listed, so that one stray file does not stop a run. A folder with nothing
    readable is an error.
    """
    files = _found(paths)
    ids = _unique_ids([path for path, _ in files])
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for (path, inside), source_id in zip(files, ids, strict=True):
        try:
            read, empty = read_file(path, source_id)
        except EmptyPage as err:
            # A page read without fault that holds no article is listed, named or not.
            skipped.append(Skipped(str(path), str(err).removeprefix(f"{path}: ")))
            continue
        except InputError as err:
            if not inside:
                raise
            skipped.append(Skipped(str(path), str(err).removeprefix(f"{path}: ")))
            continue
        sources.extend(read)
        skipped.extend(empty)
    if not sources:
        raise InputError("nothing readable: " + "; ".join(f"{s.path}: {s.reason}" for s in skipped))
    seen: dict[str, str] = {}
    for source in sources:
        if source.id in seen:
            raise InputError(f"{source.path}: article id {source.id!r} is also used by {seen[source.id]}")
        seen[source.id] = source.path
    known = {s.id for s in sources}
    for option, given in (("--published", published or {}), ("--outlet", outlets or {}), ("--lang", languages or {})):
        for source_id in given:
            if source_id not in known:
                raise InputError(f"{option} {source_id}=...: no source with id {source_id!r} "
                                 f"(ids: {', '.join(sorted(known))})")
    return tuple(override_metadata(s, published or {}, outlets or {}, languages or {}) for s in sources), tuple(skipped)


def read_file(path: Path, source_id: str | None = None) -> tuple[list[Source], list[Skipped]]:
    """The articles of one file by its kind, and the records of a JSON Lines file holding none."""
    suffix = path.suffix.lower()
    if suffix == JSONL_SUFFIX:
        return read_jsonl(path)
    if suffix in PAGE_SUFFIXES:
        return [read_page_source(path, source_id)], []
    return [read_source(path, source_id)], []


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        reason = "a link that leads nowhere or round in a loop" if path.is_symlink() else (err.strerror or str(err))
        raise InputError(f"{path}: cannot read ({reason})") from None


def read_page_source(path: Path, source_id: str | None = None) -> Source:
    """Read a saved web page as a Source: its main text, with the page's own metadata."""
    html, encoding = decode_page(_bytes(path), path)
    return _page_source(html, source_id or path.stem, str(path), encoding)


def _page_source(html: str, source_id: str, where: str, encoding: str, *, url: str | None = None) -> Source:
    page = read_page(html, where, url=url)
    language = _PAGE_LANGUAGE.search(html[:_PAGE_HEAD])
    return Source(id=source_id, path=where, text=page.text, title=page.title, outlet=page.outlet, url=page.url,
                  published=_date(page.published, where, "page date") if page.published else None,
                  language=language.group(1).lower() if language else None, encoding=encoding, extracted=True,
                  line_starts=line_starts(page.text))


def decode_page(raw: bytes, path: Path) -> tuple[str, str]:
    """A page's text: by its byte-order mark, else the character set it declares, else as any text file."""
    charset = None if any(raw.startswith(bom) for bom, _ in _BOMS) else declared_charset(raw)
    if charset is not None:
        try:
            return raw.decode(charset), charset
        except UnicodeDecodeError:
            pass
    return decode(raw, path)


def read_jsonl(path: Path) -> tuple[list[Source], list[Skipped]]:
    """The articles of a JSON Lines file: one a line, with `id` and `text` (or a page's `html`).

    Optional fields: `published` (ISO date), `outlet`, `title`, `url`, `lang`; they win over what
    a page says of itself. A malformed line is an error naming its file and line; a page with no
    article text is listed as skipped.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({getattr(err, 'strerror', None) or err})") from None
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{where}: not valid JSON ({err.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) \
                or not (isinstance(record.get("text"), str) or isinstance(record.get("html"), str)):
            raise InputError(f"{where}: an article needs a string 'id' and 'text' (or 'html')")
        try:
            sources.append(_record_source(record, where))
        except EmptyPage as err:
            skipped.append(Skipped(where, str(err).removeprefix(f"{where}: ")))
    return sources, skipped


def _record_source(record: dict, where: str) -> Source:
    given = {key: str(record[key]) for key in ("outlet", "title", "url") if record.get(key) is not None}
    if isinstance(record.get("text"), str):
        text = record["text"]
        source = Source(id=record["id"], path=where, text=text, line_starts=line_starts(text))
    else:
        source = _page_source(record["html"], record["id"], where, "utf-8", url=given.get("url"))
    published = record.get("published")
    changes: dict = dict(given)
    if published:
        try:
            changes["published"] = dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            raise InputError(f"{where}: 'published' is not a date: {published!r}") from None
    if record.get("lang") is not None:
        changes["language"] = str(record["lang"]).strip().lower()
    return replace(source, **changes) if changes else source


def read_source(path: Path, source_id: str | None = None) -> Source:
    """Read one text file as a Source; its id defaults to the file name without extension."""
    raw = _bytes(path)
    text, encoding = decode(raw, path)
    meta, body_start = parse_metadata(text, path)
    return Source(
        id=source_id or path.stem,
        path=str(path),
        text=text,
        published=meta.get("published"),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        language=meta.get("language"),
        encoding=encoding,
        body_start=body_start,
        line_starts=line_starts(text),
    )


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Decode bytes without translating newlines; returns the text and the codec used."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                break
    if raw.count(b"\x00") >= max(1, len(raw) // _BINARY_SHARE):
        raise InputError(f"{path}: looks like a binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(raw)


def _legacy(raw: bytes) -> tuple[str, str]:
    """Legacy text: charset-normalizer decides, Windows-1252 winning wherever it is a candidate.

    Windows-1252 is the usual legacy encoding of English news text; a detector often hesitates
    between it and other single-byte code pages, and a pound sign or curly quotes saved by an
    old Windows editor must come back as written.
    """
    results = charset_normalizer.from_bytes(raw)
    candidates = [codecs.lookup(r.encoding).name for r in results]
    western = {codecs.lookup(c).name for c in _WESTERN}
    if not candidates or "cp1252" in candidates or candidates[0] in western:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if candidates:
        try:
            return raw.decode(candidates[0]), candidates[0]
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("latin-1"), "latin-1"


def parse_metadata(text: str, path: Path) -> tuple[dict, int]:
    """Metadata found at the top of the text, and the offset where the article begins."""
    prefix = _DATE_PREFIX.match(text)
    if prefix:
        return {"published": _date(prefix.group(1), path, "date prefix")}, prefix.end()
    front = _FRONT_MATTER.match(text)
    if not front:
        return {}, 0
    try:
        doc = load_yaml(front.group(1))
    except yaml.YAMLError as err:
        raise InputError(f"{path}: front matter is not valid YAML ({getattr(err, 'problem', err)})") from None
    if not isinstance(doc, dict):
        raise InputError(f"{path}: front matter must be a mapping of keys to values")
    meta: dict = {}
    date = doc.get("date", doc.get("published"))
    if date is not None:
        meta["published"] = _date(date, path, "front matter date")
    for key in ("outlet", "title"):
        if doc.get(key) is not None:
            meta[key] = str(doc[key])
    language = doc.get("lang", doc.get("language"))
    if language is not None:
        meta["language"] = str(language).strip().lower()
    return meta, front.end()


def parse_assignments(pairs: Iterable[str], option: str) -> dict[str, str]:
    """Parse `ID=VALUE` option values into a mapping."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(f"{option} expects ID=VALUE, got {pair!r}")
        result[key.strip()] = value.strip()
    return result


def _date(value: object, path: Path | str, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{path}: {what} {value!r} is not a date (YYYY-MM-DD)") from None


def override_metadata(source: Source, published: Mapping, outlets: Mapping, languages: Mapping) -> Source:
    """The source with the date, outlet and language given for its id (on the command line) instead of its own."""
    changes: dict = {}
    if source.id in languages:
        changes["language"] = languages[source.id].lower()
    if source.id in published:
        changes["published"] = _date(published[source.id], f"--published {source.id}", "value")
    if source.id in outlets:
        changes["outlet"] = outlets[source.id]
    if not changes:
        return source
    return replace(source, **changes)


def _unique_ids(files: list[Path]) -> list[str]:
    """File stems, made distinct by their folder (then a counter) where two files share one."""
    stems = Counter(p.stem for p in files)
    ids = [p.stem if stems[p.stem] == 1 else f"{p.parent.name}/{p.stem}" for p in files]
    seen: dict[str, int] = {}
    unique = []
    for source_id in ids:
        seen[source_id] = seen.get(source_id, 0) + 1
        unique.append(source_id if seen[source_id] == 1 else f"{source_id}~{seen[source_id]}")
    return unique


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
