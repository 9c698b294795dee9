"""What writes acts, their versions, vistos buenos, reviews, signature, number and publication.

Views validate their forms, call one of these functions and turn `ErrorDeEstado` or
`ValidationError` (a dict of messages per field) into a message beside the field. Each
function is one transaction that locks the act's row first: nothing half-saved, and two
people acting at once take turns.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actos.models import (
    ROLES_COORDINACION,
    ROLES_PRODUCTORES,
    ActoAdministrativo,
    ErrorDeEstado,
    EtapaActo,
    ItemRevision,
    Notificacion,
    RelacionActo,
    RevisionForma,
    VersionActo,
    VistoBueno,
)
from buengobierno.avisos.servicios import notificar
from buengobierno.documentos.adjuntos import guardar_adjunto, validar_archivo
from buengobierno.documentos.consecutivos import siguiente_consecutivo
from buengobierno.documentos.formato import fecha_larga
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, roles_de
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import sumar_dias_habiles
from buengobierno.web.entrada import mensajes_de_fecha

Estado = ActoAdministrativo.Estado
Tipo = VistoBueno.Tipo
Item = ItemRevision.Item
TIPOS_DE_TEXTO = {Adjunto.Tipo.DOCX, Adjunto.Tipo.PDF}
# States whose waiting is reminded after ACTOS_DIAS_AVISO business days.
CON_AVISO = (
    Estado.BORRADOR,
    Estado.DEVUELTO,
    Estado.REVISADO,
    Estado.LISTO_PARA_FIRMA,
    Estado.FIRMADO,
    Estado.NUMERADO,
)


def dias_aviso() -> int:
    """Business days a stage may wait before its reminder (a setting, 3 by default)."""
    return getattr(settings, "ACTOS_DIAS_AVISO", 3)


def es_coordinador(usuario) -> bool:
    return bool(roles_de(usuario) & (ROLES_COORDINACION | {Rol.ADMINISTRADOR}))


def es_juridica(usuario) -> bool:
    return Rol.JURIDICA in roles_de(usuario)


def es_secretario(usuario) -> bool:
    return bool(roles_de(usuario) & {Rol.SECRETARIO, Rol.ADMINISTRADOR})


def es_productor(usuario, acto) -> bool:
    """The head of the producing organism or a Directivo of it (its delegate)."""
    return (
        usuario.organismo_id == acto.organismo_id
        and Rol.DIRECTIVO in roles_de(usuario)
        or acto.organismo.jefe_id == usuario.pk
    )


def puede_producir(usuario, acto) -> bool:
    """Whoever may upload versions: the producing organism's people and the coordination."""
    if es_coordinador(usuario):
        return True
    return bool(roles_de(usuario) & ROLES_PRODUCTORES) and (
        usuario.organismo_id == acto.organismo_id or acto.creado_por_id == usuario.pk
    )


def _exigir(condicion: bool, mensaje: str) -> None:
    if not condicion:
        raise PermissionDenied(mensaje)


def _bloquear(acto: ActoAdministrativo, *nuevos: str) -> ActoAdministrativo:
    """The act's row locked until the transaction ends, checked against a next state."""
    bloqueado = (
        ActoAdministrativo.objects.select_related("tipo", "organismo")
        .select_for_update(of=("self",))
        .get(pk=acto.pk)
    )
    if nuevos and not any(bloqueado.puede_pasar_a(n) for n in nuevos):
        estados = dict(Estado.choices)
        raise ErrorDeEstado(
            _("No se puede hacer eso con un acto en estado «%(estado)s».")
            % {"estado": estados[bloqueado.estado]}
        )
    return bloqueado


def _vence(estado: str, hoy):
    return sumar_dias_habiles(hoy, dias_aviso()) if estado in CON_AVISO else None


def _pasar(acto: ActoAdministrativo, nuevo: str, *, motivo: str = "", campos=()) -> None:
    """Record the time spent in the stage that ends and enter `nuevo` (one save)."""
    hoy = timezone.localdate()
    EtapaActo.objects.create(
        acto=acto,
        organismo_id=acto.organismo_id,
        etapa=acto.estado,
        inicio=acto.etapa_desde,
        fin=hoy,
    )
    acto.estado = nuevo
    acto.etapa_desde = hoy
    acto.vence_etapa = _vence(nuevo, hoy)
    if nuevo in (Estado.FIRMADO, Estado.NUMERADO) and acto.es_general:
        acto.vence_etapa = None  # the reminder of this stage is for particular acts
    if motivo:
        acto._change_reason = motivo
    acto.save(update_fields=["estado", "etapa_desde", "vence_etapa", *campos])


