"""What writes sessions, delegations and fichas: every multi-table write, lock or notice of P001.

Views validate their forms, call one of these functions and turn `ErrorDeEstado`,
`ValidationError` (a dict of messages per field) or `CompromisosInvalidos` (per commitment
row) into a message beside the field. Each function is one transaction: nothing half-saved.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from buengobierno.avisos.servicios import notificar, programar_aviso
from buengobierno.documentos.adjuntos import guardar_adjunto, validar_archivo
from buengobierno.documentos.consecutivos import siguiente_consecutivo
from buengobierno.documentos.formato import de, fecha_larga, frase, hora
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    roles_de,
    usuarios_con_rol,
)
from buengobierno.organizacion.models import Organismo, Usuario
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.concurrencia import aplicar, fusionar
from compromisos.services import CompromisosInvalidos, crear_compromisos, errores_de_compromiso
from delegaciones import documentos
from delegaciones.models import (
    DIAS_HABILES_FICHA,
    PUEDEN_SER_DELEGADOS,
    ROLES_COORDINACION,
    CompromisoFicha,
    Delegacion,
    DelegacionPermanente,
    ErrorDeEstado,
    FichaTecnica,
    Instancia,
    Sesion,
)

Estado = Delegacion.Estado
SERIE_CARTAS = "cartas-delegacion"
MENSAJE_UNA_VIGENTE = _l(
    "Esta sesión ya tiene una delegación vigente; cancélela antes de delegar en otra persona."
)
PLANTILLA_NOTIFICADA = "delegaciones/notificada"
PLANTILLA_DEVUELTA = "delegaciones/ficha_devuelta"
# What each attachment of a session or a ficha is, as its description says.
ADJUNTOS_SESION = {"invitacion": _l("Invitación"), "orden_del_dia": _l("Orden del día")}
ADJUNTOS_FICHA = {
    "acta": _l("Acta de la sesión"),
    "presentacion": _l("Presentación"),
    "asistencia": _l("Listado de asistencia"),
}


MENSAJE_NO_DELEGABLE = _l(
    "%(persona)s no tiene un rol con el que pueda aceptar la delegación y enviar la ficha "
    "técnica (Directivo, Enlace, Relaciones y Cooperación, Jurídica o el Despacho). Elija a "
    "otra persona o pida al administrador que le asigne el rol."
)


def delegables():
    """The people who may be delegated: active, with a role that can act on a delegation."""
    return (
        usuarios_con_rol(*PUEDEN_SER_DELEGADOS)
        .select_related("organismo")
        .order_by("first_name", "last_name", "username")
    )


def plazo_de_ficha(sesion: Sesion):
    """Three business days after the session (Ley 4 de 1913 art. 62: holidays do not count)."""
    return sumar_dias_habiles(sesion.fecha, DIAS_HABILES_FICHA)


def recalcular_plazos(*, fecha, motivo: str = "", **kwargs) -> int:
    """The calendar changed on `fecha` (buengobierno.plazos.senales): recompute the open ficha
    deadlines it can move — fichas owed or not yet due whose window spans that day, and the new
    deadline of returned fichas — each saved with `motivo` in its history. Returns how many
    changed. A delivered ficha keeps the deadline it was judged by."""
    cambiados = 0
    abiertas = (
        Delegacion.objects.exclude(
            estado__in=(*Delegacion.CON_FICHA, *Delegacion.TERMINADAS_SIN_FICHA)
        )
        .exclude(estado__in=Delegacion.SIN_REPRESENTACION)
        .exclude(ficha__entregada_en__isnull=False)
        .filter(fecha_limite_ficha__gte=fecha)
        .select_related("sesion")
    )
    for delegacion in abiertas:
        nuevo = plazo_de_ficha(delegacion.sesion)
        if nuevo != delegacion.fecha_limite_ficha and delegacion.sesion.fecha < fecha:
            delegacion.fecha_limite_ficha = nuevo
            delegacion._change_reason = motivo
            delegacion.save(update_fields=["fecha_limite_ficha"])
            cambiados += 1
    devueltas = FichaTecnica.objects.filter(
        delegacion__estado__in=Delegacion.DEBEN_FICHA,
        devuelta_en__isnull=False,
        plazo_reenvio__gte=fecha,
    )
    for ficha in devueltas:
        nuevo = sumar_dias_habiles(timezone.localtime(ficha.devuelta_en).date(), DIAS_HABILES_FICHA)
        if nuevo != ficha.plazo_reenvio:
            ficha.plazo_reenvio = nuevo
            ficha._change_reason = motivo
            ficha.save(update_fields=["plazo_reenvio"])
            cambiados += 1
    return cambiados


def es_coordinador(usuario) -> bool:
    return bool(roles_de(usuario) & (ROLES_COORDINACION | {Rol.ADMINISTRADOR}))


def _error_de_transicion(delegacion: Delegacion, nuevo: str) -> ErrorDeEstado:
    estados = dict(Estado.choices)
    return ErrorDeEstado(
        _("No se puede pasar de «%(actual)s» a «%(nuevo)s».")
        % {"actual": estados[delegacion.estado], "nuevo": estados[nuevo]}
    )


def _bloquear(delegacion: Delegacion, nuevo: str | None = None) -> Delegacion:
    """The delegation row locked until the transaction ends, checked against `nuevo`."""
    bloqueada = Delegacion.objects.select_for_update().get(pk=delegacion.pk)
    bloqueada.sesion = delegacion.sesion
    if nuevo is not None and not bloqueada.puede_pasar_a(nuevo):
        raise _error_de_transicion(bloqueada, nuevo)
    return bloqueada


def _exigir_coordinador(usuario) -> None:
    if not es_coordinador(usuario):
        raise PermissionDenied(_("Solo el Despacho de Gobierno puede hacer esto."))


def _exigir_delegado(delegacion: Delegacion, usuario) -> None:
    if usuario.pk != delegacion.delegado_id:
        raise PermissionDenied(_("Solo la persona delegada puede responder la delegación."))


def _guardar_adjuntos(objeto, archivos: dict, descripciones: dict, usuario) -> None:
    for campo, archivo in archivos.items():
        if archivo:
            guardar_adjunto(
                objeto=objeto,
                archivo=archivo,
                usuario=usuario,
                descripcion=str(descripciones.get(campo, "")),
            )


# --- sessions and delegations ----------------------------------------------------------------


def errores_de_delegacion(*, sesion_inicio, delegado) -> dict[str, list[str]]:
    """Spanish messages, per field, of what makes a delegation impossible."""
    errores = {}
    if sesion_inicio is not None and sesion_inicio <= timezone.now():
        errores["inicio"] = [
            _("La sesión ya pasó: solo se delega en una sesión que aún no se ha realizado.")
        ]
    if delegado is not None:
        if not delegado.is_active:
            errores["delegado"] = [_("La persona elegida está inactiva.")]
        elif not roles_de(delegado) & PUEDEN_SER_DELEGADOS:
            errores["delegado"] = [MENSAJE_NO_DELEGABLE % {"persona": delegado}]
        elif not (delegado.email or "").strip():
            errores["delegado"] = [
                _(
                    "%(persona)s no tiene correo electrónico registrado y no recibiría la "
                    "delegación. Pida al administrador que lo registre o elija a otra persona."
                )
                % {"persona": delegado}
            ]
    return errores


@transaction.atomic
def registrar_sesion(*, datos: dict, archivos: dict, usuario, delegacion: dict | None = None):
    """A session of an instancia with its invitation and agenda, and optionally its delegation.

    `delegacion` holds delegado, delegante, instrucciones, postura (see `delegar`). A session
    the Secretario de Gobierno attends ("Asiste el Secretario") gets a delegation to him from
    the Alcalde (its instructions from `delegacion`, if given), so its ficha is owed too.
    Raises ValidationError with messages per field; nothing is saved then.
    """
    exigir_creacion(usuario, Sesion)
    if delegacion and delegacion.get("delegado") is not None:
        errores = errores_de_delegacion(
            sesion_inicio=datos.get("inicio"), delegado=delegacion.get("delegado")
        )
        if errores:
            raise ValidationError(errores)
        datos = {**datos, "asistencia": Sesion.Asistencia.DELEGA}
    elif datos.get("asistencia") == Sesion.Asistencia.SECRETARIO:
        delegacion = _delegacion_al_secretario(datos.get("inicio"), delegacion or {})
    else:
        delegacion = None
    sesion = Sesion(**datos, creado_por=usuario)
    sesion.full_clean(exclude=["creado_por"])
    sesion.save()
    _guardar_adjuntos(sesion, archivos, ADJUNTOS_SESION, usuario)
    if delegacion:
        delegar(sesion=sesion, usuario=usuario, **delegacion)
    return sesion


INSTRUCCIONES_SECRETARIO = _l(
    "Asistir en representación del Alcalde de Santiago de Cali y enviar la ficha técnica de "
    "la sesión."
)


def secretarios_de_gobierno():
    """The active users with the role Secretario de Gobierno, the head of an organism first
    (should an encargado also hold the role). One group, so no duplicate rows: usable as a
    subquery (see delegaciones.avisos)."""
    return (
        Usuario.objects.filter(is_active=True, groups__name=Rol.SECRETARIO)
        .alias(es_jefe=Exists(Organismo.objects.filter(jefe=OuterRef("pk"))))
        .order_by("-es_jefe", "pk")
    )


def secretario_de_gobierno():
    """The Secretario de Gobierno (see secretarios_de_gobierno), or None."""
    return secretarios_de_gobierno().select_related("organismo").first()


def _delegacion_al_secretario(inicio, datos: dict) -> dict:
    """ "Asiste el Secretario de Gobierno" is a representation of the Alcalde: a delegation to
    the Secretario (delegante: el Alcalde), whose ficha is owed as anyone else's."""
    secretario = secretario_de_gobierno()
    if secretario is None:
        raise ValidationError(
            {
                "asistencia": [
                    _(
                        "No hay un usuario activo con el rol Secretario de Gobierno a quien "
                        "delegar. Pida al administrador que lo registre o elija otra opción."
                    )
                ]
            }
        )
    errores = errores_de_delegacion(sesion_inicio=inicio, delegado=secretario)
    if errores:
        raise ValidationError(errores)
    return {
        "delegado": secretario,
        "delegante": Delegacion.Delegante.ALCALDE,
        "instrucciones": (datos.get("instrucciones") or "").strip()
        or str(INSTRUCCIONES_SECRETARIO),
        "postura": datos.get("postura") or "",
    }


