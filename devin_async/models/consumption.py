"""ACU consumption, day by day (v3 organization and enterprise)."""

from __future__ import annotations

from datetime import datetime

from ._base import Model, model

__all__ = ["AcusByProduct", "Consumption", "ConsumptionByDate"]


@model
class AcusByProduct(Model):
    devin: float = 0.0
    cascade: float = 0.0
    terminal: float = 0.0


@model
class ConsumptionByDate(Model):
    date: datetime
    acus: float
    acus_by_product: AcusByProduct


@model
class Consumption(Model):
    total_acus: float
    consumption_by_date: list[ConsumptionByDate]
