"""What every output model shares: the base class, and the model -> JSON data step of the CLI and the API.

Builders create models with :meth:`Output.of` (pydantic's ``model_construct``, faster): the values are
the library's own, already of the declared types, and validating them again would cost time on every
request and turn integers into floats where a field is a float (``3`` would print as ``3.0``). The
tests validate every document of every year against its model instead (``tests/output``).

>>> class Pair(Output):
...     a: int
...     b: float | None = None
>>> document(Pair.of(a=1)), document(Pair.of(a=1, b=None))
({'a': 1}, {'a': 1, 'b': None})
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime
from typing import Any, Literal, Self

import numpy as np
import pandas as pd
from pydantic import BaseModel, TypeAdapter

from electoral.margins import MARGINS

# The registered margin definitions (electoral.margins): an enum in the OpenAPI schema.
MarginName = Literal.__getitem__(tuple(MARGINS))  # type: ignore[misc]


_set = object.__setattr__


class Output(BaseModel):
    """Base class of the output models (the response models of the OpenAPI schema)."""

    @classmethod
    def of(cls, **values: Any) -> Self:
        """The model holding ``values`` as given: :meth:`model_construct` for builders, at under half its cost.

        Builders give every field, except optional ones they leave out of the document on purpose (those
        are not set, and :func:`document` omits them); no defaults are filled in and nothing is validated.

        >>> class Pair(Output):
        ...     a: int
        >>> Pair.of(a=1) == Pair.model_construct(a=1)
        True
        """
        model = cls.__new__(cls)
        _set(model, "__dict__", values)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        _set(model, "__pydantic_private__", None)
        return model


def document(model: BaseModel) -> Any:
    """The JSON data of an output model: its fields in declared order, by alias; fields a builder left
    unset (optional keys, such as a unit's ``tipping_point`` of an exact distribution) are left out. A value
    of a subclass of its field's model is written as the subclass (a unit row of other sides than D's)."""
    return model.model_dump(by_alias=True, exclude_unset=True, warnings=False, serialize_as_any=True)


_TIMES: TypeAdapter[datetime | date] = TypeAdapter(datetime | date)


def to_jsonable(value: Any) -> Any:
    """Convert output models, dataclasses, numpy values and tuples into plain JSON types (NaN becomes null).

    >>> to_jsonable({"a": (np.int64(1), float("nan"))})
    {'a': [1, None]}
    """
    if isinstance(value, BaseModel):
        return to_jsonable(document(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if not f.name.startswith("_")}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return to_jsonable(value.tolist())
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (datetime, date)):  # as pydantic writes them (the API's JSON)
        return _TIMES.dump_python(value, mode="json")
    return value


def finite_or_none(value: float | None) -> float | None:
    """A finite float, or None (for NaN, infinities and None).

    >>> finite_or_none(float("nan")), finite_or_none(2)
    (None, 2.0)
    """
    return float(value) if value is not None and math.isfinite(value) else None


def frame_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a DataFrame as dicts, with pandas' missing values (NA, NaN) as ``None``.

    >>> frame_records(pd.DataFrame({"a": [1, None]}))
    [{'a': 1.0}, {'a': None}]
    """
    return df.astype(object).where(df.notna(), None).to_dict(orient="records")