@transaction.atomic
def actualizar_instancia(*, instancia: Instancia, datos: dict, usuario, base=None) -> Instancia:
    """Change an instancia's data. `base`: what the editor's form showed (see
    buengobierno.web.concurrencia); a field changed meanwhile by someone else and also here
    raises EdicionEnConflicto and nothing is saved."""
    instancia = Instancia.objects.select_for_update().get(pk=instancia.pk)
    exigir_edicion(usuario, instancia)
    aplicar(instancia, datos=datos, base=base, excluir=["creado_por"])
    return instancia


@transaction.atomic
def actualizar_sesion(*, sesion: Sesion, datos: dict, archivos: dict, usuario, base=None) -> Sesion:
    """Change a session's data and add attachments. `base`: what the editor's form showed
    (see buengobierno.web.concurrencia); a field changed meanwhile by someone else and also
    here raises EdicionEnConflicto and nothing is saved (the attachments neither)."""
    sesion = Sesion.objects.select_for_update().get(pk=sesion.pk)
    exigir_edicion(usuario, sesion)
    antes = sesion.asistencia
    aplicar(sesion, datos=datos, base=base, excluir=["creado_por"])
    _guardar_adjuntos(sesion, archivos, ADJUNTOS_SESION, usuario)
    if (
        sesion.asistencia == Sesion.Asistencia.SECRETARIO != antes
        and not Delegacion.objects.filter(sesion=sesion).vigentes().exists()
    ):
        delegar(sesion=sesion, usuario=usuario, **_delegacion_al_secretario(sesion.inicio, {}))
    # The deadline of the ficha follows the session when it moves.
    Delegacion.objects.filter(sesion=sesion).exclude(estado__in=Delegacion.CON_FICHA).update(
        fecha_limite_ficha=plazo_de_ficha(sesion)
    )
    # A numbered letter names the session's date and place: issue it again if they changed.
    for delegacion in Delegacion.objects.filter(sesion=sesion).vigentes().exclude(numero_carta=""):
        documentos.CARTA.generar_al_confirmar(delegacion)
    return sesion