def _validar_texto(archivo, campo: str = "archivo") -> None:
    try:
        tipo = validar_archivo(archivo)
    except ValidationError as error:
        raise ValidationError({campo: list(error.messages)}) from None
    if tipo not in TIPOS_DE_TEXTO:
        raise ValidationError(
            {campo: [_("El texto del acto debe ser un documento de Word (DOCX) o un PDF.")]}
        )


def _nueva_version(acto, *, archivo, usuario, comentario: str) -> VersionActo:
    _validar_texto(archivo)
    numero = (acto.versiones.order_by("-numero").values_list("numero", flat=True).first() or 0) + 1
    documento = guardar_adjunto(
        objeto=acto,
        archivo=archivo,
        usuario=usuario,
        descripcion=_("Versión %(n)s") % {"n": numero},
    )
    return VersionActo.objects.create(
        acto=acto,
        numero=numero,
        documento=documento,
        sha256=documento.sha256,
        autor=usuario,
        comentario=comentario,
    )


@transaction.atomic
def crear_acto(*, usuario, datos: dict, archivo, comentario: str = "", relaciones=()):
    """Register an act with the first version of its text. A producer registers acts of
    their own organism; the Despacho, of any organism."""
    exigir_creacion(usuario, ActoAdministrativo)
    if not es_coordinador(usuario):
        if not usuario.organismo_id:
            raise PermissionDenied(_("Su usuario no pertenece a ningún organismo."))
        datos = {**datos, "organismo": usuario.organismo}
    if datos.get("fecha_recibido"):
        errores = mensajes_de_fecha(datos["fecha_recibido"])
        if errores:
            raise ValidationError({"fecha_recibido": errores})
    _validar_texto(archivo)
    hoy = timezone.localdate()
    facultad = datos.get("facultad")
    if facultad is not None and not facultad.inicio <= hoy <= facultad.fin:
        raise ValidationError(
            {
                "facultad": _(
                    "Esas facultades extraordinarias no están vigentes hoy (del %(inicio)s al "
                    "%(fin)s): un acto solo puede ejercerlas mientras duran."
                )
                % {"inicio": fecha_larga(facultad.inicio), "fin": fecha_larga(facultad.fin)}
            }
        )
    acto = ActoAdministrativo.objects.create(
        **datos, creado_por=usuario, etapa_desde=hoy, vence_etapa=_vence(Estado.BORRADOR, hoy)
    )
    version = _nueva_version(acto, archivo=archivo, usuario=usuario, comentario=comentario)
    acto.version_actual = version
    acto.save(update_fields=["version_actual"])
    for tipo, referencia in relaciones:
        RelacionActo.objects.create(acto=acto, tipo=tipo, referencia=referencia)
    return acto


@transaction.atomic
def subir_version(*, acto, usuario, archivo, comentario: str = ""):
    """A new version of the text: every visto bueno on the earlier one is void, the marks of
    the gate are cleared, and a returned act goes back through the vistos buenos."""
    exigir_edicion(usuario, acto)
    acto = _bloquear(acto)
    _exigir(puede_producir(usuario, acto), _("Solo el organismo productor sube versiones."))
    if acto.estado not in ActoAdministrativo.ADMITEN_VERSION:
        raise ErrorDeEstado(
            _(
                "Solo se sube una nueva versión mientras el acto está en vistos buenos o "
                "devuelto al productor."
            )
        )
    version = _nueva_version(acto, archivo=archivo, usuario=usuario, comentario=comentario)
    anulados = VistoBueno.objects.filter(acto=acto, anulado_en__isnull=True).exclude(
        version=version
    )
    for visto in anulados:  # a few rows; each keeps its history
        visto.anulado_en = timezone.now()
        visto._change_reason = _("Nueva versión %(n)s del texto") % {"n": version.numero}
        visto.save(update_fields=["anulado_en"])
    acto.version_actual = version
    acto.vb_productor_en = acto.vb_juridica_en = None
    acto.revision_aprobada_en = acto.vb_secretario_en = None
    campos = ["version_actual", "vb_productor_en", "vb_juridica_en", "revision_aprobada_en"]
    campos.append("vb_secretario_en")
    motivo = _("Versión %(n)s del texto") % {"n": version.numero}
    if acto.estado == Estado.DEVUELTO:
        _pasar(acto, Estado.BORRADOR, motivo=motivo, campos=campos)
    else:
        acto._change_reason = motivo
        acto.vence_etapa = _vence(Estado.BORRADOR, timezone.localdate())
        acto.etapa_desde = timezone.localdate()
        acto.save(update_fields=[*campos, "vence_etapa", "etapa_desde"])
    return version


