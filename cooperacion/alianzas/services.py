"""P006 and the cooperantes register: every write is one transaction and checks who may do it.

State machine of an Alianza (Alianza.TRANSICIONES): en gestión → vigente (signed, only after
a favourable DAGJP concept: policy 2) → vencida (the scan, when its validity ends without
automatic renewal) or terminada (ended early, with the reason); en gestión → terminada
(abandoned). Meetings of articulation are P005 meetings (compromisos.services.convocar_reunion)
and commitments land on the P005 board (compromisos.services.crear_compromisos).
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.concurrencia import aplicar
from buengobierno.web.entrada import mensajes_de_fecha
from cooperacion.alianzas.models import (
    Alianza,
    ContactoCooperante,
    Cooperante,
    RecursoAlianza,
)
from cooperacion.catalogos import MONEDA_LOCAL
from cooperacion.p005 import compromisos_de, convocar_desde

CAMPOS_ALIANZA = (
    "nombre",
    "instrumento",
    "cooperante",
    "objeto",
    "areas",
    "organismo",
    "responsable",
    "fecha_fin_vigencia",
    "renovacion_automatica",
)


class ErrorDeEstado(ValidationError):
    pass


def _exigir_transicion(alianza: Alianza, estado) -> None:
    if not alianza.puede_pasar_a(estado):
        raise ErrorDeEstado(
            _("La alianza está «%(estado)s»: ese paso ya no aplica.")
            % {"estado": alianza.get_estado_display()}
        )


def _bloquear(alianza: Alianza) -> Alianza:
    return Alianza.objects.select_for_update().get(pk=alianza.pk)


# --- cooperantes -----------------------------------------------------------------------------


@transaction.atomic
def registrar_cooperante(*, datos: dict, usuario) -> Cooperante:
    exigir_creacion(usuario, Cooperante)
    cooperante = Cooperante(**datos, creado_por=usuario)
    cooperante.full_clean()
    cooperante.save()
    return cooperante


@transaction.atomic
def actualizar_cooperante(*, cooperante: Cooperante, datos: dict, usuario, base=None) -> Cooperante:
    exigir_edicion(usuario, cooperante)
    cooperante = Cooperante.objects.select_for_update().get(pk=cooperante.pk)
    aplicar(cooperante, datos=datos, base=base)
    return cooperante


@transaction.atomic
def agregar_contacto(*, cooperante: Cooperante, datos: dict, usuario) -> ContactoCooperante:
    exigir_edicion(usuario, cooperante)
    if not datos.get("aviso_informado"):
        raise ValidationError(
            {
                "aviso_informado": _(
                    "Registre el contacto solo después de informarle el aviso de privacidad "
                    "(Ley 1581 de 2012)."
                )
            }
        )
    contacto = ContactoCooperante(cooperante=cooperante, **datos)
    contacto.full_clean()
    contacto.save()
    return contacto


# --- alliances -------------------------------------------------------------------------------


def errores_de_vigencia(fecha_firma, fecha_fin) -> dict[str, list[str]]:
    errores = {}
    for campo, valor in (("fecha_firma", fecha_firma), ("fecha_fin_vigencia", fecha_fin)):
        if valor and (mensajes := mensajes_de_fecha(valor)):
            errores[campo] = mensajes
    if fecha_firma and fecha_fin and fecha_fin < fecha_firma and not errores:
        errores["fecha_fin_vigencia"] = [
            _("El fin de la vigencia no puede ser anterior a la fecha de firma.")
        ]
    return errores


@transaction.atomic
def registrar_alianza(*, datos: dict, otras_partes=(), ods=(), usuario) -> Alianza:
    exigir_creacion(usuario, Alianza)
    if errores := errores_de_vigencia(None, datos.get("fecha_fin_vigencia")):
        raise ValidationError(errores)
    alianza = Alianza(**datos, creado_por=usuario)
    alianza.full_clean(exclude=["otras_partes", "ods", "reuniones"])
    alianza.save()
    alianza.otras_partes.set([c for c in otras_partes if c.pk != alianza.cooperante_id])
    alianza.ods.set(ods)
    return alianza


@transaction.atomic
def actualizar_alianza(
    *, alianza: Alianza, datos: dict, otras_partes, ods, usuario, base=None
) -> Alianza:
    exigir_edicion(usuario, alianza)
    alianza = _bloquear(alianza)
    if alianza.estado in (Alianza.Estado.VENCIDA, Alianza.Estado.TERMINADA):
        raise ErrorDeEstado(_("Una alianza vencida o terminada ya no se modifica."))
    if errores := errores_de_vigencia(alianza.fecha_firma, datos.get("fecha_fin_vigencia")):
        raise ValidationError(errores)
    aplicar(alianza, datos=datos, base=base)
    alianza.otras_partes.set([c for c in otras_partes if c.pk != alianza.cooperante_id])
    alianza.ods.set(ods)
    return alianza


@transaction.atomic
def solicitar_concepto(*, alianza: Alianza, usuario) -> Alianza:
    exigir_edicion(usuario, alianza)
    alianza = _bloquear(alianza)
    if alianza.estado != Alianza.Estado.EN_GESTION:
        raise ErrorDeEstado(_("Solo se pide concepto jurídico a una alianza en gestión."))
    alianza.concepto_juridico = Alianza.Concepto.SOLICITADO
    alianza._change_reason = _("Se solicitó el concepto jurídico a la DAGJP.")
    alianza.save(update_fields=["concepto_juridico"])
    return alianza


@transaction.atomic
def emitir_concepto(*, alianza: Alianza, favorable: bool, observaciones: str, usuario) -> Alianza:
    """The DAGJP's legal review (policy 2): favourable, or with observations to address."""
    if not tiene_rol(usuario, Rol.JURIDICA, Rol.ADMINISTRADOR):
        raise PermissionDenied(_("El concepto jurídico lo emite la DAGJP."))
    alianza = _bloquear(alianza)
    if alianza.estado != Alianza.Estado.EN_GESTION:
        raise ErrorDeEstado(_("Solo se emite concepto sobre una alianza en gestión."))
    observaciones = (observaciones or "").strip()
    if not favorable and not observaciones:
        raise ValidationError(
            {"observaciones": _("Escriba las observaciones que la alianza debe atender.")}
        )
    alianza.concepto_juridico = (
        Alianza.Concepto.FAVORABLE if favorable else Alianza.Concepto.CON_OBSERVACIONES
    )
    alianza.concepto_observaciones = observaciones
    alianza.concepto_por = usuario
    alianza.concepto_en = timezone.now()
    alianza.save()
    return alianza