@transaction.atomic
def delegar(
    *,
    sesion: Sesion,
    delegado,
    usuario,
    instrucciones: str,
    postura: str = "",
    delegante: str = Delegacion.Delegante.ALCALDE,
    notificar_ahora: bool = True,
) -> Delegacion:
    """Delegate `delegado` to represent the Alcalde (or the Secretario) in `sesion`.

    The ficha's deadline is computed now, three business days after the session. With
    `notificar_ahora` the letter is numbered and generated for signature ("pendiente de
    firma"; the delegate is told once it is signed, see `registrar_firma`); otherwise the
    delegation stays a draft. Raises ValidationError (per field) for a past session, a
    delegate without e-mail, or a session that already has a delegation in force.
    """
    _exigir_coordinador(usuario)
    sesion = Sesion.objects.select_for_update().select_related("instancia").get(pk=sesion.pk)
    errores = errores_de_delegacion(sesion_inicio=sesion.inicio, delegado=delegado)
    if not (instrucciones or "").strip():
        errores["instrucciones"] = [_("Escriba las instrucciones para el delegado.")]
    if delegante == Delegacion.Delegante.SECRETARIO and Rol.SECRETARIO in roles_de(delegado):
        errores.setdefault("delegante", []).append(
            _("El Secretario de Gobierno no se delega a sí mismo: quien delega es el Alcalde.")
        )
    if Delegacion.objects.filter(sesion=sesion).vigentes().exists():
        errores.setdefault("delegado", []).append(MENSAJE_UNA_VIGENTE)
    if errores:
        raise ValidationError(errores)
    try:
        # The savepoint turns a race lost to another delegation of the same session (SQLite
        # cannot lock the session row) into the form's message instead of an error page.
        with transaction.atomic():
            delegacion = Delegacion.objects.create(
                sesion=sesion,
                delegante=delegante,
                delegado=delegado,
                organismo=delegado.organismo,
                instrucciones=instrucciones.strip(),
                postura=(postura or "").strip(),
                fecha_limite_ficha=plazo_de_ficha(sesion),
                creado_por=usuario,
            )
    except IntegrityError:
        raise ValidationError({"delegado": [MENSAJE_UNA_VIGENTE]}) from None
    # The Secretario attending for the Alcalde keeps the session's "Asiste el Secretario".
    asistencia = Sesion.Asistencia.DELEGA
    if (
        sesion.asistencia == Sesion.Asistencia.SECRETARIO
        and delegante == Delegacion.Delegante.ALCALDE
        and Rol.SECRETARIO in roles_de(delegado)
    ):
        asistencia = Sesion.Asistencia.SECRETARIO
    if sesion.asistencia != asistencia:
        sesion.asistencia = asistencia
        sesion.save(update_fields=["asistencia"])
    instancia = sesion.instancia
    if instancia.delegado_habitual_id is None:
        instancia.delegado_habitual = delegado
        instancia.save(update_fields=["delegado_habitual"])
    if notificar_ahora:
        delegacion = emitir_carta(delegacion=delegacion, usuario=usuario)
    return delegacion


# --- standing delegations --------------------------------------------------------------------


def errores_de_permanente(
    *, instancia, delegado, desde, hasta, acto=None, numero_acto="", fecha_acto=None, excluir=None
) -> dict[str, list[str]]:
    """Spanish messages, per field, of what makes a standing delegation invalid: the act's
    number, date and PDF (checked by its content), a period that ends before it starts or
    overlaps another standing delegation of the same instancia, a delegate who could not act."""
    errores = {}
    if not (numero_acto or "").strip():
        errores["numero_acto"] = [_("Escriba el número del decreto o la resolución.")]
    if fecha_acto is not None and fecha_acto > timezone.localdate():
        errores["fecha_acto"] = [_("La fecha del acto no puede ser posterior a hoy.")]
    if acto is None:
        errores["acto"] = [_("Suba la copia del acto firmado (PDF).")]
    else:
        try:
            if validar_archivo(acto) != Adjunto.Tipo.PDF:
                errores["acto"] = [_("La copia del acto debe ser un PDF.")]
        except ValidationError as error:
            errores["acto"] = list(error.messages)
    if delegado is not None:
        errores.update(errores_de_delegacion(sesion_inicio=None, delegado=delegado))
    if desde and hasta and hasta < desde:
        errores["hasta"] = [_("La fecha final no puede ser anterior a la inicial.")]
    elif desde and hasta and instancia is not None:
        otra = (
            DelegacionPermanente.objects.filter(
                instancia=instancia, desde__lte=hasta, hasta__gte=desde
            )
            .exclude(pk=excluir)
            .order_by("desde")
            .first()
        )
        if otra is not None:
            errores["desde"] = [
                _(
                    "Se cruza con otra delegación permanente de esta instancia (%(acto)s, "
                    "del %(desde)s al %(hasta)s)."
                )
                % {
                    "acto": otra.acto_en_palabras,
                    "desde": fecha_larga(otra.desde),
                    "hasta": fecha_larga(otra.hasta),
                }
            ]
    return errores