def _version_vigente(acto, version) -> VersionActo:
    """The version a visto bueno or review is given on must be the current one."""
    version_id = getattr(version, "pk", version)
    if version_id is None or int(version_id) != acto.version_actual_id:
        raise ValidationError(
            {
                "version": [
                    _(
                        "Esa versión ya no es la vigente: el productor subió otra. Revise la "
                        "versión %(n)s y dé el visto bueno sobre ella."
                    )
                    % {"n": acto.version_actual.numero if acto.version_actual_id else "—"}
                ]
            }
        )
    return acto.version_actual


CAMPO_DE_MARCA = {
    Tipo.PRODUCTOR: "vb_productor_en",
    Tipo.JURIDICA: "vb_juridica_en",
    Tipo.SECRETARIO: "vb_secretario_en",
}


def tipos_que_puede_dar(acto, usuario) -> list[str]:
    """The vistos buenos this user may give on the act now, in the application."""
    tipos = []
    if acto.estado == Estado.BORRADOR and acto.version_actual_id:
        if es_productor(usuario, acto) and not acto.vb_productor_en:
            tipos.append(Tipo.PRODUCTOR)
        if es_juridica(usuario) and not acto.vb_juridica_en:
            tipos.append(Tipo.JURIDICA)
    if acto.estado == Estado.REVISADO and es_secretario(usuario):
        tipos.append(Tipo.SECRETARIO)
    return tipos


def _guardar_visto(acto, *, tipo, version, usuario, **campos) -> VistoBueno:
    if VistoBueno.objects.filter(version=version, tipo=tipo, anulado_en__isnull=True).exists():
        raise ErrorDeEstado(_("Ese visto bueno ya se dio sobre la versión vigente."))
    visto = VistoBueno.objects.create(
        acto=acto, version=version, tipo=tipo, registrado_por=usuario, **campos
    )
    setattr(acto, CAMPO_DE_MARCA[tipo], timezone.now())
    return visto


@transaction.atomic
def dar_visto_bueno(*, acto, usuario, tipo: str, version, observaciones: str = ""):
    """The producer's or DAGJP's visto bueno (while in vistos buenos) or the Secretario's
    (after the review passed), on the current version, given in the application. The
    Secretario's makes the act "listo para firma" once the guard finds everything."""
    acto = _bloquear(acto)
    version = _version_vigente(acto, version)
    if tipo not in tipos_que_puede_dar(acto, usuario):
        raise ErrorDeEstado(_("Usted no puede dar ese visto bueno sobre este acto ahora."))
    _guardar_visto(
        acto,
        tipo=tipo,
        version=version,
        usuario=usuario,
        dado_por=usuario,
        fecha=timezone.localdate(),
        observaciones=observaciones,
    )
    campo = CAMPO_DE_MARCA[tipo]
    if tipo == Tipo.SECRETARIO:
        return _listo_para_firma(acto, campos=[campo])
    acto._change_reason = _("Visto bueno: %(de)s") % {"de": Tipo(tipo).label}
    acto.save(update_fields=[campo])
    return acto