@transaction.atomic
def firmar_alianza(*, alianza: Alianza, fecha_firma, fecha_fin_vigencia, usuario) -> Alianza:
    """Record the signature: the alliance becomes vigente (policy 2: only with a favourable
    concept of the DAGJP)."""
    exigir_edicion(usuario, alianza)
    alianza = _bloquear(alianza)
    _exigir_transicion(alianza, Alianza.Estado.VIGENTE)
    if alianza.concepto_juridico != Alianza.Concepto.FAVORABLE:
        raise ErrorDeEstado(
            _("La alianza se firma solo con el concepto jurídico favorable de la DAGJP.")
        )
    errores = {}
    if not fecha_firma:
        errores["fecha_firma"] = [_("Indique la fecha de firma.")]
    errores.update(errores_de_vigencia(fecha_firma, fecha_fin_vigencia))
    if fecha_firma and fecha_firma > timezone.localdate() and "fecha_firma" not in errores:
        errores["fecha_firma"] = [_("La fecha de firma no puede ser futura.")]
    if errores:
        raise ValidationError(errores)
    alianza.fecha_firma = fecha_firma
    alianza.fecha_fin_vigencia = fecha_fin_vigencia
    alianza.estado = (
        Alianza.Estado.VENCIDA
        if fecha_fin_vigencia
        and fecha_fin_vigencia < timezone.localdate()
        and not alianza.renovacion_automatica
        else Alianza.Estado.VIGENTE
    )
    alianza._change_reason = _("Firmada.")
    alianza.save()
    return alianza


