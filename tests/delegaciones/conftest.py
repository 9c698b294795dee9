"""Fixtures of P001: an instancia of Salud, its sessions and delegations in any state.

despacho (Despacho de Gobierno, Secretaría de Gobierno) coordinates; directivo_salud (head
of Salud) is the usual delegate; enlace_salud drafts fichas of Salud; directivo_educacion is
of another organism; consulta (Control Interno) reads everything and writes nothing.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from buengobierno.plazos.calendario import es_dia_habil, sumar_dias_habiles
from delegaciones import services
from delegaciones.models import Delegacion, Instancia, Sesion
from tests.conftest import momento

INSTRUCCIONES = "Votar a favor del plan de acción; no comprometer recursos adicionales."


@pytest.fixture
def instancia(despacho, otro_organismo, directivo_salud):
    return Instancia.objects.create(
        nombre="Junta Directiva de la Red de Salud del Oriente E.S.E.",
        tipo=Instancia.Tipo.JUNTA_DIRECTIVA,
        entidad_convocante="Red de Salud del Oriente E.S.E.",
        norma="Acuerdo 0106 de 2003",
        periodicidad=Instancia.Periodicidad.MENSUAL,
        organismo=otro_organismo,
        delegado_habitual=directivo_salud,
        creado_por=despacho,
    )


@pytest.fixture
def nueva_sesion(instancia, despacho, hoy):
    """nueva_sesion(dias=5, **datos) -> a session `dias` days from today at 9:00."""

    def crear(dias=5, **datos):
        datos = {"instancia": instancia, "inicio": momento(hoy + timedelta(days=dias)), **datos}
        return services.registrar_sesion(datos=datos, archivos={}, usuario=despacho)

    return crear


def firmar(delegacion, despacho) -> Delegacion:
    """Record the letter as signed in Daruma (which notifies the delegate)."""
    return services.registrar_firma(
        delegacion=delegacion,
        usuario=despacho,
        radicado=f"20264112020{delegacion.pk:06d}",
        fecha_radicado=timezone.localdate(),
        trd="4112.020.22.2.1020.000697",
    )


@pytest.fixture
def delegar(despacho, directivo_salud):
    """delegar(sesion, **cambios) -> a delegation, its letter signed and the delegate
    notified; pendiente de firma with firmar_carta=False, a draft with notificar_ahora=False."""

    def crear(sesion, firmar_carta=True, **cambios):
        datos = {"delegado": directivo_salud, "instrucciones": INSTRUCCIONES, **cambios}
        delegacion = services.delegar(sesion=sesion, usuario=despacho, **datos)
        if firmar_carta and delegacion.estado == Delegacion.Estado.PENDIENTE_FIRMA:
            delegacion = firmar(delegacion, despacho)
        return delegacion

    return crear


def al_pasado(delegacion, dias_atras: int) -> Delegacion:
    """Move the session of a delegation `dias_atras` days back (a session is delegated only
    while ahead), recomputing the ficha's deadline as the service does."""
    sesion = delegacion.sesion
    Sesion.objects.filter(pk=sesion.pk).update(
        inicio=momento(timezone.localdate() - timedelta(days=dias_atras))
    )
    sesion.refresh_from_db()
    Delegacion.objects.filter(pk=delegacion.pk).update(
        fecha_limite_ficha=services.plazo_de_ficha(sesion)
    )
    delegacion.refresh_from_db()
    return delegacion


@pytest.fixture
def aceptada_pasada(nueva_sesion, delegar, directivo_salud):
    """aceptada_pasada(dias_atras=None) -> an accepted delegation whose session already took
    place: `dias_atras` calendar days ago, by default on the business day before the last one
    (so its "ficha pendiente" reminder is due today, whatever weekday the tests run on)."""

    def crear(dias_atras=None, **cambios):
        if dias_atras is None:
            hoy = timezone.localdate()
            ultimo_habil = hoy if es_dia_habil(hoy) else sumar_dias_habiles(hoy, -1)
            dias_atras = (hoy - sumar_dias_habiles(ultimo_habil, -1)).days
        delegacion = delegar(nueva_sesion(), **cambios)
        services.aceptar_delegacion(delegacion=delegacion, usuario=delegacion.delegado)
        return al_pasado(delegacion, dias_atras)

    return crear


@pytest.fixture
def enviar_ficha(hoy):
    """enviar_ficha(delegacion, compromisos=[(descripcion, responsable, fecha)]) -> FichaTecnica."""

    def enviar(delegacion, compromisos=(), enviar=True, **datos):
        datos = {
            "desarrollo": "Se verificó el quórum y se presentó el informe de gestión.",
            "decisiones": "Se aprobó el plan de acción del trimestre.",
            "asuntos_alcalde": "La E.S.E. pide priorizar el giro de recursos.",
            "sin_compromisos": not compromisos,
            **datos,
        }
        return services.guardar_ficha(
            delegacion=delegacion,
            datos=datos,
            compromisos=[
                {"descripcion": d, "responsable": r, "fecha_limite": f} for d, r, f in compromisos
            ],
            archivos={},
            usuario=delegacion.delegado,
            enviar=enviar,
        )

    return enviar