@transaction.atomic
def crear_permanente(*, instancia: Instancia, datos: dict, acto, usuario) -> DelegacionPermanente:
    """Register a standing delegation (decree or resolution) of `instancia` for a period,
    with the act's PDF. `datos`: tipo_acto, numero_acto, fecha_acto, delegante, delegado,
    desde, hasta, instrucciones. Raises ValidationError per field; nothing is saved then."""
    _exigir_coordinador(usuario)
    exigir_creacion(usuario, DelegacionPermanente)
    # The instancia's row locked: two overlapping periods registered at once take turns.
    instancia = Instancia.objects.select_for_update().get(pk=instancia.pk)
    exigir_edicion(usuario, instancia)
    errores = errores_de_permanente(
        instancia=instancia,
        delegado=datos.get("delegado"),
        desde=datos.get("desde"),
        hasta=datos.get("hasta"),
        acto=acto,
        numero_acto=datos.get("numero_acto"),
        fecha_acto=datos.get("fecha_acto"),
    )
    if not (datos.get("instrucciones") or "").strip():
        errores["instrucciones"] = [_("Escriba las instrucciones para el delegado.")]
    if errores:
        raise ValidationError(errores)
    permanente = DelegacionPermanente(
        instancia=instancia,
        tipo_acto=datos.get("tipo_acto") or DelegacionPermanente.TipoActo.DECRETO,
        numero_acto=datos["numero_acto"].strip(),
        fecha_acto=datos["fecha_acto"],
        delegante=datos.get("delegante") or Delegacion.Delegante.ALCALDE,
        delegado=datos["delegado"],
        desde=datos["desde"],
        hasta=datos["hasta"],
        instrucciones=datos["instrucciones"].strip(),
        creado_por=usuario,
    )
    permanente.full_clean(exclude=["acto", "creado_por"])
    permanente.save()
    permanente.acto = guardar_adjunto(
        objeto=permanente,
        archivo=acto,
        usuario=usuario,
        descripcion=str(_("Copia del acto: %(acto)s") % {"acto": permanente.acto_en_palabras}),
    )
    permanente.save(update_fields=["acto"])
    return permanente


def permanente_de(sesion: Sesion) -> DelegacionPermanente | None:
    """The standing delegation of the session's instancia whose period covers its date."""
    dia = sesion.fecha
    return (
        DelegacionPermanente.objects.filter(
            instancia_id=sesion.instancia_id, desde__lte=dia, hasta__gte=dia
        )
        .select_related("delegado__organismo")
        .first()
    )


@transaction.atomic
def delegar_desde_permanente(*, sesion: Sesion, usuario) -> Delegacion:
    """Delegate `sesion` from the standing delegation that covers it, in one step: the act is
    the written act, so the delegation is notified at once (no letter to number or sign) and
    the delegate's reminders start; the ficha is owed as for any other session."""
    _exigir_coordinador(usuario)
    permanente = permanente_de(sesion)
    if permanente is None:
        raise ErrorDeEstado(
            _("Ninguna delegación permanente de esta instancia cubre la fecha de la sesión.")
        )
    sesion = Sesion.objects.select_for_update().select_related("instancia").get(pk=sesion.pk)
    errores = errores_de_delegacion(sesion_inicio=sesion.inicio, delegado=permanente.delegado)
    if Delegacion.objects.filter(sesion=sesion).vigentes().exists():
        errores.setdefault("delegado", []).append(MENSAJE_UNA_VIGENTE)
    if errores:
        raise ValidationError(errores)
    ahora = timezone.now()
    try:
        with transaction.atomic():
            delegacion = Delegacion.objects.create(
                sesion=sesion,
                permanente=permanente,
                delegante=permanente.delegante,
                delegado=permanente.delegado,
                organismo=permanente.delegado.organismo,
                instrucciones=permanente.instrucciones,
                estado=Estado.NOTIFICADA,
                notificada_en=ahora,
                firma_registrada_en=ahora,
                firma_registrada_por=usuario,
                fecha_limite_ficha=plazo_de_ficha(sesion),
                creado_por=usuario,
            )
    except IntegrityError:
        raise ValidationError({"delegado": [MENSAJE_UNA_VIGENTE]}) from None
    if sesion.asistencia != Sesion.Asistencia.DELEGA:
        sesion.asistencia = Sesion.Asistencia.DELEGA
        sesion.save(update_fields=["asistencia"])
    _avisar_al_delegado(delegacion)
    return delegacion


@transaction.atomic
def emitir_carta(*, delegacion: Delegacion, usuario) -> Delegacion:
    """Number the delegation letter and generate it for signature ("pendiente de firma").

    The delegate is not told yet: a delegation is a written act, notified once the signed
    copy is uploaded or its Daruma record entered (`registrar_firma`)."""
    _exigir_coordinador(usuario)
    delegacion = _bloquear(delegacion, Estado.PENDIENTE_FIRMA)
    errores = errores_de_delegacion(
        sesion_inicio=delegacion.sesion.inicio, delegado=delegacion.delegado
    )
    if errores:
        raise ValidationError(errores)
    delegacion.numero_carta = siguiente_consecutivo(SERIE_CARTAS).texto
    delegacion.estado = Estado.PENDIENTE_FIRMA
    delegacion.save(update_fields=["numero_carta", "estado"])
    # The PDF stays as the draft that was signed.
    documentos.CARTA.generar_al_confirmar(delegacion)
    return delegacion


