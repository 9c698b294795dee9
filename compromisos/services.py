"""What writes commitments and meetings: every multi-table write, lock or notice of P005.

The other procedures call two functions only:

    crear_compromisos(origen=ficha, compromisos=[{"descripcion": …, "responsable": usuario,
                      "fecha_limite": fecha}], creado_por=request.user)
    convocar_reunion(tipo=…, titulo=…, inicio=…, fin=…, organismo_convocante=…,
                     puntos=["…"], invitados=[…], creado_por=…)

Views validate their forms, call one of these functions and turn `ErrorDeEstado`,
`CompromisosInvalidos` or a `ValidationError` into a message beside the field.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.avisos.servicios import notificar, programar_aviso
from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.consecutivos import siguiente_consecutivo
from buengobierno.documentos.formato import fecha_entrada, fecha_larga, leer_fecha, numero
from buengobierno.documentos.formato import hora as formato_hora
from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.concurrencia import aplicar
from buengobierno.web.entrada import TEXTO_MAXIMO, entero, mensajes_de_fecha, validar_fecha
from compromisos import documentos
from compromisos.models import (
    ROLES_SEGUIMIENTO,
    Asistente,
    Avance,
    CalendarioPersonal,
    Compromiso,
    Corresponsable,
    Decision,
    ErrorDeEstado,
    MetaEstrategica,
    PuntoOrden,
    Reprogramacion,
    Reunion,
    TipoDeOrigen,
    TipoReunion,
    puede_responder,
)

Estado = Compromiso.Estado
PLANTILLA_ASIGNADO = "compromisos/compromiso_asignado"


class CompromisosInvalidos(ValidationError):
    """Some commitments of a batch are wrong; nothing was saved.

    `por_fila` maps the position in the batch (or the commitment's pk when closing a meeting)
    to {field: [messages]}, so a formset or the live page shows each message beside its field.
    """

    def __init__(self, por_fila: dict):
        self.por_fila = por_fila
        super().__init__(
            _("Revise los compromisos marcados: no se guardó ninguno."), code="compromisos"
        )


class Conflicto(Exception):
    """Someone else changed the same live field since this editor last saw it."""

    def __init__(self, *, valor, version: int):
        self.valor, self.version = valor, version
        super().__init__(
            _("Otra persona (o usted en otra pestaña) cambió este campo mientras usted escribía.")
        )


def _error_de_transicion(registro, nuevo: str) -> ErrorDeEstado:
    estado = dict(type(registro).Estado.choices)
    return ErrorDeEstado(
        _("No se puede pasar de «%(actual)s» a «%(nuevo)s».")
        % {"actual": estado[registro.estado], "nuevo": estado[nuevo]}
    )


def _exigir_transicion(registro, nuevo: str) -> None:
    if not registro.puede_pasar_a(nuevo):
        raise _error_de_transicion(registro, nuevo)


# --- commitments from any origin -------------------------------------------------------------


def fecha_de_origen(origen) -> date:
    """The earliest due date a commitment of `origen` may have: the day of its meeting, or
    `origen.fecha_compromisos` when the record defines it (e.g. a session's date), else today."""
    if isinstance(origen, Reunion):
        return origen.fecha
    fecha = getattr(origen, "fecha_compromisos", None)
    if isinstance(fecha, date):
        return fecha
    return timezone.localdate()


def errores_de_compromiso(
    *, descripcion, responsable, fecha_limite, fecha_minima: date
) -> dict[str, list[str]]:
    """The Spanish messages, per field, of one commitment's data (empty when it is valid)."""
    errores: dict[str, list[str]] = {}
    if not (descripcion or "").strip():
        errores["descripcion"] = [_("Escriba en qué consiste el compromiso.")]
    if responsable is None:
        errores["responsable"] = [_("Indique quién es el responsable.")]
    elif not responsable.is_active:
        errores["responsable"] = [_("El responsable elegido está inactivo.")]
    elif not puede_responder(responsable):
        errores["responsable"] = [mensaje_sin_rol(responsable)]
    if fecha_limite is None:
        errores["fecha_limite"] = [_("Indique la fecha límite de cumplimiento.")]
    elif fuera := mensajes_de_fecha(fecha_limite):
        errores["fecha_limite"] = fuera
    elif fecha_limite < fecha_minima:
        errores["fecha_limite"] = [
            _("La fecha límite de cumplimiento no puede ser anterior al %(fecha)s.")
            % {"fecha": fecha_larga(fecha_minima)}
        ]
    return errores


def mensaje_sin_rol(persona) -> str:
    return _(
        "%(persona)s no podría actualizar el compromiso: su rol es de solo consulta o no "
        "tiene rol en la plataforma. Elija a otra persona."
    ) % {"persona": persona}


CAMPOS_EXTERNO = ("externo_nombre", "externo_entidad", "externo_correo")


def errores_de_externo(datos: dict) -> dict[str, list[str]]:
    """An outside entity needs its name and who answers there; the e-mail is optional."""
    nombre = (datos.get("externo_nombre") or "").strip()
    entidad = (datos.get("externo_entidad") or "").strip()
    correo = (datos.get("externo_correo") or "").strip()
    errores = {}
    if (nombre or correo) and not entidad:
        errores["externo_entidad"] = [_("Indique la entidad externa que debe el compromiso.")]
    if entidad and not nombre:
        errores["externo_nombre"] = [_("Indique quién responde en la entidad externa.")]
    if correo:
        from django.core.validators import validate_email

        try:
            validate_email(correo)
        except ValidationError:
            errores["externo_correo"] = [_("Escriba un correo electrónico válido.")]
    return errores


def _errores_de_corresponsables(usuarios) -> list[str]:
    return [mensaje_sin_rol(u) for u in usuarios if not puede_responder(u)]


def _datos_de_origen(origen) -> dict:
    if origen is None:
        return {}
    from django.contrib.contenttypes.models import ContentType

    tipo = ContentType.objects.get_for_model(origen)
    TipoDeOrigen.objects.get_or_create(content_type=tipo)  # the board's filter offers it
    datos = {
        "origen_tipo": tipo,
        "origen_id": origen.pk,
        "origen_descripcion": str(origen)[:255],
        "origen_url": origen.get_absolute_url() if hasattr(origen, "get_absolute_url") else "",
    }
    if isinstance(origen, Reunion):
        datos["reunion"] = origen
    return datos


@transaction.atomic
def crear_compromisos(
    *, origen, compromisos: list[dict], creado_por, fecha_origen: date | None = None
) -> list[Compromiso]:
    """Create the commitments adopted in `origen` (any saved record, or None), all or none.

    Each dict holds descripcion, responsable (a Usuario), fecha_limite (a date) and optionally
    prioridad, meta (MetaEstrategica), corresponsables (users) and, for a commitment owed by
    an outside entity, externo_entidad, externo_nombre and externo_correo (then
    `responsable` is the internal follow-up owner, who gets its reminders). Due dates may not fall
    before `fecha_origen` (default: see fecha_de_origen). Raises CompromisosInvalidos with
    the messages per position; otherwise every responsible and co-responsible person is
    notified after commit (step "compromiso_asignado"). The origin gets a link back from the
    board through its get_absolute_url().
    """
    if origen is None:
        # Registered by hand: whoever registers must be allowed to (a procedure that lands
        # the commitments of its record has checked its own step already).
        exigir_creacion(creado_por, Compromiso)
    fecha_minima = fecha_origen or (
        fecha_de_origen(origen) if origen is not None else timezone.localdate()
    )
    errores = {}
    for posicion, datos in enumerate(compromisos):
        fila = errores_de_compromiso(
            descripcion=datos.get("descripcion"),
            responsable=datos.get("responsable"),
            fecha_limite=datos.get("fecha_limite"),
            fecha_minima=fecha_minima,
        )
        fila.update(errores_de_externo(datos))
        corresponsables = _errores_de_corresponsables(datos.get("corresponsables") or ())
        if corresponsables:
            fila["corresponsables"] = corresponsables
        prioridad = datos.get("prioridad") or Compromiso.Prioridad.MEDIA
        if prioridad not in Compromiso.Prioridad.values:
            fila["prioridad"] = [_("Prioridad desconocida.")]
        if fila:
            errores[posicion] = fila
    if errores:
        raise CompromisosInvalidos(errores)

    origen_datos = _datos_de_origen(origen)
    creados = []
    for datos in compromisos:
        responsable = datos["responsable"]
        compromiso = Compromiso.objects.create(
            descripcion=datos["descripcion"].strip(),
            responsable=responsable,
            organismo=responsable.organismo,
            fecha_limite=datos["fecha_limite"],
            fecha_limite_original=datos["fecha_limite"],
            prioridad=datos.get("prioridad") or Compromiso.Prioridad.MEDIA,
            meta=datos.get("meta"),
            estado=Estado.PENDIENTE,
            creado_por=creado_por,
            **{c: (datos.get(c) or "").strip() for c in CAMPOS_EXTERNO},
            **origen_datos,
        )
        _poner_corresponsables(compromiso, datos.get("corresponsables") or ())
        _avisar_asignacion(compromiso)
        creados.append(compromiso)
    return creados


def _poner_corresponsables(compromiso: Compromiso, usuarios) -> None:
    vistos = {compromiso.responsable_id}
    filas = []
    for usuario in usuarios:
        if usuario.pk not in vistos:
            vistos.add(usuario.pk)
            filas.append(Corresponsable(compromiso=compromiso, usuario=usuario))
    Corresponsable.objects.bulk_create(filas)


def _avisar_asignacion(compromiso: Compromiso) -> None:
    mensaje = _("Compromiso asignado, vence el %(fecha)s: %(compromiso)s") % {
        "fecha": fecha_larga(compromiso.fecha_limite),
        "compromiso": compromiso,
    }
    personas = [compromiso.responsable, *compromiso.corresponsables.all()]
    for persona in personas:
        programar_aviso(
            objeto=compromiso,
            paso="compromiso_asignado",
            destinatario=persona,
            plantilla=PLANTILLA_ASIGNADO,
            contexto={"mensaje": mensaje},
        )


# --- meetings --------------------------------------------------------------------------------


@transaction.atomic
def convocar_reunion(
    *,
    tipo: TipoReunion,
    titulo: str,
    inicio,
    fin,
    organismo_convocante,
    puntos: list[str],
    invitados: list,
    creado_por,
    objetivo: str = "",
    lugar: str = "",
    enlace_virtual: str = "",
    origen=None,
    preside=None,
    secretario_reunion=None,
) -> Reunion:
    """Schedule a meeting with its agenda and invited users, and tell each of them.

    Used by the meeting form and by P004 (discrepant concepts → a Comité Coordinador de
    Proyectos de Acuerdo with a pre-filled agenda; pass the proyecto as `origen` for a link
    back). Raises ValidationError when the end is before the start.
    """
    exigir_creacion(creado_por, Reunion)
    if (
        not tiene_rol(creado_por, *ROLES_SEGUIMIENTO, Rol.ADMINISTRADOR)
        and organismo_convocante.pk != creado_por.organismo_id
    ):
        raise PermissionDenied(_("Solo puede convocar en nombre de su propio organismo."))
    if fin < inicio:
        raise ValidationError({"fin": _("La reunión no puede terminar antes de empezar.")})
    origen_datos = _datos_de_origen(origen)
    reunion = Reunion.objects.create(
        tipo=tipo,
        titulo=titulo,
        inicio=inicio,
        fin=fin,
        organismo_convocante=organismo_convocante,
        objetivo=objetivo,
        lugar=lugar,
        enlace_virtual=enlace_virtual,
        preside=preside,
        secretario_reunion=secretario_reunion,
        creado_por=creado_por,
        origen_descripcion=origen_datos.get("origen_descripcion", ""),
        origen_url=origen_datos.get("origen_url", ""),
    )
    PuntoOrden.objects.bulk_create(
        PuntoOrden(reunion=reunion, orden=orden, titulo=texto.strip()[:255])
        for orden, texto in enumerate((p for p in puntos if p.strip()), start=1)
    )
    invitados = list(dict.fromkeys(invitados))
    Asistente.objects.bulk_create(Asistente(reunion=reunion, usuario=u) for u in invitados)
    for persona in invitados:
        if persona.pk != creado_por.pk:
            programar_aviso(
                objeto=reunion,
                paso="convocatoria",
                destinatario=persona,
                plantilla="compromisos/convocatoria",
            )
    return reunion


@transaction.atomic
def actualizar_reunion(*, reunion: Reunion, datos: dict, usuario, base=None) -> Reunion:
    """Change a meeting's data (type, title, dates, place…) while it is not closed.

    `base`: the fingerprints of what the editor's form showed (buengobierno.web.concurrencia);
    a field changed meanwhile by someone else — on the live page too — and also here raises
    EdicionEnConflicto and nothing is saved; one changed only elsewhere keeps its new value.
    A live field changed here gets a new live version, so a live page that still shows the
    old text gets a conflict instead of overwriting this change.
    """
    exigir_edicion(usuario, reunion)
    reunion = Reunion.objects.select_for_update().get(pk=reunion.pk)
    _exigir_abierta(reunion)
    cambiados = aplicar(reunion, datos=datos, base=base, excluir=["creado_por", "versiones"])
    for campo in cambiados:
        if ("reunion", campo) in CAMPOS_EN_VIVO:
            _nueva_version(reunion, f"reunion.{campo}", usuario)
    return reunion


def _exigir_abierta(reunion: Reunion) -> None:
    if reunion.cerrada:
        raise ErrorDeEstado(_("La reunión está cerrada: su acta ya no admite cambios."))


def _bloquear(reunion: Reunion, usuario) -> Reunion:
    """The meeting row locked until the transaction ends (live writes to one meeting queue),
    once `usuario` is known to be allowed to change it: every write checks its role here,
    not only the page that offers it."""
    exigir_edicion(usuario, reunion)
    bloqueada = Reunion.objects.select_for_update().get(pk=reunion.pk)
    _exigir_abierta(bloqueada)
    return bloqueada


def _nueva_version(reunion: Reunion, clave: str = "", usuario=None) -> int:
    reunion.version += 1
    if clave:
        reunion.versiones[clave] = [reunion.version, getattr(usuario, "pk", None)]
    campos = {"version": reunion.version, "versiones": reunion.versiones}
    if reunion.estado == Reunion.Estado.EN_CURSO:
        # Every edit while under way: when the record was made (policy 1).
        ahora = timezone.now()
        reunion.primera_edicion_en = reunion.primera_edicion_en or ahora
        reunion.ultima_edicion_en = ahora
        campos.update(primera_edicion_en=reunion.primera_edicion_en, ultima_edicion_en=ahora)
    # update(), not save(): a version bump is not an event worth a history entry.
    Reunion.objects.filter(pk=reunion.pk).update(**campos)
    return reunion.version


@transaction.atomic
def iniciar_reunion(*, reunion: Reunion, usuario) -> Reunion:
    reunion = _bloquear(reunion, usuario)
    _exigir_transicion(reunion, Reunion.Estado.EN_CURSO)
    reunion.estado = Reunion.Estado.EN_CURSO
    reunion.iniciada_en = timezone.now()
    reunion.save(update_fields=["estado", "iniciada_en"])
    return reunion


# Fields the live page saves one by one: (kind of row, field) -> how to read the value.
CAMPOS_EN_VIVO = {
    ("reunion", "objetivo"): "texto",
    ("punto", "titulo"): "linea",
    ("punto", "presentador"): "linea",
    ("punto", "desarrollo"): "texto",
    ("decision", "texto"): "texto",
    ("compromiso", "descripcion"): "texto",
    ("compromiso", "responsable"): "usuario",
    ("compromiso", "fecha_limite"): "fecha",
    ("compromiso", "prioridad"): "prioridad",
    ("compromiso", "meta"): "meta",
    ("asistente", "asistencia"): "asistencia",
}


@dataclass(frozen=True)
class Guardado:
    version: int
    hora: str  # "2:32 p. m.", local time, for "Guardado a las 2:32 p. m."


def _fila_en_vivo(reunion: Reunion, tipo: str, pk: str | None):
    if tipo == "reunion":
        return reunion
    modelos = {
        "punto": PuntoOrden,
        "decision": Decision,
        "compromiso": Compromiso,
        "asistente": Asistente,
    }
    try:
        fila = modelos[tipo].objects.get(pk=int(pk), reunion=reunion)
    except (ValueError, TypeError, modelos[tipo].DoesNotExist):
        raise ValidationError(_("Ese elemento ya no existe en la reunión.")) from None
    if tipo == "compromiso" and fila.estado != Estado.BORRADOR:
        raise ErrorDeEstado(_("Este compromiso ya está en seguimiento; cámbielo desde su ficha."))
    return fila


def partes_de_clave(clave: str) -> tuple[str, str | None, str]:
    """'punto.12.desarrollo' -> ('punto', '12', 'desarrollo'); 'reunion.objetivo' -> (…, None, …)."""
    partes = clave.split(".")
    if len(partes) == 2:
        tipo, pk, campo = partes[0], None, partes[1]
    elif len(partes) == 3:
        tipo, pk, campo = partes
    else:
        raise ValidationError(_("Campo desconocido."))
    if (tipo, campo) not in CAMPOS_EN_VIVO or (tipo == "reunion") != (pk is None):
        raise ValidationError(_("Campo desconocido."))
    return tipo, pk, campo


def _convertir(reunion: Reunion, fila, campo: str, forma: str, valor: str):
    """The live value as the model stores it; ValidationError with the message to show."""
    if forma == "linea":
        limite = type(fila)._meta.get_field(campo).max_length
        valor = " ".join(valor.split())
        if limite and len(valor) > limite:
            raise ValidationError(
                _("Máximo %(limite)s caracteres.") % {"limite": limite}, code="largo"
            )
        return valor
    if forma == "texto":
        if len(valor) > TEXTO_MAXIMO:
            raise ValidationError(
                _("Máximo %(limite)s caracteres.") % {"limite": numero(TEXTO_MAXIMO)},
                code="largo",
            )
        return valor.replace("\r\n", "\n")
    if forma == "usuario":
        if not valor:
            return None
        persona = get_user_model().objects.filter(pk=entero(valor), is_active=True).first()
        if persona is None:
            raise ValidationError(_("Elija una persona activa de la lista."))
        if not puede_responder(persona):
            raise ValidationError(mensaje_sin_rol(persona))
        return persona
    if forma == "meta":
        if not valor:
            return None
        meta = MetaEstrategica.objects.filter(pk=entero(valor) or 0, activa=True)
        if not meta.exists():
            raise ValidationError(_("Elija una meta del plan de desarrollo de la lista."))
        return meta.get()
    if forma == "prioridad":
        if valor not in Compromiso.Prioridad.values:
            raise ValidationError(_("Prioridad desconocida."))
        return valor
    if forma == "asistencia":
        if valor not in Asistente.Asistencia.values:
            raise ValidationError(_("Asistencia desconocida."))
        return valor
    if forma == "fecha":
        if not valor:
            return None
        fecha = leer_fecha(valor)
        if fecha is None:
            raise ValidationError(_("Escriba la fecha como día/mes/año, por ejemplo 09/12/2026."))
        validar_fecha(fecha)
        if fecha < reunion.fecha:
            raise ValidationError(
                _("La fecha límite de cumplimiento no puede ser anterior a la reunión (%(fecha)s).")
                % {"fecha": fecha_larga(reunion.fecha)}
            )
        return fecha
    raise ValidationError(_("Campo desconocido."))


def _actual(fila, campo: str):
    if campo in ("responsable", "meta"):
        return getattr(fila, f"{campo}_id")
    return getattr(fila, campo)


def _comparable(valor):
    if hasattr(valor, "pk"):
        return valor.pk
    return valor


@transaction.atomic
def guardar_campo(*, reunion: Reunion, clave: str, valor: str, version: int, usuario) -> Guardado:
    """Save one field of the live page unless someone else changed it since `version`.

    `version` is the meeting version the editor last saw for this field. If someone else
    changed it after that (and it now holds another value) raises Conflicto with their text; bad values
    raise ValidationError with the message to show beside the field; a closed meeting raises
    ErrorDeEstado. Returns the field's new version.
    """
    tipo, pk, campo = partes_de_clave(clave)
    reunion = _bloquear(reunion, usuario)
    fila = _fila_en_vivo(reunion, tipo, pk)
    nuevo = _convertir(reunion, fila, campo, CAMPOS_EN_VIVO[(tipo, campo)], valor or "")
    actual = _actual(fila, campo)
    hora = formato_hora(timezone.localtime())
    if _comparable(nuevo) == actual:
        return Guardado(version=max(reunion.version_de(clave), int(version)), hora=hora)
    ultima, _autor = reunion.cambio_de(clave)
    # Whoever changed it — another person, or this one in another tab or on the phone — the
    # editor did not see that text: a conflict. (One page never races itself: htmx queues a
    # field's next save until the previous one is answered, and the page then sends the
    # version that answer gave.)
    if ultima > int(version):
        mostrado = actual
        if campo in ("responsable", "meta") and actual is not None:
            mostrado = str(getattr(fila, campo))
        elif campo == "fecha_limite" and actual is not None:
            mostrado = fecha_entrada(actual)
        raise Conflicto(valor=mostrado or "", version=reunion.version_de(clave))
    setattr(fila, campo, nuevo)
    campos = [campo]
    if campo == "responsable":
        fila.organismo = nuevo.organismo if nuevo else None
        campos.append("organismo")
    fila.save(update_fields=campos)
    return Guardado(version=_nueva_version(reunion, clave, usuario), hora=hora)


def _asistencia_al_agregar(reunion: Reunion) -> str:
    if reunion.estado == Reunion.Estado.EN_CURSO:
        return Asistente.Asistencia.ASISTIO
    return Asistente.Asistencia.CONVOCADO


@transaction.atomic
def agregar_asistentes(*, reunion: Reunion, usuarios, usuario) -> list[Asistente]:
    """Invite internal users (by name or a whole organism); those already listed are skipped.

    People added while the meeting is under way are in the room: they are recorded present.
    """
    reunion = _bloquear(reunion, usuario)
    presentes = set(reunion.asistentes.exclude(usuario=None).values_list("usuario", flat=True))
    asistencia = _asistencia_al_agregar(reunion)
    nuevos = [
        Asistente(reunion=reunion, usuario=u, asistencia=asistencia)
        for u in dict.fromkeys(usuarios)
        if u.pk not in presentes
    ]
    Asistente.objects.bulk_create(nuevos)
    _nueva_version(reunion)
    return nuevos


@transaction.atomic
def agregar_asistente_externo(*, reunion: Reunion, datos: dict, usuario) -> Asistente:
    """An external attendee; `datos` must say the data-protection notice was given."""
    reunion = _bloquear(reunion, usuario)
    if not datos.get("aviso_datos_aceptado"):
        raise ValidationError(
            {
                "aviso_datos_aceptado": _(
                    "Antes de registrar a una persona externa debe informarle el tratamiento "
                    "de sus datos personales (Ley 1581 de 2012)."
                )
            }
        )
    asistente = Asistente(reunion=reunion, asistencia=_asistencia_al_agregar(reunion), **datos)
    asistente.full_clean()
    asistente.save()
    _nueva_version(reunion)
    return asistente


@transaction.atomic
def agregar_punto(*, reunion: Reunion, titulo: str, presentador: str, usuario) -> PuntoOrden:
    reunion = _bloquear(reunion, usuario)
    if not titulo.strip():
        raise ValidationError({"titulo": _("Escriba el tema del punto.")})
    ultimo = reunion.puntos.order_by("-orden").values_list("orden", flat=True).first() or 0
    punto = PuntoOrden.objects.create(
        reunion=reunion, orden=ultimo + 1, titulo=titulo.strip(), presentador=presentador.strip()
    )
    _nueva_version(reunion)
    return punto


@transaction.atomic
def agregar_decision(*, reunion: Reunion, texto: str, usuario) -> Decision:
    reunion = _bloquear(reunion, usuario)
    if not texto.strip():
        raise ValidationError({"texto": _("Escriba la decisión.")})
    ultimo = reunion.decisiones.order_by("-orden").values_list("orden", flat=True).first() or 0
    decision = Decision.objects.create(reunion=reunion, orden=ultimo + 1, texto=texto.strip())
    _nueva_version(reunion)
    return decision


@transaction.atomic
def agregar_compromiso_en_reunion(
    *, reunion: Reunion, descripcion: str, responsable, fecha_limite, prioridad, usuario
) -> Compromiso:
    """A commitment typed during the meeting: a draft until the meeting is closed.

    Responsible and date may still be missing (closing asks for them); a date before the
    meeting is refused now.
    """
    reunion = _bloquear(reunion, usuario)
    errores = {}
    if not (descripcion or "").strip():
        errores["descripcion"] = [_("Escriba en qué consiste el compromiso.")]
    if fecha_limite is not None and fecha_limite < reunion.fecha:
        errores["fecha_limite"] = [
            _("La fecha límite de cumplimiento no puede ser anterior a la reunión (%(fecha)s).")
            % {"fecha": fecha_larga(reunion.fecha)}
        ]
    if responsable is not None and not puede_responder(responsable):
        errores["responsable"] = [mensaje_sin_rol(responsable)]
    if errores:
        raise ValidationError(errores)
    compromiso = Compromiso.objects.create(
        reunion=reunion,
        descripcion=descripcion.strip(),
        responsable=responsable,
        organismo=responsable.organismo if responsable else None,
        fecha_limite=fecha_limite,
        prioridad=prioridad or Compromiso.Prioridad.MEDIA,
        estado=Estado.BORRADOR,
        creado_por=usuario,
        **{k: v for k, v in _datos_de_origen(reunion).items() if k != "reunion"},
    )
    _nueva_version(reunion)
    return compromiso


@transaction.atomic
def quitar_de_reunion(*, reunion: Reunion, elemento, usuario) -> None:
    """Remove an agenda item, decision, attendee or draft commitment of an open meeting."""
    reunion = _bloquear(reunion, usuario)
    if getattr(elemento, "reunion_id", None) != reunion.pk:
        raise ValidationError(_("Ese elemento no pertenece a la reunión."))
    if isinstance(elemento, Compromiso) and elemento.estado != Estado.BORRADOR:
        raise ErrorDeEstado(_("Un compromiso en seguimiento no se borra: cancélelo con un motivo."))
    prefijo = {
        PuntoOrden: "punto",
        Decision: "decision",
        Compromiso: "compromiso",
        Asistente: "asistente",
    }[type(elemento)]
    inicio = f"{prefijo}.{elemento.pk}."
    reunion.versiones = {k: v for k, v in reunion.versiones.items() if not k.startswith(inicio)}
    elemento.delete()
    _nueva_version(reunion)


class ReunionIncompleta(CompromisosInvalidos):
    """The meeting's own record is incomplete (policy 1): `por_campo` maps "asistentes",
    "objetivo", "puntos" or "punto.<pk>.desarrollo" to its messages; `por_fila` holds the
    commitments' messages as in CompromisosInvalidos."""

    def __init__(self, por_campo: dict, por_fila: dict):
        self.por_campo = por_campo
        super().__init__(por_fila)
        self.message = _("No se puede cerrar: el registro de la reunión está incompleto.")


def errores_de_registro(reunion: Reunion) -> dict[str, list[str]]:
    """What the circular's policy 1 asks of a meeting's record before closing it: someone
    present, the objective, the agenda and the development of each point."""
    errores = {}
    if not reunion.asistentes.filter(asistencia=Asistente.Asistencia.ASISTIO).exists():
        errores["asistentes"] = [_("Marque como presente al menos a una persona asistente.")]
    if not reunion.objetivo.strip():
        errores["objetivo"] = [_("Escriba el objetivo de la reunión.")]
    puntos = list(reunion.puntos.all())
    if not puntos:
        errores["puntos"] = [_("Agregue al menos un punto al orden del día.")]
    for punto in puntos:
        if not punto.desarrollo.strip():
            errores[f"punto.{punto.pk}.desarrollo"] = [_("Escriba el desarrollo de este punto.")]
    return errores


def errores_de_cierre(reunion: Reunion) -> dict[int, dict[str, list[str]]]:
    """Per draft commitment (by pk), what stops the meeting from being closed."""
    errores = {}
    for compromiso in reunion.compromisos.filter(estado=Estado.BORRADOR).select_related(
        "responsable"
    ):
        fila = errores_de_compromiso(
            descripcion=compromiso.descripcion,
            responsable=compromiso.responsable,
            fecha_limite=compromiso.fecha_limite,
            fecha_minima=reunion.fecha,
        )
        if fila:
            errores[compromiso.pk] = fila
    return errores


@transaction.atomic
def cerrar_reunion(*, reunion: Reunion, usuario) -> Reunion:
    """Close a meeting: check its commitments, freeze it, number its acta, tell the people.

    The record must be complete (policy 1: someone present, the objective, the agenda and
    the development of each point; else ReunionIncompleta) and every draft commitment needs
    a description, a responsible person and a due date not before the meeting (else
    CompromisosInvalidos by commitment pk); either way nothing changes. Whether it was
    recorded live is stored (Reunion.registrada_en_vivo).
    The Consejo de Gobierno's actas (types with numera_acta) take the next number of their
    series inside this transaction, so a failure gives the number back. Each responsible
    and co-responsible person is notified of their commitments after commit.
    """
    reunion = _bloquear(reunion, usuario)
    _exigir_transicion(reunion, Reunion.Estado.CERRADA)
    errores = errores_de_cierre(reunion)
    registro = errores_de_registro(reunion)
    if registro:
        raise ReunionIncompleta(registro, errores)
    if errores:
        raise CompromisosInvalidos(errores)
    borradores = list(
        reunion.compromisos.filter(estado=Estado.BORRADOR).select_related("responsable")
    )
    for compromiso in borradores:
        compromiso.estado = Estado.PENDIENTE
        compromiso.organismo = compromiso.responsable.organismo
        compromiso.fecha_limite_original = compromiso.fecha_limite
        compromiso.save(update_fields=["estado", "organismo", "fecha_limite_original"])
    if reunion.tipo.numera_acta:
        reunion.numero_acta = siguiente_consecutivo(
            reunion.tipo.serie_acta, anio=reunion.fecha.year
        ).texto
    reunion.estado = Reunion.Estado.CERRADA
    reunion.cerrada_en = timezone.now()
    reunion.cerrada_por = usuario
    reunion.registrada_en_vivo = reunion.fue_registrada_en_vivo()
    reunion.save(
        update_fields=[
            "estado",
            "cerrada_en",
            "cerrada_por",
            "numero_acta",
            "registrada_en_vivo",
        ]
    )
    for compromiso in borradores:
        _avisar_asignacion(compromiso)
    documentos.ACTA.generar_al_confirmar(reunion)
    documentos.PLANILLA.generar_al_confirmar(reunion)
    return reunion


# --- the life of a commitment ----------------------------------------------------------------


def _bloquear_compromiso(compromiso: Compromiso, usuario) -> Compromiso:
    """The commitment locked until the transaction ends, once `usuario` may change it (the
    responsible people, its organism's editors, the follow-up; never a read-only role)."""
    exigir_edicion(usuario, compromiso)
    return Compromiso.objects.select_for_update().get(pk=compromiso.pk)


def _evidencia(compromiso, archivo, usuario, descripcion):
    if not archivo:
        return None
    try:
        return guardar_adjunto(
            objeto=compromiso, archivo=archivo, usuario=usuario, descripcion=descripcion[:255]
        )
    except ValidationError as error:
        raise ValidationError({"archivo": error.messages}) from None


def _exigir_texto(campo: str, texto: str, mensaje: str) -> str:
    texto = (texto or "").strip()
    if not texto:
        raise ValidationError({campo: mensaje})
    return texto


@transaction.atomic
def registrar_avance(
    *, compromiso: Compromiso, nota: str, porcentaje: int, archivo=None, usuario
) -> Avance:
    """A progress note with its percentage (0–100) and optional evidence file.

    A pending or rescheduled commitment moves to en progreso.
    """
    compromiso = _bloquear_compromiso(compromiso, usuario)
    if not compromiso.abierto:
        raise ErrorDeEstado(_("Solo se registran avances de compromisos abiertos."))
    nota = _exigir_texto("nota", nota, _("Describa el avance."))
    if porcentaje is None or not 0 <= int(porcentaje) <= 100:
        raise ValidationError({"porcentaje": _("El porcentaje debe estar entre 0 y 100.")})
    evidencia = _evidencia(compromiso, archivo, usuario, _("Evidencia de avance"))
    avance = Avance.objects.create(
        compromiso=compromiso, nota=nota, porcentaje=porcentaje, evidencia=evidencia, autor=usuario
    )
    compromiso.avance = porcentaje
    campos = ["avance"]
    if compromiso.estado != Estado.EN_PROGRESO:
        _exigir_transicion(compromiso, Estado.EN_PROGRESO)
        compromiso.estado = Estado.EN_PROGRESO
        campos.append("estado")
    compromiso.save(update_fields=campos)
    return avance


@transaction.atomic
def marcar_cumplido(*, compromiso: Compromiso, nota: str, archivo=None, usuario) -> Compromiso:
    """Report a commitment fulfilled: a note is required, a file is optional evidence.

    Whoever registered it (and follows it up) is told, to verify it or return it.
    """
    compromiso = _bloquear_compromiso(compromiso, usuario)
    _exigir_transicion(compromiso, Estado.CUMPLIDO)
    nota = _exigir_texto("nota", nota, _("Describa cómo se cumplió el compromiso (evidencia)."))
    evidencia = _evidencia(compromiso, archivo, usuario, _("Evidencia de cumplimiento"))
    Avance.objects.create(
        compromiso=compromiso,
        tipo=Avance.Tipo.CUMPLIMIENTO,
        nota=nota,
        porcentaje=100,
        evidencia=evidencia,
        autor=usuario,
    )
    compromiso.estado = Estado.CUMPLIDO
    compromiso.avance = 100
    compromiso.fecha_cumplimiento = timezone.localdate()
    compromiso.save(update_fields=["estado", "avance", "fecha_cumplimiento"])
    if compromiso.creado_por_id != usuario.pk:
        notificar(
            destinatario=compromiso.creado_por,
            titulo=_("Por verificar: %(persona)s reportó cumplido «%(compromiso)s»")
            % {"persona": usuario, "compromiso": compromiso},
            mensaje=nota,
            url=compromiso.get_absolute_url(),
            objeto=compromiso,
        )
    return compromiso


@transaction.atomic
def verificar_compromiso(*, compromiso: Compromiso, usuario, nota: str = "") -> Compromiso:
    """Whoever follows the commitment up confirms the evidence of its fulfilment."""
    compromiso = _bloquear_compromiso(compromiso, usuario)
    if not compromiso.puede_verificar(usuario):
        raise PermissionDenied(_("Solo quien hace el seguimiento puede verificar el compromiso."))
    _exigir_transicion(compromiso, Estado.VERIFICADO)
    Avance.objects.create(
        compromiso=compromiso,
        tipo=Avance.Tipo.VERIFICACION,
        nota=(nota or "").strip() or _("Cumplimiento verificado."),
        porcentaje=100,
        autor=usuario,
    )
    compromiso.estado = Estado.VERIFICADO
    compromiso.verificado_por = usuario
    compromiso.verificado_en = timezone.now()
    compromiso.save(update_fields=["estado", "verificado_por", "verificado_en"])
    return compromiso


@transaction.atomic
def devolver_compromiso(*, compromiso: Compromiso, usuario, observacion: str) -> Compromiso:
    """The evidence is not enough: back to en progreso, with the observation, and the
    responsible person is told."""
    compromiso = _bloquear_compromiso(compromiso, usuario)
    if not compromiso.puede_verificar(usuario):
        raise PermissionDenied(_("Solo quien hace el seguimiento puede devolver el compromiso."))
    _exigir_transicion(compromiso, Estado.EN_PROGRESO)
    observacion = _exigir_texto(
        "observacion", observacion, _("Explique por qué se devuelve el compromiso.")
    )
    ultimo = compromiso.avances.filter(tipo=Avance.Tipo.AVANCE).first()
    porcentaje = ultimo.porcentaje if ultimo else 0
    Avance.objects.create(
        compromiso=compromiso,
        tipo=Avance.Tipo.DEVOLUCION,
        nota=observacion,
        porcentaje=porcentaje,
        autor=usuario,
    )
    compromiso.estado = Estado.EN_PROGRESO
    compromiso.avance = porcentaje
    compromiso.fecha_cumplimiento = None
    compromiso.save(update_fields=["estado", "avance", "fecha_cumplimiento"])
    notificar(
        destinatario=compromiso.responsable,
        titulo=_("Compromiso devuelto, revise la observación: «%(compromiso)s»")
        % {"compromiso": compromiso},
        mensaje=observacion,
        url=compromiso.get_absolute_url(),
        objeto=compromiso,
    )
    return compromiso


@transaction.atomic
def cancelar_compromiso(*, compromiso: Compromiso, usuario, motivo: str) -> Compromiso:
    """Only whoever follows it up cancels a commitment, and always with a reason."""
    compromiso = _bloquear_compromiso(compromiso, usuario)
    if not compromiso.puede_seguir(usuario):
        raise PermissionDenied(_("Solo quien hace el seguimiento puede cancelar el compromiso."))
    _exigir_transicion(compromiso, Estado.CANCELADO)
    compromiso.motivo_cancelacion = _exigir_texto(
        "motivo", motivo, _("Indique el motivo de la cancelación.")
    )
    compromiso.estado = Estado.CANCELADO
    compromiso.save(update_fields=["estado", "motivo_cancelacion"])
    return compromiso


def _nueva_fecha_valida(compromiso: Compromiso, nueva_fecha: date | None) -> date:
    if nueva_fecha is None:
        raise ValidationError({"nueva_fecha": _("Indique la nueva fecha límite de cumplimiento.")})
    if nueva_fecha == compromiso.fecha_limite:
        raise ValidationError({"nueva_fecha": _("La nueva fecha es igual a la actual.")})
    if nueva_fecha < timezone.localdate():
        raise ValidationError({"nueva_fecha": _("La nueva fecha no puede ser anterior a hoy.")})
    return nueva_fecha


def _exigir_quien_mueve_la_fecha(compromiso: Compromiso, usuario) -> None:
    if not compromiso.puede_mover_fecha(usuario):
        raise PermissionDenied(
            _(
                "La fecha límite de cumplimiento la mueve el Despacho o quien convocó la "
                "reunión; el responsable solicita una nueva fecha."
            )
        )


def _mover_fecha(compromiso: Compromiso, nueva_fecha: date) -> None:
    compromiso.fecha_limite = nueva_fecha
    compromiso.estado = Estado.REPROGRAMADO
    compromiso.save(update_fields=["fecha_limite", "estado"])


def _solicitud_pendiente_bloqueada(compromiso: Compromiso) -> Reprogramacion | None:
    return (
        Reprogramacion.objects.select_for_update()
        .filter(compromiso=compromiso, estado=Reprogramacion.Estado.SOLICITADA)
        .first()
    )


@transaction.atomic
def reprogramar_compromiso(
    *, compromiso: Compromiso, nueva_fecha: date | None, justificacion: str, usuario
) -> Reprogramacion:
    """The Despacho (or the meeting's convener) moves the due date; the old date and the
    justification stay in a Reprogramacion row (fecha_limite_original never changes). The
    responsible person cannot: they call solicitar_reprogramacion."""
    compromiso = _bloquear_compromiso(compromiso, usuario)
    _exigir_quien_mueve_la_fecha(compromiso, usuario)
    _exigir_transicion(compromiso, Estado.REPROGRAMADO)
    if _solicitud_pendiente_bloqueada(compromiso) is not None:
        raise ErrorDeEstado(
            _("El responsable solicitó una nueva fecha: apruebe o rechace esa solicitud primero.")
        )
    justificacion = _exigir_texto(
        "justificacion", justificacion, _("La reprogramación necesita una justificación.")
    )
    nueva_fecha = _nueva_fecha_valida(compromiso, nueva_fecha)
    ahora = timezone.now()
    reprogramacion = Reprogramacion.objects.create(
        compromiso=compromiso,
        fecha_anterior=compromiso.fecha_limite,
        fecha_nueva=nueva_fecha,
        justificacion=justificacion,
        autor=usuario,
        estado=Reprogramacion.Estado.APROBADA,
        resuelta_por=usuario,
        resuelta_en=ahora,
    )
    _mover_fecha(compromiso, nueva_fecha)
    return reprogramacion


def _quienes_deciden(compromiso: Compromiso) -> list:
    """Who is told of a request: whoever registered the commitment and the meeting's
    convener (the Despacho sees every request on the commitment's page)."""
    personas = {compromiso.creado_por_id: compromiso.creado_por}
    if compromiso.reunion_id:
        personas.setdefault(compromiso.reunion.creado_por_id, compromiso.reunion.creado_por)
    personas.pop(compromiso.responsable_id, None)
    return list(personas.values())


@transaction.atomic
def solicitar_reprogramacion(
    *, compromiso: Compromiso, nueva_fecha: date | None, justificacion: str, usuario
) -> Reprogramacion:
    """The responsible person (or a co-responsible) asks for a new due date with a reason.

    Nothing moves until the Despacho or the meeting's convener approves it
    (aprobar_reprogramacion); one request at a time.
    """
    compromiso = _bloquear_compromiso(compromiso, usuario)
    _exigir_transicion(compromiso, Estado.REPROGRAMADO)
    if _solicitud_pendiente_bloqueada(compromiso) is not None:
        raise ErrorDeEstado(_("Ya hay una solicitud de nueva fecha por resolver."))
    justificacion = _exigir_texto(
        "justificacion", justificacion, _("Explique por qué necesita una nueva fecha.")
    )
    nueva_fecha = _nueva_fecha_valida(compromiso, nueva_fecha)
    solicitud = Reprogramacion.objects.create(
        compromiso=compromiso,
        fecha_anterior=compromiso.fecha_limite,
        fecha_nueva=nueva_fecha,
        justificacion=justificacion,
        autor=usuario,
        estado=Reprogramacion.Estado.SOLICITADA,
    )
    for persona in _quienes_deciden(compromiso):
        notificar(
            destinatario=persona,
            titulo=_("Solicitud de nueva fecha (%(fecha)s): «%(compromiso)s»")
            % {"fecha": fecha_larga(nueva_fecha), "compromiso": compromiso},
            mensaje=justificacion,
            url=compromiso.get_absolute_url(),
            objeto=compromiso,
        )
    return solicitud


def _resolver(compromiso, usuario, estado, observacion) -> tuple[Compromiso, Reprogramacion]:
    compromiso = _bloquear_compromiso(compromiso, usuario)
    _exigir_quien_mueve_la_fecha(compromiso, usuario)
    solicitud = _solicitud_pendiente_bloqueada(compromiso)
    if solicitud is None:
        raise ErrorDeEstado(_("No hay una solicitud de nueva fecha por resolver."))
    solicitud.estado = estado
    solicitud.resuelta_por = usuario
    solicitud.resuelta_en = timezone.now()
    solicitud.observacion = (observacion or "").strip()
    return compromiso, solicitud


@transaction.atomic
def aprobar_reprogramacion(
    *, compromiso: Compromiso, usuario, observacion: str = ""
) -> Reprogramacion:
    """The Despacho or the meeting's convener accepts the requested date: it becomes the due
    date (the original stays what compliance is measured against)."""
    compromiso, solicitud = _resolver(
        compromiso, usuario, Reprogramacion.Estado.APROBADA, observacion
    )
    _exigir_transicion(compromiso, Estado.REPROGRAMADO)
    if solicitud.fecha_nueva < timezone.localdate():
        raise ValidationError(
            {
                "observacion": _(
                    "La fecha solicitada (%(fecha)s) ya pasó: rechace la solicitud o fije "
                    "otra fecha."
                )
                % {"fecha": fecha_larga(solicitud.fecha_nueva)}
            }
        )
    solicitud.fecha_anterior = compromiso.fecha_limite
    solicitud.save()
    _mover_fecha(compromiso, solicitud.fecha_nueva)
    notificar(
        destinatario=solicitud.autor,
        titulo=_("Nueva fecha aprobada (%(fecha)s): «%(compromiso)s»")
        % {"fecha": fecha_larga(solicitud.fecha_nueva), "compromiso": compromiso},
        mensaje=solicitud.observacion,
        url=compromiso.get_absolute_url(),
        objeto=compromiso,
    )
    return solicitud


@transaction.atomic
def rechazar_reprogramacion(*, compromiso: Compromiso, usuario, observacion: str) -> Reprogramacion:
    """The request is refused with a reason; the due date stays."""
    _exigir_texto("observacion", observacion, _("Explique por qué se rechaza la nueva fecha."))
    compromiso, solicitud = _resolver(
        compromiso, usuario, Reprogramacion.Estado.RECHAZADA, observacion
    )
    solicitud.save()
    notificar(
        destinatario=solicitud.autor,
        titulo=_("Nueva fecha rechazada: «%(compromiso)s»") % {"compromiso": compromiso},
        mensaje=solicitud.observacion,
        url=compromiso.get_absolute_url(),
        objeto=compromiso,
    )
    return solicitud


@transaction.atomic
def cambiar_meta(*, compromiso: Compromiso, meta: MetaEstrategica | None, usuario) -> Compromiso:
    """The Despacho (whoever follows it up) sets or corrects the plan de desarrollo meta a
    commitment serves, at any time but after a cancellation; the change is in its history."""
    compromiso = _bloquear_compromiso(compromiso, usuario)
    if not compromiso.puede_seguir(usuario):
        raise PermissionDenied(
            _("Solo quien hace el seguimiento cambia la meta del plan de desarrollo.")
        )
    if compromiso.estado in (Estado.BORRADOR, Estado.CANCELADO):
        raise ErrorDeEstado(_("La meta no se cambia en un compromiso cancelado o en borrador."))
    if meta is not None and not meta.activa:
        raise ValidationError({"meta": _("Esa meta ya no está activa.")})
    compromiso.meta = meta
    compromiso.save(update_fields=["meta"])
    return compromiso


# --- the calendar feed -----------------------------------------------------------------------


def calendario_de(usuario) -> CalendarioPersonal:
    """The user's ICS feed token, created on first use."""
    calendario, _creado = CalendarioPersonal.objects.get_or_create(usuario=usuario)
    return calendario


@transaction.atomic
def regenerar_calendario(*, usuario) -> CalendarioPersonal:
    """A new secret URL; the old one stops working at once."""
    calendario = calendario_de(usuario)
    calendario.regenerar()
    return calendario
