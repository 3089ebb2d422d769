"""The 0.7 % pledge, figure by figure. Plain Python.

The pledge of industrialized countries recalled in resolution 56/4's preamble
is ODA of 0.7 per cent of gross national income. For a donor's figure:

- the *distance* is its ODA/GNI minus 0.7, in percentage points (negative
  below the pledge);
- what meeting it *would have cost that year* is the ODA the pledge asked
  for less the ODA given. The source gives ODA and ODA/GNI, not GNI, so GNI is
  read back from them: GNI = ODA / ratio × 100, and 0.7 % of it is
  ODA / ratio × 0.7. The cost is ODA / ratio × 0.7 − ODA, in the same current
  USD millions as the ODA, and zero for a donor at or above 0.7 %. Since the
  sources round the ratio to two decimals, the cost is as exact as that
  rounding allows (about half a per cent for a ratio near 1 %, a few per cent
  for ratios near 0.1 %).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

TARGET_PERCENT = Decimal("0.70")
CENT = Decimal("0.01")


def meets(ratio: Decimal | None) -> bool | None:
    return None if ratio is None else ratio >= TARGET_PERCENT


def distance_points(ratio: Decimal | None) -> Decimal | None:
    return None if ratio is None else ratio - TARGET_PERCENT


def cost_to_meet(oda_usd_millions: Decimal, ratio: Decimal | None) -> Decimal | None:
    """USD millions more it would have taken to reach 0.7 % that year (0 if reached)."""
    if ratio is None or ratio <= 0:
        return None
    if ratio >= TARGET_PERCENT:
        return Decimal("0.00")
    needed = oda_usd_millions / ratio * TARGET_PERCENT
    return (needed - oda_usd_millions).quantize(CENT, rounding=ROUND_HALF_UP)