def errores_de_firma(
    *, carta_firmada=None, radicado: str = "", fecha_radicado=None, trd: str = ""
) -> dict[str, list[str]]:
    """Spanish messages, per field, of what makes a record of the letter's signature invalid:
    either a signed copy that is a PDF (checked by its content), or the radicado number, its
    date and the TRD code of the document-management system."""
    errores = {}
    if carta_firmada:
        try:
            tipo = validar_archivo(carta_firmada)
        except ValidationError as error:
            return {"carta_firmada": list(error.messages)}
        if tipo != Adjunto.Tipo.PDF:
            errores["carta_firmada"] = [_("La copia firmada de la carta debe ser un PDF.")]
        return errores
    radicado, trd = (radicado or "").strip(), (trd or "").strip()
    if not (radicado or fecha_radicado or trd):
        return {
            "carta_firmada": [
                _(
                    "Suba la copia firmada de la carta (PDF) o registre el radicado de Daruma "
                    "con su fecha y código TRD."
                )
            ]
        }
    if not radicado:
        errores["radicado"] = [_("Escriba el número de radicado de Daruma.")]
    if fecha_radicado is None:
        errores["fecha_radicado"] = [_("Indique la fecha del radicado.")]
    elif fecha_radicado > timezone.localdate():
        errores["fecha_radicado"] = [_("La fecha del radicado no puede ser posterior a hoy.")]
    if not trd:
        errores["trd"] = [_("Escriba el código TRD del radicado.")]
    return errores


@transaction.atomic
def registrar_firma(
    *,
    delegacion: Delegacion,
    usuario,
    carta_firmada=None,
    radicado: str = "",
    fecha_radicado=None,
    trd: str = "",
) -> Delegacion:
    """The letter was signed: store the signed copy (a PDF) or the Daruma record, and only
    now notify the delegate (e-mail and in-app notice) — their reminders start here."""
    _exigir_coordinador(usuario)
    delegacion = _bloquear(delegacion, Estado.NOTIFICADA)
    errores = errores_de_firma(
        carta_firmada=carta_firmada, radicado=radicado, fecha_radicado=fecha_radicado, trd=trd
    )
    errores.update(
        errores_de_delegacion(sesion_inicio=delegacion.sesion.inicio, delegado=delegacion.delegado)
    )
    if errores:
        raise ValidationError(errores)
    if carta_firmada:
        delegacion.carta_firmada = guardar_adjunto(
            objeto=delegacion,
            archivo=carta_firmada,
            usuario=usuario,
            descripcion=str(_("Carta de delegación firmada")),
        )
    else:
        delegacion.radicado_firma = radicado.strip()
        delegacion.fecha_radicado = fecha_radicado
        delegacion.trd_radicado = trd.strip()
    delegacion.firma_registrada_en = timezone.now()
    delegacion.firma_registrada_por = usuario
    delegacion.estado = Estado.NOTIFICADA
    delegacion.notificada_en = timezone.now()
    delegacion.save(
        update_fields=[
            "carta_firmada",
            "radicado_firma",
            "fecha_radicado",
            "trd_radicado",
            "firma_registrada_en",
            "firma_registrada_por",
            "estado",
            "notificada_en",
        ]
    )
    _avisar_al_delegado(delegacion)
    return delegacion


def _avisar_al_delegado(delegacion: Delegacion) -> None:
    programar_aviso(
        objeto=delegacion,
        paso="notificada",
        destinatario=delegacion.delegado,
        plantilla=PLANTILLA_NOTIFICADA,
        contexto={
            # frase(): a name ending in "S.A." gets no second period.
            "mensaje": frase(
                _(
                    "El %(fecha)s, a las %(hora)s, usted representará %(a_quien)s en la "
                    "sesión %(sesion_de)s"
                )
                % {
                    "fecha": fecha_larga(delegacion.sesion.inicio),
                    "hora": hora(delegacion.sesion.inicio),
                    "a_quien": delegacion.a_quien_representa,
                    "sesion_de": de(delegacion.sesion.instancia),
                }
            )
        },
    )


def _la_sesion(delegacion: Delegacion) -> str:
    """'Junta Directiva de EMCALI, sesión del 9 de diciembre de 2026': notices name the
    session and its date, so two notices about one instancia are told apart."""
    return _("%(instancia)s, sesión del %(fecha)s") % {
        "instancia": delegacion.sesion.instancia,
        "fecha": fecha_larga(delegacion.sesion.fecha),
    }


def _avisar_al_despacho(delegacion: Delegacion, titulo: str, mensaje: str = "") -> None:
    notificar(
        destinatario=delegacion.creado_por,
        titulo=titulo,
        mensaje=mensaje,
        url=delegacion.get_absolute_url(),
        objeto=delegacion,
    )


@transaction.atomic
def aceptar_delegacion(*, delegacion: Delegacion, usuario) -> Delegacion:
    _exigir_delegado(delegacion, usuario)
    delegacion = _bloquear(delegacion, Estado.ACEPTADA)
    delegacion.estado = Estado.ACEPTADA
    delegacion.respondida_en = timezone.now()
    delegacion.save(update_fields=["estado", "respondida_en"])
    _avisar_al_despacho(
        delegacion,
        _("%(persona)s aceptó la delegación: %(sesion)s")
        % {"persona": usuario, "sesion": _la_sesion(delegacion)},
    )
    return delegacion


@transaction.atomic
def rechazar_delegacion(*, delegacion: Delegacion, usuario, motivo: str) -> Delegacion:
    """The delegate cannot go: the Despacho is told, to delegate someone else."""
    _exigir_delegado(delegacion, usuario)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": _("Indique por qué no puede asistir.")})
    delegacion = _bloquear(delegacion, Estado.RECHAZADA)
    delegacion.estado = Estado.RECHAZADA
    delegacion.motivo_rechazo = motivo.strip()
    delegacion.respondida_en = timezone.now()
    delegacion.save(update_fields=["estado", "motivo_rechazo", "respondida_en"])
    _avisar_al_despacho(
        delegacion,
        _("%(persona)s no puede asistir, delegue en otra persona: %(sesion)s")
        % {"persona": usuario, "sesion": _la_sesion(delegacion)},
        delegacion.motivo_rechazo,
    )
    return delegacion


