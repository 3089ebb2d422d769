"""The vocabulary of good practices (op. 6, 8 and 10 of resolution 56/4).

Plain Python: records store the codes, labels are resolved in the reader's
language when shown. Themes live in the database, because the secretariat adds
them; everything else is fixed here.
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from solidarity.accounts.models import OrganizationType


class Level(models.TextChoices):
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    INTERNATIONAL = "international", _("International")


class CountryRole(models.TextChoices):
    PROVIDER = "provider", _("Provider")
    PARTNER = "partner", _("Partner")
    BENEFICIARY = "beneficiary", _("Beneficiary")


class Modality(models.TextChoices):
    SOUTH_SOUTH = "south_south", _("South-South cooperation")
    TRIANGULAR = "triangular", _("Triangular cooperation")
    NORTH_SOUTH = "north_south", _("North-South cooperation")
    HUMANITARIAN = "humanitarian", _("Humanitarian assistance")
    TECHNICAL = "technical_cooperation", _("Technical cooperation")
    CAPACITY = "capacity_building", _("Capacity-building")
    TECHNOLOGY = "technology_transfer", _("Technology transfer")
    NETWORKS = "civil_society_networks", _("Civil-society networks")


class HumanRight(models.TextChoices):
    LIFE = "life", _("Right to life")
    HEALTH = "health", _("Right to health")
    FOOD = "food", _("Right to food")
    WATER = "water_sanitation", _("Rights to water and sanitation")
    HOUSING = "housing", _("Right to adequate housing")
    EDUCATION = "education", _("Right to education")
    WORK = "work", _("Right to work")
    SOCIAL_SECURITY = "social_security", _("Right to social security")
    DEVELOPMENT = "development", _("Right to development")
    ENVIRONMENT = "healthy_environment", _("Right to a clean, healthy and sustainable environment")
    SOLIDARITY = "international_solidarity", _("Right to international solidarity")
    SELF_DETERMINATION = "self_determination", _("Right of peoples to self-determination")
    EQUALITY = "equality", _("Equality and non-discrimination")
    WOMEN = "women", _("Rights of women")
    CHILDREN = "children", _("Rights of the child")
    DISABILITIES = "persons_with_disabilities", _("Rights of persons with disabilities")
    INDIGENOUS = "indigenous_peoples", _("Rights of Indigenous Peoples")
    MIGRANTS = "migrants", _("Rights of migrants")


ActorType = OrganizationType

# The 17 Sustainable Development Goals (A/RES/70/1), by number.
SDG_GOALS = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the Goals"),
}

# A target is "goal.number" (1.1) or "goal.letter" (3.d), as numbered in A/RES/71/313.
_TARGET = re.compile(r"^(\d{1,2})\.(\d{1,2}|[a-z])$")


def sdg_target_goal(code: str) -> int | None:
    """The goal of a well-formed target code such as "2.1" or "17.a", else None."""
    match = _TARGET.match(code.strip())
    if not match:
        return None
    goal = int(match.group(1))
    return goal if goal in SDG_GOALS else None


def sdg_label(goal: int) -> str:
    return f"{goal}. {SDG_GOALS[goal]}" if goal in SDG_GOALS else str(goal)
