"""P004 in the scale seed: consistent records, and nothing left for the scan to send."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q
from django.utils import timezone

from proyectos_acuerdo.avisos import avisar
from proyectos_acuerdo.models import Estado, PeriodoSesiones, ProyectoAcuerdo

pytestmark = pytest.mark.django_db


def test_the_seed_leaves_projects_at_every_stage_and_nothing_due():
    call_command("sembrar_escala", escala=0.05, stdout=io.StringIO())
    hoy = timezone.localdate()
    assert ProyectoAcuerdo.objects.count() == 100
    assert PeriodoSesiones.objects.count() >= 24
    estados = set(ProyectoAcuerdo.objects.values_list("estado", flat=True))
    assert {Estado.PUBLICADO, Estado.ARCHIVADO} <= estados
    assert not ProyectoAcuerdo.objects.filter(
        segundo_debate_fecha__lt=F("primer_debate_fecha")
    ).exists()
    assert not ProyectoAcuerdo.objects.filter(
        Q(fecha_radicacion__gt=hoy) | Q(fecha_sancion__gt=hoy) | Q(fecha_publicacion__gt=hoy)
    ).exists()
    conceptos = (
        ProyectoAcuerdo.objects.exclude(estado=Estado.FORMULACION)
        .annotate(n=Count("conceptos"))
        .values_list("n", flat=True)
    )
    assert set(conceptos) == {3}
    assert avisar() == 0