@transaction.atomic
def cancelar_delegacion(*, delegacion: Delegacion, usuario, motivo: str) -> Delegacion:
    """Cancel before the session (the Alcalde will go, the session was called off…)."""
    _exigir_coordinador(usuario)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": _("Indique el motivo de la cancelación.")})
    delegacion = _bloquear(delegacion, Estado.CANCELADA)
    if delegacion.sesion.ya_empezo:
        raise ErrorDeEstado(_("La sesión ya se realizó: la delegación no se puede cancelar."))
    avisar = delegacion.estado not in Delegacion.SIN_NOTIFICAR
    delegacion.estado = Estado.CANCELADA
    delegacion.motivo_cancelacion = motivo.strip()
    delegacion.save(update_fields=["estado", "motivo_cancelacion"])
    if avisar:
        notificar(
            destinatario=delegacion.delegado,
            titulo=_("Se canceló su delegación: %(sesion)s") % {"sesion": _la_sesion(delegacion)},
            mensaje=delegacion.motivo_cancelacion,
            url=delegacion.get_absolute_url(),
            objeto=delegacion,
        )
    return delegacion


def _sin_representacion(*, delegacion: Delegacion, usuario, motivo: str, estado: str):
    _exigir_coordinador(usuario)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": _("Indique el motivo.")})
    delegacion = _bloquear(delegacion, estado)
    if not delegacion.sesion.ya_empezo:
        raise ErrorDeEstado(
            _("La sesión es el %(fecha)s: esto se registra cuando la sesión ya empezó.")
            % {"fecha": fecha_larga(delegacion.sesion.fecha)}
        )
    delegacion.estado = estado
    delegacion.motivo_sin_representacion = motivo.strip()
    delegacion.save(update_fields=["estado", "motivo_sin_representacion"])
    return delegacion


@transaction.atomic
def registrar_no_asistencia(*, delegacion: Delegacion, usuario, motivo: str) -> Delegacion:
    """The delegate did not attend (with the reason): the ficha is no longer owed and its
    reminders and escalation stop (they check the state before sending)."""
    return _sin_representacion(
        delegacion=delegacion, usuario=usuario, motivo=motivo, estado=Estado.NO_ASISTIO
    )


@transaction.atomic
def registrar_suspension(*, delegacion: Delegacion, usuario, motivo: str) -> Delegacion:
    """The convening entity called the session off once it was due: no ficha is owed."""
    return _sin_representacion(
        delegacion=delegacion, usuario=usuario, motivo=motivo, estado=Estado.SUSPENDIDA
    )


def _exigir_sesion_realizada(delegacion: Delegacion) -> None:
    if not delegacion.sesion.ya_empezo:
        raise ErrorDeEstado(
            _("La sesión es el %(fecha)s: la ficha se registra después de la sesión.")
            % {"fecha": fecha_larga(delegacion.sesion.fecha)}
        )


@transaction.atomic
def marcar_realizada(*, delegacion: Delegacion, usuario) -> Delegacion:
    """The delegate (or the Despacho) says the session took place; an enlace of the
    delegate's organism may draft the ficha but does not speak for the delegate here."""
    if not (usuario.pk == delegacion.delegado_id or es_coordinador(usuario)):
        raise PermissionDenied(
            _("Solo la persona delegada o el Despacho registran que la sesión se realizó.")
        )
    exigir_edicion(usuario, delegacion)
    delegacion = _bloquear(delegacion, Estado.REALIZADA)
    _exigir_sesion_realizada(delegacion)
    delegacion.estado = Estado.REALIZADA
    delegacion.save(update_fields=["estado"])
    return delegacion


# --- the ficha -------------------------------------------------------------------------------


def puede_enviar_ficha(delegacion: Delegacion, usuario) -> bool:
    """The delegate sends the ficha (an enlace of the organism may only draft it)."""
    return usuario.pk == delegacion.delegado_id or es_coordinador(usuario)


TEXTOS_FICHA = (
    "asistentes",
    "desarrollo",
    "decisiones",
    "posicion_expresada",
    "votaciones",
    "asuntos_alcalde",
)


def _filas_sin_enviar(ficha: FichaTecnica | None) -> list[dict]:
    if ficha is None or ficha.pk is None:
        return []
    return [
        {
            "descripcion": f.descripcion,
            "responsable": f.responsable,
            "fecha_limite": f.fecha_limite,
            "meta": f.meta,
        }
        for f in ficha.compromisos_adoptados.filter(compromiso__isnull=True).select_related(
            "responsable", "meta"
        )
    ]


def valores_de_ficha(ficha: FichaTecnica | None) -> dict:
    """What the ficha's page edits, as stored: its texts and its rows not yet sent (the
    fields whose version the page carries, see buengobierno.web.concurrencia)."""
    valores = {c: getattr(ficha, c) if ficha is not None else "" for c in TEXTOS_FICHA}
    valores["sin_compromisos"] = ficha.sin_compromisos if ficha is not None else False
    valores["compromisos"] = _filas_sin_enviar(ficha)
    return valores


def errores_de_envio(ficha: FichaTecnica, compromisos: list) -> dict[str, list[str]]:
    """What keeps a ficha from being sent, per field (operating policy 3: what happened, the
    decisions taken and the commitments adopted — or an explicit "none were adopted")."""
    errores = {}
    if not ficha.desarrollo:
        errores["desarrollo"] = [_("Escriba lo acontecido en la sesión antes de enviar la ficha.")]
    if not ficha.decisiones:
        errores["decisiones"] = [_("Escriba las decisiones tomadas antes de enviar la ficha.")]
    enviados = (
        ficha.pk is not None and ficha.compromisos_adoptados.exclude(compromiso=None).exists()
    )
    hay_compromisos = bool(compromisos) or enviados
    if not hay_compromisos and not ficha.sin_compromisos:
        errores["sin_compromisos"] = [
            _("Registre al menos un compromiso adoptado o marque «No se adoptaron compromisos».")
        ]
    elif compromisos and ficha.sin_compromisos:
        errores["sin_compromisos"] = [
            _(
                "Marcó que no se adoptaron compromisos pero registró compromisos: quite la "
                "marca o los compromisos."
            )
        ]
    return errores