@transaction.atomic
def registrar_visto_bueno(
    *, acto, usuario, tipo: str, version, firmante: str, fecha, medio: str, documento
):
    """The Despacho records a visto bueno received by Daruma or e-mail: who signed it, its
    date and the document, on the current version."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho registra vistos buenos recibidos."))
    acto = _bloquear(acto)
    if acto.estado != Estado.BORRADOR or tipo not in (Tipo.PRODUCTOR, Tipo.JURIDICA):
        raise ErrorDeEstado(_("Ese visto bueno no se registra en este momento."))
    version = _version_vigente(acto, version)
    errores = {}
    if not (firmante or "").strip():
        errores["firmante"] = [_("Escriba quién firmó el visto bueno.")]
    if fecha is None:
        errores["fecha"] = [_("Indique la fecha del visto bueno.")]
    elif fecha > timezone.localdate():
        errores["fecha"] = [_("La fecha no puede ser posterior a hoy.")]
    if documento is None:
        errores["documento"] = [_("Suba el documento con el visto bueno.")]
    else:
        try:
            validar_archivo(documento)
        except ValidationError as error:
            errores["documento"] = list(error.messages)
    if errores:
        raise ValidationError(errores)
    soporte = guardar_adjunto(
        objeto=acto, archivo=documento, usuario=usuario, descripcion=_("Soporte de visto bueno")
    )
    _guardar_visto(
        acto,
        tipo=tipo,
        version=version,
        usuario=usuario,
        firmante=firmante.strip(),
        fecha=fecha,
        medio=medio,
        soporte=soporte,
    )
    acto._change_reason = _("Visto bueno recibido: %(de)s") % {"de": Tipo(tipo).label}
    acto.save(update_fields=[CAMPO_DE_MARCA[tipo]])
    return acto


@transaction.atomic
def radicar(*, acto, usuario, radicado: str = "", trd: str = "", fecha_recibido=None):
    """Receive the act for the Alcalde's signature (policy 2): only with the producer's and
    the DAGJP's vistos buenos on its current version. It goes to the form review."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho radica los actos."))
    acto = _bloquear(acto, Estado.EN_REVISION)
    faltan = acto.faltantes_para_radicar()
    if faltan:
        raise ErrorDeEstado(
            _("No se puede radicar: falta %(faltan)s.") % {"faltan": ", ".join(faltan)}
        )
    acto.radicado = (radicado or acto.radicado).strip()
    acto.trd = (trd or acto.trd).strip()
    acto.fecha_recibido = fecha_recibido or acto.fecha_recibido or timezone.localdate()
    _pasar(acto, Estado.EN_REVISION, campos=["radicado", "trd", "fecha_recibido"])
    return acto


def items_aplicables(acto) -> list[str]:
    """The checklist of the form review; recursos only for particular acts."""
    return [i for i in Item.values if i != Item.RECURSOS or not acto.es_general]


