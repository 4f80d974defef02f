"""The recommendations the State received in the previous cycle, as exported from OHCHR's UPR
matrices: `report/previous-recommendations.csv` (or `.yaml`), one recommendation per row, read with
the file and line of every value so each mistake can be pointed at."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import yaml

from ..errors import Problems, Source
from ..i18n import LABELS
from .recommendation_metadata import PREVIOUS

CSV_PATH = "report/previous-recommendations.csv"
YAML_PATH = "report/previous-recommendations.yaml"

# Column: the names it goes by in OHCHR matrices, UPR Info's database and coalitions' spreadsheets.
COLUMNS = {
    "number": ("number", "no", "no.", "recommendation number", "rec", "paragraph", "número", "n.º", "numéro",
               "n°"),
    "text": ("text", "recommendation", "recommendation text", "recomendación", "recommandation"),
    "state": ("state", "recommending state", "recommending_state", "states", "recommending states",
              "estado recomendante", "estado", "état auteur", "état"),
    "position": ("position", "response", "state response", "state_response", "posición", "respuesta", "réponse"),
    "source": ("source", "source of position", "source_of_position", "document", "symbol", "fuente",
               "fuente de la posición", "source de la position"),
    "assessment": ("assessment", "implementation", "status", "level of implementation", "evaluación",
                   "évaluation"),
    "comment": ("comment", "comments", "assessment/comments on level of implementation", "comentarios",
                "commentaires"),
}
# Positions and assessments as OHCHR's and UPR Info's matrices write them in each language (Accepted and
# Rejected as UPR Info's older entries do), kept in English: the report prints them in its own language.
POSITIONS = {"accepted": "Supported", "rejected": "Noted", "aceptada": "Supported", "rechazada": "Noted",
             "se toma nota": "Noted", "acceptée": "Supported", "rejetée": "Noted", "prise en note": "Noted",
             **{label[key].lower(): key for label in LABELS.values() for key in ("Supported", "Noted")}}
ASSESSMENTS = {"fully implemented": "implemented", "partially": "partially implemented", "": "",
               **{label[key].lower(): key for label in LABELS.values()
                  for key in ("implemented", "partially implemented", "not implemented")}}


@dataclass(frozen=True, slots=True)
class PreviousRecommendation:
    number: str  # 28.212
    text: str
    state: str  # the recommending State(s)
    position: str  # Supported or Noted
    source: str  # the document symbol, e.g. A/HRC/40/6/Add.1
    assessment: str  # implemented, partially implemented, not implemented, or "" (not assessed)
    comment: str
    origin: Source  # where it is written


def read_previous(text: str, path: str, problems: Problems) -> tuple[PreviousRecommendation, ...]:
    """Read the previous-cycle file's text (CSV or YAML, by `path`); mistakes go to `problems`."""
    rows = _yaml_rows(text, path, problems) if path.endswith((".yaml", ".yml")) else _csv_rows(text, path, problems)
    out, seen = [], {}
    for line, row in rows:
        item = _recommendation(row, Source(path, line), problems)
        if item is None:
            continue
        if item.number in seen:
            problems.error(item.origin, f"recommendation {item.number} is listed twice "
                                        f"(first on line {seen[item.number]})")
            continue
        seen[item.number] = line
        out.append(item)
    return tuple(out)


def _csv_rows(text: str, path: str, problems: Problems):
    first = text.split("\n", 1)[0]  # Excel saves CSV with ';' where the decimal mark is ',' (es, fr …)
    reader = csv.reader(io.StringIO(text), delimiter=max(",;\t", key=first.count))
    header = next(reader, None)
    if not header:
        problems.error(Source(path, 1), "the file is empty; its first line must name the columns")
        return []
    names = {}
    for index, name in enumerate(header):
        column = _column(name)
        if column and column not in names.values():
            names[index] = column
    if "number" not in names.values():
        problems.error(Source(path, 1), "no 'number' column (the recommendation's number, e.g. 28.212)")
        return []
    rows = []
    for values in reader:
        if any(v.strip() for v in values):
            rows.append((reader.line_num, {names[i]: v for i, v in enumerate(values) if i in names}))
    return rows


def _yaml_rows(text: str, path: str, problems: Problems):
    from ..errors import ReportError
    from .schema import compose

    try:
        node = compose(text, path, problems=problems)
    except ReportError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.error(Source(path, 1), "the file must be a list of recommendations, each with number, text, "
                                        "state, position, source, assessment")
        return []
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            problems.error(Source(path, line), "each recommendation must be a mapping (number: …, text: …)")
            continue
        row = {}
        for key, value in item.value:
            column = _column(str(key.value))
            if column is None:
                problems.error(Source(path, key.start_mark.line + 1), f"unknown key '{key.value}'; "
                                                                      f"use {', '.join(COLUMNS)}")
            elif isinstance(value, yaml.ScalarNode):
                row[column] = value.value
        rows.append((line, row))
    return rows


def _column(name: str) -> str | None:
    name = " ".join(name.strip().lower().replace("_", " ").split())
    return next((column for column, names in COLUMNS.items() if name in names), None)


def _recommendation(row: dict, origin: Source, problems: Problems) -> PreviousRecommendation | None:
    number = row.get("number", "").strip()
    if not PREVIOUS.fullmatch(number):
        problems.error(origin, f"'{number}' is not a recommendation number as OHCHR writes it, e.g. 28.212")
        return None
    position = row.get("position", "").strip()
    if position and position.lower() not in POSITIONS:
        problems.error(origin, f"position of {number} must be Supported or Noted, not '{position}'")
    assessment = row.get("assessment", "").strip()
    if assessment.lower() not in ASSESSMENTS:
        problems.error(origin, f"assessment of {number} must be implemented, partially implemented or not "
                               f"implemented (or empty), not '{assessment}'")
    return PreviousRecommendation(
        number=number, text=" ".join(row.get("text", "").split()), state=row.get("state", "").strip(),
        position=POSITIONS.get(position.lower(), position), source=row.get("source", "").strip(),
        assessment=ASSESSMENTS.get(assessment.lower(), assessment), comment=row.get("comment", "").strip(),
        origin=origin)