@transaction.atomic
def guardar_ficha(
    *,
    delegacion: Delegacion,
    datos: dict,
    compromisos: list[dict],
    archivos: dict,
    usuario,
    enviar: bool,
    base: dict | None = None,
) -> FichaTecnica:
    """Save the ficha (a draft, or sent to the Despacho with `enviar`), all or nothing.

    `datos`: the texts of TEXTOS_FICHA. `compromisos`: the rows not yet in
    follow-up, each {descripcion, responsable, fecha_limite}; they replace the unsent rows.
    On sending, each row becomes a P005 commitment with the ficha as its origin. Raises
    ValidationError (per field) for a ficha without development or decisions,
    CompromisosInvalidos (per row) for a bad commitment, ErrorDeEstado before the session.

    `base`: what the editor's page showed (buengobierno.web.concurrencia). The delegate and
    an enlace may draft the same ficha, from a phone and a laptop: a text or the rows
    changed meanwhile by someone else and also here raise EdicionEnConflicto and nothing is
    saved; what this submit did not touch keeps what the other saved.
    """
    exigir_edicion(usuario, delegacion)
    delegacion = _bloquear(delegacion)
    if delegacion.estado not in Delegacion.DEBEN_FICHA:
        raise ErrorDeEstado(
            _("La ficha no se puede modificar mientras la delegación está «%(estado)s».")
            % {"estado": delegacion.get_estado_display()}
        )
    _exigir_sesion_realizada(delegacion)
    if enviar and not puede_enviar_ficha(delegacion, usuario):
        raise PermissionDenied(_("Solo la persona delegada envía la ficha al Despacho."))
    ficha, _creada = FichaTecnica.objects.get_or_create(delegacion=delegacion)
    ficha.delegacion = delegacion
    nuevos = {c: (datos.get(c) or "").strip() for c in TEXTOS_FICHA}
    nuevos["sin_compromisos"] = bool(datos.get("sin_compromisos"))
    cambios = fusionar(
        base=base, actuales=valores_de_ficha(ficha), nuevos={**nuevos, "compromisos": compromisos}
    )
    if "compromisos" not in cambios:
        # Untouched here: the rows as stored (someone else's changes included) stay.
        compromisos = _filas_sin_enviar(ficha)
    for campo in (*TEXTOS_FICHA, "sin_compromisos"):
        if campo in cambios:
            setattr(ficha, campo, nuevos[campo])
    errores = {}
    for posicion, fila in enumerate(compromisos):
        errores_fila = errores_de_compromiso(
            descripcion=fila.get("descripcion"),
            responsable=fila.get("responsable"),
            fecha_limite=fila.get("fecha_limite"),
            fecha_minima=ficha.fecha_compromisos,
        )
        if errores_fila:
            errores[posicion] = errores_fila
    if errores:
        raise CompromisosInvalidos(errores)
    if enviar and (incompleta := errores_de_envio(ficha, compromisos)):
        raise ValidationError(incompleta)
    ficha.save()
    ficha.compromisos_adoptados.filter(compromiso__isnull=True).delete()
    filas = CompromisoFicha.objects.bulk_create(
        CompromisoFicha(
            ficha=ficha,
            descripcion=(c.get("descripcion") or "").strip(),
            responsable=c["responsable"],
            fecha_limite=c["fecha_limite"],
            meta=c.get("meta"),
        )
        for c in compromisos
    )
    _guardar_adjuntos(ficha, archivos, ADJUNTOS_FICHA, usuario)
    if delegacion.estado == Estado.ACEPTADA:
        delegacion.estado = Estado.REALIZADA
    if enviar:
        creados = crear_compromisos(
            origen=ficha,
            compromisos=[
                {
                    "descripcion": f.descripcion,
                    "responsable": f.responsable,
                    "fecha_limite": f.fecha_limite,
                    "meta": f.meta,
                }
                for f in filas
            ],
            creado_por=usuario,
        )
        for fila, compromiso in zip(filas, creados, strict=True):
            fila.compromiso = compromiso
        CompromisoFicha.objects.bulk_update(filas, ["compromiso"])
        ahora = timezone.now()
        if ficha.entregada_en is None:
            ficha.entregada_en = ahora
        else:
            ficha.reenviada_en = ahora
        ficha.entregada_por = usuario
        ficha.save(update_fields=["entregada_en", "reenviada_en", "entregada_por"])
        delegacion.estado = Estado.FICHA_ENTREGADA
        documentos.FICHA.generar_al_confirmar(ficha)
        avisar_entrega_de_ficha(delegacion=delegacion, ficha=ficha)
    delegacion.save(update_fields=["estado"])
    return ficha


def avisar_entrega_de_ficha(*, delegacion: Delegacion, ficha: FichaTecnica):
    """Tell the Despacho a ficha was delivered, on time or late as the record says (the
    deadline is the first delivery's: a ficha sent again after a return keeps it)."""
    plazo = fecha_larga(delegacion.fecha_limite_ficha)
    if ficha.entregada_a_tiempo:
        mensaje = _("Entregada a tiempo: el plazo vencía el %(plazo)s.") % {"plazo": plazo}
    else:
        mensaje = _("Entregada después del plazo, que venció el %(plazo)s.") % {"plazo": plazo}
    if ficha.reenviada_en:
        mensaje += " " + _("Es la ficha completada después de la devolución.")
    return notificar(
        destinatario=delegacion.creado_por,
        titulo=_("Ficha técnica entregada: %(sesion)s") % {"sesion": _la_sesion(delegacion)},
        mensaje=mensaje,
        url=delegacion.get_absolute_url(),
        objeto=delegacion,
    )