@transaction.atomic
def revisar_forma(*, acto, usuario, version, items: dict, observaciones: str = ""):
    """The Despacho's form review of the current version. `items`: {item: (cumple,
    observación)} for every applicable item. All fulfilled: the review passes and the act
    waits for the Secretario; otherwise it is returned to the producer with the
    observations (a failed item needs one)."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho revisa la forma de los actos."))
    acto = _bloquear(acto, Estado.REVISADO, Estado.DEVUELTO)
    if acto.estado != Estado.EN_REVISION:
        raise ErrorDeEstado(_("El acto no está en revisión de forma."))
    version = _version_vigente(acto, version)
    aplicables = items_aplicables(acto)
    errores = {}
    for item in aplicables:
        cumple, observacion = items.get(item, (None, ""))
        if cumple is None:
            errores[f"cumple_{item}"] = [_("Indique si cumple.")]
        elif not cumple and not (observacion or "").strip():
            errores[f"obs_{item}"] = [_("Escriba la observación para el productor.")]
    if errores:
        raise ValidationError(errores)
    aprobada = all(items[i][0] for i in aplicables)
    revision = RevisionForma.objects.create(
        acto=acto,
        version=version,
        aprobada=aprobada,
        observaciones=observaciones,
        revisor=usuario,
        organismo_id=acto.organismo_id,
    )
    ItemRevision.objects.bulk_create(
        ItemRevision(
            revision=revision, item=i, cumple=items[i][0], observacion=(items[i][1] or "").strip()
        )
        for i in aplicables
    )
    if aprobada:
        acto.revision_aprobada_en = timezone.now()
        _pasar(acto, Estado.REVISADO, campos=["revision_aprobada_en"])
    else:
        acto.devoluciones += 1
        _pasar(
            acto,
            Estado.DEVUELTO,
            motivo=_("Devuelto con observaciones de forma"),
            campos=["devoluciones"],
        )
        for persona in {acto.creado_por, acto.organismo.jefe} - {None}:
            notificar(
                destinatario=persona,
                titulo=_("Acto devuelto con observaciones: %(acto)s") % {"acto": acto},
                mensaje=_("Corrija el texto y suba una nueva versión."),
                url=acto.get_absolute_url(),
                objeto=acto,
            )
    return revision


def _listo_para_firma(acto, *, campos) -> ActoAdministrativo:
    """The gate (policy 2): every mark on the current version, or nothing changes."""
    if not acto.puede_pasar_a(Estado.LISTO_PARA_FIRMA):
        raise ErrorDeEstado(_("El acto no puede pasar a firma desde su estado actual."))
    faltan = acto.faltantes_para_firma()
    if faltan:
        raise ErrorDeEstado(
            _("No puede pasar a firma: falta %(faltan)s.") % {"faltan": ", ".join(faltan)}
        )
    _pasar(
        acto, Estado.LISTO_PARA_FIRMA, motivo=_("Listo para la firma del Alcalde"), campos=campos
    )
    return acto


@transaction.atomic
def firmar(*, acto, usuario, copia_firmada, firmado_en):
    """The Alcalde signed: the signed copy (PDF) and the date are required."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho registra la firma."))
    acto = _bloquear(acto, Estado.FIRMADO)
    errores = {}
    if copia_firmada is None:
        errores["copia_firmada"] = [_("Suba la copia firmada del acto (PDF).")]
    else:
        try:
            if validar_archivo(copia_firmada) != Adjunto.Tipo.PDF:
                errores["copia_firmada"] = [_("La copia firmada debe ser un PDF.")]
        except ValidationError as error:
            errores["copia_firmada"] = list(error.messages)
    if firmado_en is None:
        errores["firmado_en"] = [_("Indique la fecha de la firma.")]
    elif firmado_en > timezone.localdate():
        errores["firmado_en"] = [_("La fecha de la firma no puede ser posterior a hoy.")]
    if errores:
        raise ValidationError(errores)
    acto.copia_firmada = guardar_adjunto(
        objeto=acto, archivo=copia_firmada, usuario=usuario, descripcion=_("Copia firmada")
    )
    acto.firmado_en = firmado_en
    _pasar(acto, Estado.FIRMADO, campos=["copia_firmada", "firmado_en"])
    return acto


@transaction.atomic
def numerar(*, acto, usuario):
    """Number and date the signed act from the gap-free series of its type, in the year of
    its signature. The counter row stays locked until this transaction ends: two people
    numbering at once get consecutive numbers, and a failure gives the number back."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho numera los actos."))
    acto = _bloquear(acto)
    if acto.numero:
        raise ErrorDeEstado(_("Este acto ya tiene el número %(numero)s.") % {"numero": acto.numero})
    if not acto.puede_pasar_a(Estado.NUMERADO):
        raise ErrorDeEstado(_("Solo se numera un acto firmado."))
    consecutivo = siguiente_consecutivo(acto.tipo.serie.codigo, anio=acto.firmado_en.year)
    acto.numero = consecutivo.texto
    acto.anio_numero = consecutivo.anio
    acto.fecha_expedicion = acto.firmado_en
    _pasar(acto, Estado.NUMERADO, campos=["numero", "anio_numero", "fecha_expedicion"])
    return acto


@transaction.atomic
def publicar(*, acto, usuario, boletin_numero: str, fecha_publicacion):
    """A general act binds once published in the Boletín Oficial (CPACA art. 65)."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho registra la publicación."))
    acto = _bloquear(acto)
    if not acto.es_general:
        raise ValidationError(
            {
                "boletin_numero": [
                    _(
                        "Un acto particular no se publica: se notifica o comunica a quien "
                        "corresponda (CPACA arts. 66 a 69)."
                    )
                ]
            }
        )
    if not acto.puede_pasar_a(Estado.PUBLICADO):
        raise ErrorDeEstado(_("Solo se publica un acto firmado y numerado."))
    errores = {}
    if not (boletin_numero or "").strip():
        errores["boletin_numero"] = [_("Escriba el número del Boletín Oficial.")]
    if fecha_publicacion is None:
        errores["fecha_publicacion"] = [_("Indique la fecha de publicación.")]
    elif fecha_publicacion < acto.fecha_expedicion:
        errores["fecha_publicacion"] = [_("La publicación no puede ser anterior a la expedición.")]
    if errores:
        raise ValidationError(errores)
    acto.boletin_numero = boletin_numero.strip()
    acto.fecha_publicacion = fecha_publicacion
    _pasar(acto, Estado.PUBLICADO, campos=["boletin_numero", "fecha_publicacion"])
    return acto


