"""The office's page of a published item's units: who leads, who consolidates, who cooperates,
what each has reported; and the forms that change it (``gongkai.plans.division``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.orgs.models import Unit
from gongkai.orgs.policy import policy
from gongkai.params import int_field
from gongkai.plans import division
from gongkai.plans.models import AssignmentRole, Item, PlanStatus


@login_required
def item_units(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    policy.require_manage(request.user, division.DENIED)
    item = get_object_or_404(Item.objects.select_related("plan"), pk=item_pk, plan_id=pk,
                             plan__status=PlanStatus.PUBLISHED)
    if request.method == "POST":
        _change(request, item)
        return redirect("plans:item_units", pk=pk, item_pk=item.pk)
    assignments = item.assignments.select_related("unit").annotate(reported=Count("reports")).order_by("order")
    assigned = [assignment.unit_id for assignment in assignments]
    return render(request, "plans/item_units.html", {
        "plan": item.plan, "item": item, "assignments": assignments, "roles": AssignmentRole.choices,
        "units": Unit.objects.filter(is_active=True).exclude(pk__in=assigned).order_by("sort_order", "name"),
    })


def _change(request: HttpRequest, item: Item) -> None:
    action = request.POST.get("action")
    try:
        chosen = int_field(request.POST, "unit", label="单位")
        if chosen is None:
            raise ValidationError("请选择单位。")
        if action == "coordinator":
            assignment = division.set_coordinator(item, chosen, actor=request.user)
            messages.success(request, f"已改由{assignment.unit.name}汇总报送。")
        elif action == "add":
            unit = get_object_or_404(Unit, pk=chosen)
            assignment = division.add_unit(item, unit, request.POST.get("role", ""), actor=request.user)
            messages.success(request, f"已把本事项分派给{unit.name}（{assignment.get_role_display()}）。")
        elif action == "remove":
            assignment = get_object_or_404(item.assignments.select_related("unit"), unit_id=chosen)
            division.remove_unit(assignment, actor=request.user)
            messages.success(request, f"{assignment.unit.name}已不再承担本事项。")
        else:
            raise ValidationError("未知的操作。")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