@transaction.atomic
def revisar_ficha(*, delegacion: Delegacion, usuario, observaciones: str = "") -> Delegacion:
    _exigir_coordinador(usuario)
    delegacion = _bloquear(delegacion, Estado.FICHA_REVISADA)
    ficha = delegacion.ficha
    ficha.revisada_por = usuario
    ficha.revisada_en = timezone.now()
    ficha.observaciones_revision = (observaciones or "").strip()
    ficha.save(update_fields=["revisada_por", "revisada_en", "observaciones_revision"])
    delegacion.estado = Estado.FICHA_REVISADA
    delegacion.save(update_fields=["estado"])
    return delegacion


@transaction.atomic
def devolver_ficha(*, delegacion: Delegacion, usuario, observaciones: str) -> Delegacion:
    """Return the ficha to the delegate to be completed, with a new deadline three business
    days from now (FichaTecnica.plazo_reenvio); the first delivery date stays."""
    _exigir_coordinador(usuario)
    if not (observaciones or "").strip():
        raise ValidationError({"observaciones": _("Explique qué falta en la ficha.")})
    delegacion = _bloquear(delegacion, Estado.REALIZADA)
    # Accepted → realizada is a transition too (marcar_realizada): only a delivered ficha
    # can be returned.
    if delegacion.estado != Estado.FICHA_ENTREGADA:
        raise _error_de_transicion(delegacion, Estado.REALIZADA)
    ficha = delegacion.ficha
    ficha.observaciones_revision = observaciones.strip()
    # Owed again, within three business days of the return (reminded and escalated on it).
    ficha.devuelta_en = timezone.now()
    ficha.plazo_reenvio = sumar_dias_habiles(timezone.localdate(), DIAS_HABILES_FICHA)
    ficha.save(update_fields=["observaciones_revision", "devuelta_en", "plazo_reenvio"])
    delegacion.estado = Estado.REALIZADA
    delegacion.save(update_fields=["estado"])
    programar_aviso(
        objeto=delegacion,
        paso=f"devuelta:{timezone.now():%Y%m%d%H%M%S%f}",
        destinatario=delegacion.delegado,
        plantilla=PLANTILLA_DEVUELTA,
        contexto={
            "mensaje": ficha.observaciones_revision,
            "plazo": fecha_larga(ficha.plazo_reenvio),
        },
    )
    return delegacion


def acciones_para(delegacion: Delegacion, usuario) -> list[str]:
    """The transitions this user may take now (names of the page's forms, in order)."""
    if not delegacion.puede_editar(usuario):
        return []
    coordina = es_coordinador(usuario)
    es_delegado = usuario.pk == delegacion.delegado_id
    empezo = delegacion.sesion.ya_empezo
    acciones = []
    if delegacion.estado == Estado.BORRADOR and coordina:
        acciones.append("emitir")
    if delegacion.estado == Estado.PENDIENTE_FIRMA and coordina:
        acciones.append("firmar")
    if delegacion.estado == Estado.NOTIFICADA and es_delegado:
        acciones += ["aceptar", "rechazar"]
    if delegacion.estado == Estado.ACEPTADA and empezo and (es_delegado or coordina):
        acciones.append("realizada")
    if delegacion.estado == Estado.FICHA_ENTREGADA and coordina:
        acciones += ["revisar", "devolver"]
    if delegacion.puede_pasar_a(Estado.NO_ASISTIO) and coordina and empezo:
        acciones += ["no_asistio", "suspendida"]
    if delegacion.puede_pasar_a(Estado.CANCELADA) and coordina and not empezo:
        acciones.append("cancelar")
    return acciones


def puede_llenar_ficha(delegacion: Delegacion, usuario) -> bool:
    return (
        delegacion.estado in Delegacion.DEBEN_FICHA
        and delegacion.sesion.ya_empezo
        and delegacion.puede_editar(usuario)
    )


# --- representations of the Secretario de Gobierno (P002) ------------------------------------

NORMA_REPRESENTACIONES = _l("Decreto 0516 de 2016 (representaciones del Secretario de Gobierno)")


@transaction.atomic
def delegar_representacion_del_secretario(
    *,
    organismo: Organismo,
    entidad: str,
    inicio,
    lugar: str = "",
    enlace_virtual: str = "",
    temas: str = "",
    delegado,
    instrucciones: str,
    usuario,
) -> Delegacion:
    """A delegation with the Secretario de Gobierno as delegating authority, for an activity of
    his agenda (P002) that he does not attend: a session of the instancia that gathers the
    representations asked by `organismo` (created on first use), delegated to `delegado`, so
    the letter and the ficha técnica are owed as for any delegation. Raises ValidationError
    (per field: inicio, delegado, instrucciones) and nothing is saved."""
    nombre = str(_("Representaciones del Secretario de Gobierno ante %(organismo)s")) % {
        "organismo": organismo.nombre
    }
    instancia, _creada = Instancia.objects.get_or_create(
        nombre=nombre[:200],
        defaults={
            "tipo": Instancia.Tipo.OTRA,
            "entidad_convocante": (entidad or organismo.nombre)[:200],
            "norma": str(NORMA_REPRESENTACIONES),
            "periodicidad": Instancia.Periodicidad.A_DEMANDA,
            "organismo": organismo,
            "creado_por": usuario,
        },
    )
    sesion = registrar_sesion(
        datos={
            "instancia": instancia,
            "inicio": inicio,
            "lugar": (lugar or "")[:200],
            "enlace_virtual": enlace_virtual or "",
            "temas": temas or "",
        },
        archivos={},
        usuario=usuario,
    )
    return delegar(
        sesion=sesion,
        delegado=delegado,
        usuario=usuario,
        instrucciones=instrucciones,
        delegante=Delegacion.Delegante.SECRETARIO,
    )