@transaction.atomic
def notificar_acto(*, acto, usuario, destinatario: str, medio: str, fecha, recursos: str):
    """Record a notification or communication of a particular act (to whom, how, when, with
    the recursos, the authority and the terms stated). The first moves it to notificado."""
    _exigir(es_coordinador(usuario), _("Solo el Despacho registra las notificaciones."))
    acto = _bloquear(acto)
    if acto.es_general:
        raise ErrorDeEstado(_("Un acto general se publica; no se notifica."))
    if acto.estado not in (Estado.NUMERADO, Estado.NOTIFICADO):
        raise ErrorDeEstado(_("Solo se notifica un acto firmado y numerado."))
    errores = {}
    if not (destinatario or "").strip():
        errores["destinatario"] = [_("Escriba a quién se notifica.")]
    if not (recursos or "").strip():
        errores["recursos"] = [_("Indique los recursos que proceden, ante quién y en qué plazo.")]
    if fecha is None:
        errores["fecha"] = [_("Indique la fecha.")]
    elif fecha < acto.fecha_expedicion:
        errores["fecha"] = [_("La notificación no puede ser anterior a la expedición.")]
    if errores:
        raise ValidationError(errores)
    notificacion = Notificacion.objects.create(
        acto=acto,
        destinatario=destinatario.strip(),
        medio=medio,
        fecha=fecha,
        recursos=recursos.strip(),
        registrada_por=usuario,
    )
    if acto.estado == Estado.NUMERADO:
        _pasar(acto, Estado.NOTIFICADO)
    return notificacion


@transaction.atomic
def archivar(*, acto, usuario):
    _exigir(es_coordinador(usuario), _("Solo el Despacho archiva los actos."))
    acto = _bloquear(acto, Estado.ARCHIVADO)
    _pasar(acto, Estado.ARCHIVADO)
    return acto


@transaction.atomic
def anular(*, acto, usuario, motivo: str):
    """Annul an act before its signature, with the reason."""
    exigir_edicion(usuario, acto)
    acto = _bloquear(acto)
    _exigir(
        es_coordinador(usuario) or puede_producir(usuario, acto),
        _("Solo el Despacho o el organismo productor anulan el acto."),
    )
    if not acto.puede_pasar_a(Estado.ANULADO):
        raise ErrorDeEstado(_("Un acto firmado no se anula aquí."))
    if not (motivo or "").strip():
        raise ValidationError({"motivo": [_("Escriba el motivo de la anulación.")]})
    acto.motivo_anulacion = motivo.strip()
    _pasar(acto, Estado.ANULADO, motivo=motivo.strip()[:100], campos=["motivo_anulacion"])
    return acto


def recalcular_plazos(*, fecha, motivo: str = "", **kwargs) -> int:
    """The calendar changed on `fecha` (buengobierno.plazos.senales): recompute the reminder
    dates of open stages whose window spans that day, each saved with `motivo` in its
    history. Returns how many changed."""
    cambiados = 0
    abiertos = ActoAdministrativo.objects.filter(
        vence_etapa__gte=fecha, etapa_desde__lt=fecha
    ).exclude(estado__in=ActoAdministrativo.CERRADOS)
    for acto in abiertos:
        nuevo = sumar_dias_habiles(acto.etapa_desde, dias_aviso())
        if nuevo != acto.vence_etapa:
            acto.vence_etapa = nuevo
            acto._change_reason = motivo
            acto.save(update_fields=["vence_etapa"])
            cambiados += 1
    return cambiados