@transaction.atomic
def terminar_alianza(*, alianza: Alianza, motivo: str, usuario) -> Alianza:
    exigir_edicion(usuario, alianza)
    alianza = _bloquear(alianza)
    _exigir_transicion(alianza, Alianza.Estado.TERMINADA)
    motivo = (motivo or "").strip()
    if not motivo:
        raise ValidationError({"motivo": _("Indique el motivo de la terminación.")})
    alianza.estado = Alianza.Estado.TERMINADA
    alianza.motivo_terminacion = motivo
    alianza._change_reason = Truncator(motivo).chars(100)  # the history keeps 100
    alianza.save()
    return alianza


def marcar_vencidas(hoy) -> int:
    """Vigente alliances whose validity ended without automatic renewal become vencidas
    (each saved, so its history says when). Those that renew automatically stay vigentes."""
    vencidas = 0
    for alianza in Alianza.objects.filter(
        estado=Alianza.Estado.VIGENTE, fecha_fin_vigencia__lt=hoy, renovacion_automatica=False
    ):
        with transaction.atomic():
            alianza.estado = Alianza.Estado.VENCIDA
            alianza._change_reason = _("Terminó su vigencia.")
            alianza.save(update_fields=["estado"])
            vencidas += 1
    return vencidas


def errores_de_recurso(datos: dict) -> dict[str, list[str]]:
    errores: dict[str, list[str]] = {}
    monto, moneda = datos.get("monto"), datos.get("moneda") or ""
    tasa, fecha_tasa = datos.get("tasa_cambio"), datos.get("fecha_tasa")
    if monto is not None and monto < 0:
        errores["monto"] = [_("El monto no puede ser negativo.")]
    if monto is not None and not moneda:
        errores["moneda"] = [_("Indique la moneda del monto (ISO 4217).")]
    if moneda and monto is None:
        errores["monto"] = [_("Indique el monto en esa moneda.")]
    if tasa is not None and tasa <= 0:
        errores["tasa_cambio"] = [_("La tasa de cambio debe ser mayor que cero.")]
    if monto is not None and moneda and moneda != MONEDA_LOCAL and tasa is None:
        errores["tasa_cambio"] = [_("Indique la tasa de cambio a pesos (COP por unidad).")]
    if tasa is not None and not fecha_tasa and moneda != MONEDA_LOCAL:
        errores["fecha_tasa"] = [_("Indique la fecha de la tasa de cambio.")]
    if fecha_tasa and (mensajes := mensajes_de_fecha(fecha_tasa)):
        errores["fecha_tasa"] = mensajes
    if datos.get("tipo") == RecursoAlianza.Tipo.FINANCIERO and monto is None:
        errores.setdefault("monto", [_("Un recurso financiero necesita su monto.")])
    return errores


@transaction.atomic
def agregar_recurso(*, alianza: Alianza, datos: dict, usuario) -> RecursoAlianza:
    exigir_edicion(usuario, alianza)
    alianza = _bloquear(alianza)
    if alianza.estado in (Alianza.Estado.VENCIDA, Alianza.Estado.TERMINADA):
        raise ErrorDeEstado(_("Una alianza vencida o terminada ya no recibe recursos."))
    if errores := errores_de_recurso(datos):
        raise ValidationError(errores)
    recurso = RecursoAlianza(alianza=alianza, **datos)
    recurso.full_clean(exclude=["valor_cop"])
    recurso.save()
    return recurso


def valor_cop(monto, moneda, tasa) -> Decimal | None:
    return RecursoAlianza.equivalente_cop(monto, moneda, tasa)


# --- P005: meetings and commitments ----------------------------------------------------------


@transaction.atomic
def convocar_reunion_de_articulacion(*, alianza: Alianza, datos: dict, usuario):
    """A meeting of articulation with the cooperante: a P005 meeting (policy 1), linked back.
    Convened in the name of the user's organism (the Oficina) unless they follow up all."""
    exigir_edicion(usuario, alianza)
    return convocar_desde(
        alianza, organismo=_convocante(alianza, usuario), datos=datos, usuario=usuario
    )


def _convocante(registro, usuario):
    return usuario.organismo if usuario.organismo_id else registro.organismo


@transaction.atomic
def registrar_compromisos(*, alianza: Alianza, compromisos_: list[dict], usuario):
    exigir_edicion(usuario, alianza)
    return compromisos_de(alianza, compromisos_, usuario=usuario)
