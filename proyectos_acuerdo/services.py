"""The steps of a proyecto de acuerdo. Each is one transaction on the locked row that checks
its guard (state, who, dates) and raises ValidationError (per field) or ErrorDeEstado."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buengobierno.documentos.adjuntos import guardar_adjunto
from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, roles_de
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import dias_habiles_entre, sumar_dias_habiles
from buengobierno.web.concurrencia import aplicar
from buengobierno.web.entrada import mensajes_de_fecha
from proyectos_acuerdo.models import (
    ROLES_COORDINACION,
    Concepto,
    ErrorDeEstado,
    Estado,
    FacultadExtraordinaria,
    MiembroComite,
    PeriodoSesiones,
    ProyectoAcuerdo,
)

# Business days a viabilizing organism has for its concept unless the leader says otherwise.
DIAS_CONCEPTO = 10
# Ley 136 de 1994, art. 73: days between the commission's approval and the second debate.
DIAS_ENTRE_DEBATES = 3
# Which concept each viabilizing organism gives by default (sigla of the organism).
VIABILIZADORES = {
    Concepto.Tipo.TECNICO: "DAP",
    Concepto.Tipo.FINANCIERO: "DAH",
    Concepto.Tipo.JURIDICO: "DAGJP",
}
CAMPOS_FISCALES = ("costo_fiscal", "fuente_financiacion", "compatible_mfmp", "analisis_fiscal")
CAMPOS_PROYECTO = (
    "titulo",
    "organismo",
    "responsable",
    "objeto",
    "exposicion_motivos",
    "fundamento_legal",
    "iniciativa_exclusiva",
    "unidad_materia",
    "numero_articulos",
    "meta",
    "ordena_gasto",
    "otorga_beneficios",
    *CAMPOS_FISCALES,
)
ESTADOS_EDITABLES = (Estado.FORMULACION, Estado.EN_CONCEPTOS, Estado.CON_DISCREPANCIAS)


def dias_entre_debates_habiles() -> bool:
    """Whether Ley 136 art. 73's three days are business days (a setting; calendar by default)."""
    return settings.PROYECTOS_DIAS_ENTRE_DEBATES_HABILES


def dias_para_sancionar(numero_articulos: int) -> int:
    """Ley 136 de 1994, art. 78: 5 business days up to 20 articles, 10 from 21 to 50, 20 over 50."""
    if numero_articulos <= 20:
        return 5
    if numero_articulos <= 50:
        return 10
    return 20


def plazo_para_sancionar(numero_articulos: int, recibido):
    return sumar_dias_habiles(recibido, dias_para_sancionar(numero_articulos))


def es_coordinador(usuario) -> bool:
    return bool(roles_de(usuario) & (ROLES_COORDINACION | {Rol.ADMINISTRADOR}))


def _exigir_coordinador(usuario) -> None:
    if not es_coordinador(usuario):
        raise PermissionDenied(_("Solo el Despacho de Gobierno puede dar este paso."))


def _bloquear(proyecto: ProyectoAcuerdo) -> ProyectoAcuerdo:
    return ProyectoAcuerdo.objects.select_for_update().get(pk=proyecto.pk)


def _exigir_estado(proyecto, *estados) -> None:
    if proyecto.estado not in estados:
        raise ErrorDeEstado(
            _("El proyecto está «%(estado)s»: este paso ya no aplica.")
            % {"estado": proyecto.get_estado_display()}
        )


def _fechas(**fechas) -> None:
    errores = {campo: mensajes_de_fecha(valor) for campo, valor in fechas.items() if valor}
    errores = {c: m for c, m in errores.items() if m}
    if errores:
        raise ValidationError(errores)


def _guardar(proyecto, campos, motivo="") -> None:
    """Save the step; the one that takes the sheet out of the editable states freezes its PDF."""
    from proyectos_acuerdo.documentos import FICHA

    antes = ProyectoAcuerdo.objects.filter(pk=proyecto.pk).values_list("estado", flat=True).first()
    proyecto._change_reason = motivo
    proyecto.save(update_fields=[*campos, "actualizado_en"])
    if antes in ESTADOS_EDITABLES and proyecto.estado not in ESTADOS_EDITABLES:
        FICHA.generar_al_confirmar(proyecto)


# --- formulation -------------------------------------------------------------------------


def errores_fiscales(proyecto) -> dict:
    """Ley 819 de 2003, art. 7: what the fiscal-impact section still lacks, when it applies."""
    if not proyecto.requiere_impacto_fiscal:
        return {}
    errores = {}
    if proyecto.costo_fiscal is None:
        errores["costo_fiscal"] = [_("Estime el costo fiscal (Ley 819 de 2003, art. 7).")]
    if not proyecto.fuente_financiacion.strip():
        errores["fuente_financiacion"] = [_("Indique la fuente de financiación del costo.")]
    if not proyecto.compatible_mfmp:
        errores["compatible_mfmp"] = [
            _("Confirme la compatibilidad con el Marco Fiscal de Mediano Plazo.")
        ]
    if not proyecto.analisis_fiscal.strip():
        errores["analisis_fiscal"] = [_("Escriba el análisis del impacto fiscal.")]
    return errores


@transaction.atomic
def crear_proyecto(*, datos: dict, usuario) -> ProyectoAcuerdo:
    exigir_creacion(usuario, ProyectoAcuerdo)
    if not es_coordinador(usuario) and datos["organismo"].pk != usuario.organismo_id:
        raise ValidationError(
            {"organismo": [_("Solo puede formular proyectos de su propio organismo.")]}
        )
    proyecto = ProyectoAcuerdo(**{c: datos[c] for c in CAMPOS_PROYECTO if c in datos})
    proyecto.lider = usuario if es_coordinador(usuario) else _lider_por_defecto(usuario)
    proyecto._change_reason = _("Proyecto registrado")
    proyecto.save()
    return proyecto


def _lider_por_defecto(usuario):
    from buengobierno.organizacion.acceso import usuarios_con_rol

    return usuarios_con_rol(Rol.DESPACHO).order_by("pk").first() or usuario


@transaction.atomic
def actualizar_proyecto(
    *, proyecto: ProyectoAcuerdo, datos: dict, usuario, base=None
) -> ProyectoAcuerdo:
    """Change the sheet while the project is before the Concejo. `base`: what the editor's
    form showed (buengobierno.web.concurrencia); a field changed meanwhile by someone else and
    also here raises EdicionEnConflicto and nothing is saved. Once the concepts were asked,
    the fiscal section may not be left incomplete."""
    exigir_edicion(usuario, proyecto)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, *ESTADOS_EDITABLES)
    proyecto._change_reason = _("Proyecto editado")
    aplicar(proyecto, datos={c: datos[c] for c in CAMPOS_PROYECTO if c in datos}, base=base)
    if proyecto.estado != Estado.FORMULACION:
        faltan = errores_fiscales(proyecto)
        if faltan:
            raise ValidationError(faltan)
    return proyecto


@transaction.atomic
def adjuntar(*, proyecto: ProyectoAcuerdo, archivo, tipo: str, usuario):
    exigir_edicion(usuario, proyecto)
    return guardar_adjunto(objeto=proyecto, archivo=archivo, usuario=usuario, descripcion=tipo)


# --- concepts ------------------------------------------------------------------------------


@transaction.atomic
def solicitar_conceptos(
    *, proyecto: ProyectoAcuerdo, solicitudes: dict, dias: int = DIAS_CONCEPTO, usuario, hoy=None
) -> list[Concepto]:
    """Ask `solicitudes` ({tipo: organismo}) for their concepts, each due in `dias` business
    days. The fiscal section must be complete first when the project orders spending or
    grants tax benefits (Ley 819 de 2003, art. 7)."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.FORMULACION)
    faltan = errores_fiscales(proyecto)
    if faltan:
        raise ValidationError(
            {
                None: [
                    _(
                        "El proyecto ordena gasto u otorga beneficios tributarios: complete "
                        "la sección de impacto fiscal antes de pedir los conceptos."
                    )
                ],
                **faltan,
            }
        )
    if not solicitudes:
        raise ValidationError({"tecnico": [_("Pida al menos un concepto.")]})
    if not 1 <= dias <= 60:
        raise ValidationError({"dias": [_("Escriba un plazo entre 1 y 60 días hábiles.")]})
    hoy = hoy or timezone.localdate()
    limite = sumar_dias_habiles(hoy, dias)
    conceptos = [
        Concepto.objects.create(
            proyecto=proyecto,
            tipo=tipo,
            organismo=organismo,
            solicitado_en=hoy,
            dias_habiles=dias,
            fecha_limite=limite,
        )
        for tipo, organismo in solicitudes.items()
    ]
    proyecto.estado = Estado.EN_CONCEPTOS
    _guardar(proyecto, ["estado"], _("Conceptos solicitados"))
    return conceptos


def puede_emitir(usuario, concepto: Concepto) -> bool:
    """Someone of the viabilizing organism (not read-only), or the coordination."""
    return concepto.puede_editar(usuario) and (
        es_coordinador(usuario) or concepto.organismo_id == usuario.organismo_id
    )


@transaction.atomic
def emitir_concepto(
    *,
    proyecto: ProyectoAcuerdo,
    organismo,
    tipo: str,
    sentido: str,
    texto: str,
    usuario,
    medio: str = Concepto.Medio.APLICACION,
    fecha=None,
    firmante: str = "",
    radicado: str = "",
    archivo=None,
) -> Concepto:
    """A concept given in the application by the viabilizing organism, or recorded by the
    Despacho from one received by Daruma or e-mail (who issued it, its date, the document)."""
    proyecto = _bloquear(proyecto)
    concepto = (
        Concepto.objects.select_for_update()
        .filter(proyecto=proyecto, tipo=tipo, organismo=organismo)
        .first()
    )
    if concepto is None:
        raise ValidationError(
            {
                "organismo": [
                    _("A %(organismo)s no se le pidió el concepto %(tipo)s de este proyecto.")
                    % {
                        "organismo": organismo,
                        "tipo": dict(Concepto.Tipo.choices).get(tipo, tipo).lower(),
                    }
                ]
            }
        )
    if not puede_emitir(usuario, concepto):
        raise PermissionDenied(
            _("Solo el organismo viabilizador o el Despacho emiten este concepto.")
        )
    _exigir_estado(proyecto, Estado.EN_CONCEPTOS)
    if concepto.emitido:
        raise ErrorDeEstado(_("Este concepto ya fue emitido."))
    errores = {}
    if sentido not in Concepto.Sentido.values:
        errores["sentido"] = [_("Escoja el sentido del concepto.")]
    if not (texto or "").strip():
        errores["texto"] = [_("Escriba el texto del concepto.")]
    recibido = medio != Concepto.Medio.APLICACION
    if recibido:
        if not es_coordinador(usuario):
            raise PermissionDenied(_("Solo el Despacho registra conceptos recibidos."))
        if not firmante.strip():
            errores["firmante"] = [_("Indique quién emitió el concepto.")]
        if fecha is None:
            errores["fecha"] = [_("Indique la fecha del concepto.")]
        else:
            if mensajes_de_fecha(fecha):
                errores["fecha"] = mensajes_de_fecha(fecha)
            elif fecha > timezone.localdate():
                errores["fecha"] = [_("La fecha del concepto no puede ser futura.")]
        if archivo is None and not radicado.strip():
            errores["archivo"] = [_("Adjunte el documento o indique su radicado en Daruma.")]
    if errores:
        raise ValidationError(errores)
    concepto.sentido = sentido
    concepto.texto = texto.strip()
    concepto.medio = medio
    concepto.emitido_en = fecha if recibido else timezone.localdate()
    concepto.emitido_por = usuario
    concepto.firmante = firmante.strip() if recibido else str(usuario.nombre_y_cargo)
    concepto.radicado = radicado.strip()
    concepto._change_reason = _("Concepto emitido")
    concepto.save()
    if archivo is not None:
        guardar_adjunto(
            objeto=concepto, archivo=archivo, usuario=usuario, descripcion=_("Concepto")
        )
    _evaluar(proyecto)
    return concepto


def hay_discrepancia(sentidos) -> bool:
    sentidos = set(sentidos)
    return Concepto.Sentido.DESFAVORABLE in sentidos and bool(
        sentidos & {Concepto.Sentido.FAVORABLE, Concepto.Sentido.CON_OBSERVACIONES}
    )


def _evaluar(proyecto: ProyectoAcuerdo) -> None:
    """Once every concept is in: viable when none is unfavourable, "con discrepancias" when
    they disagree, not viable when every one is unfavourable."""
    sentidos = list(proyecto.conceptos.values_list("sentido", flat=True))
    if "" in sentidos:
        return
    if hay_discrepancia(sentidos):
        proyecto.estado = Estado.CON_DISCREPANCIAS
    elif Concepto.Sentido.DESFAVORABLE in sentidos:
        proyecto.estado = Estado.NO_VIABLE
    else:
        proyecto.estado = Estado.VIABLE
    _guardar(proyecto, ["estado"], _("Conceptos completos"))


def conceptos_en_conflicto(proyecto) -> list[Concepto]:
    return list(proyecto.conceptos.exclude(sentido="").select_related("organismo").order_by("tipo"))


@transaction.atomic
def convocar_comite(*, proyecto: ProyectoAcuerdo, inicio, fin, lugar: str = "", usuario):
    """Policy 4: a P005 meeting of the Comité Coordinador de Proyectos de Acuerdo with the
    formulating organism, the committee's members and the conflicting concepts as its agenda."""
    from compromisos.apps import COMITE_PROYECTOS_DE_ACUERDO
    from compromisos.models import TipoReunion
    from compromisos.services import convocar_reunion

    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.CON_DISCREPANCIAS)
    if proyecto.reunion_comite_id:
        raise ErrorDeEstado(_("El Comité ya fue convocado para este proyecto."))
    _fechas(inicio=inicio, fin=fin)
    puntos = [_("Presentación del proyecto por %(org)s") % {"org": proyecto.organismo}]
    puntos += [c.resumen() for c in conceptos_en_conflicto(proyecto)]
    puntos.append(_("Decisión del Comité"))
    miembros = [
        m.usuario
        for m in MiembroComite.objects.filter(activo=True, usuario__is_active=True).select_related(
            "usuario"
        )
    ]
    invitados = [proyecto.responsable, *miembros]
    if proyecto.organismo.jefe_id and proyecto.organismo.jefe.is_active:
        invitados.append(proyecto.organismo.jefe)
    reunion = convocar_reunion(
        tipo=TipoReunion.objects.get(nombre=COMITE_PROYECTOS_DE_ACUERDO),
        titulo=(_("Comité Coordinador: %(p)s") % {"p": proyecto})[:200],
        inicio=inicio,
        fin=fin,
        organismo_convocante=usuario.organismo or proyecto.organismo,
        puntos=puntos,
        invitados=invitados,
        creado_por=usuario,
        objetivo=_("Resolver las discrepancias entre los conceptos de viabilidad del proyecto."),
        lugar=lugar,
        origen=proyecto,
    )
    proyecto.reunion_comite = reunion
    _guardar(proyecto, ["reunion_comite"], _("Comité Coordinador convocado"))
    return reunion


@transaction.atomic
def resolver_discrepancias(
    *, proyecto: ProyectoAcuerdo, resolucion: str, viable: bool, usuario
) -> ProyectoAcuerdo:
    """The committee's decision, or the leader's resolution without a meeting, stating how."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.CON_DISCREPANCIAS)
    if not (resolucion or "").strip():
        raise ValidationError({"resolucion": [_("Escriba cómo se resolvieron las discrepancias.")]})
    proyecto.resolucion_discrepancias = resolucion.strip()
    proyecto.estado = Estado.VIABLE if viable else Estado.NO_VIABLE
    _guardar(proyecto, ["estado", "resolucion_discrepancias"], _("Discrepancias resueltas"))
    return proyecto


# --- the Concejo --------------------------------------------------------------------------


@transaction.atomic
def radicar(
    *, proyecto, fecha, numero_concejo: str, comision: str, ponentes: str, usuario
) -> list[str]:
    """File the project in the Concejo. Returns warnings (filed outside a sessions period)."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.VIABLE)
    _fechas(fecha=fecha)
    if not numero_concejo.strip():
        raise ValidationError({"numero_concejo": [_("Escriba el número que le dio el Concejo.")]})
    proyecto.fecha_radicacion = fecha
    proyecto.numero_concejo = numero_concejo.strip()
    proyecto.comision = comision.strip()
    proyecto.ponentes = ponentes.strip()
    proyecto.periodo = PeriodoSesiones.del_dia(fecha)
    proyecto.estado = Estado.RADICADO
    _guardar(
        proyecto,
        ["fecha_radicacion", "numero_concejo", "comision", "ponentes", "periodo", "estado"],
        _("Radicado en el Concejo"),
    )
    if proyecto.periodo is None:
        return [
            _(
                "El %(fecha)s no está dentro de un periodo de sesiones del Concejo registrado: "
                "el proyecto se tramitará cuando el Concejo sesione."
            )
            % {"fecha": fecha_larga(fecha)}
        ]
    return []


@transaction.atomic
def primer_debate(*, proyecto, fecha, resultado: str, usuario) -> ProyectoAcuerdo:
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.RADICADO)
    _fechas(fecha=fecha)
    if fecha < proyecto.fecha_radicacion:
        raise ValidationError(
            {"fecha": [_("El primer debate no puede ser antes de la radicación.")]}
        )
    if resultado not in ProyectoAcuerdo.Resultado.values:
        raise ValidationError({"resultado": [_("Escoja el resultado del debate.")]})
    proyecto.primer_debate_fecha = fecha
    proyecto.primer_debate_resultado = resultado
    proyecto.estado = (
        Estado.PRIMER_DEBATE if resultado == ProyectoAcuerdo.Resultado.APROBADO else Estado.NEGADO
    )
    _guardar(
        proyecto,
        ["primer_debate_fecha", "primer_debate_resultado", "estado"],
        _("Primer debate en comisión"),
    )
    return proyecto


def dias_desde_comision(proyecto, fecha) -> int:
    if dias_entre_debates_habiles():
        return dias_habiles_entre(proyecto.primer_debate_fecha, fecha)
    return (fecha - proyecto.primer_debate_fecha).days


@transaction.atomic
def segundo_debate(
    *, proyecto, fecha, resultado: str, usuario, numero_acuerdo: str = "", recibido=None
) -> list[str]:
    """The plenary's debate. Approved, it becomes an acuerdo: its number and the day the
    Alcalde received it start Ley 136 art. 78's term. Returns warnings (art. 73)."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    if proyecto.estado == Estado.RADICADO:
        raise ErrorDeEstado(
            _("Registre primero el primer debate en comisión: no hay segundo debate sin primero.")
        )
    _exigir_estado(proyecto, Estado.PRIMER_DEBATE)
    _fechas(fecha=fecha, recibido=recibido)
    errores = {}
    if fecha < proyecto.primer_debate_fecha:
        errores["fecha"] = [_("El segundo debate no puede ser antes del primero.")]
    if resultado not in ProyectoAcuerdo.Resultado.values:
        errores["resultado"] = [_("Escoja el resultado del debate.")]
    aprobado = resultado == ProyectoAcuerdo.Resultado.APROBADO
    if aprobado and not numero_acuerdo.strip():
        errores["numero_acuerdo"] = [_("Escriba el número del acuerdo aprobado.")]
    if aprobado and recibido is None:
        errores["recibido"] = [_("Indique cuándo recibió el Alcalde el acuerdo para sanción.")]
    elif aprobado and recibido < fecha:
        errores["recibido"] = [_("El Alcalde no pudo recibirlo antes de aprobarse.")]
    if errores:
        raise ValidationError(errores)
    avisos = []
    dias = dias_desde_comision(proyecto, fecha)
    if dias < DIAS_ENTRE_DEBATES:
        avisos.append(
            _(
                "Entre la aprobación en comisión y el segundo debate deben mediar al menos "
                "%(n)s días %(clase)s (Ley 136 de 1994, art. 73); hay %(d)s."
            )
            % {
                "n": DIAS_ENTRE_DEBATES,
                "clase": _("hábiles") if dias_entre_debates_habiles() else _("calendario"),
                "d": dias,
            }
        )
    proyecto.segundo_debate_fecha = fecha
    proyecto.segundo_debate_resultado = resultado
    campos = ["segundo_debate_fecha", "segundo_debate_resultado", "estado"]
    if aprobado:
        proyecto.estado = Estado.APROBADO
        proyecto.numero_acuerdo = numero_acuerdo.strip()
        proyecto.fecha_recibo_sancion = recibido
        proyecto.plazo_sancion = plazo_para_sancionar(proyecto.numero_articulos, recibido)
        campos += ["numero_acuerdo", "fecha_recibo_sancion", "plazo_sancion"]
    else:
        proyecto.estado = Estado.NEGADO
    _guardar(proyecto, campos, _("Segundo debate en plenaria"))
    return avisos


@transaction.atomic
def cerrar_en_concejo(*, proyecto, estado: str, motivo: str, usuario) -> ProyectoAcuerdo:
    """Denied, archived at the end of the period, or withdrawn."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    if estado not in (Estado.NEGADO, Estado.ARCHIVADO, Estado.RETIRADO):
        raise ValidationError({"estado": [_("Escoja cómo termina el trámite.")]})
    permitidos = (*ESTADOS_EDITABLES, Estado.VIABLE, *(Estado.RADICADO, Estado.PRIMER_DEBATE))
    if estado != Estado.RETIRADO:
        permitidos = (Estado.RADICADO, Estado.PRIMER_DEBATE)
    _exigir_estado(proyecto, *permitidos)
    if not (motivo or "").strip():
        raise ValidationError({"motivo": [_("Escriba el motivo.")]})
    proyecto.estado = estado
    proyecto.motivo_cierre = motivo.strip()
    _guardar(proyecto, ["estado", "motivo_cierre"], dict(Estado.choices)[estado])
    return proyecto


@transaction.atomic
def sancionar(*, proyecto, fecha, usuario) -> ProyectoAcuerdo:
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.APROBADO)
    _fechas(fecha=fecha)
    if fecha < proyecto.fecha_recibo_sancion:
        raise ValidationError({"fecha": [_("No puede sancionarse antes de recibirse.")]})
    proyecto.fecha_sancion = fecha
    proyecto.estado = Estado.SANCIONADO
    _guardar(proyecto, ["fecha_sancion", "estado"], _("Sancionado por el Alcalde"))
    return proyecto


@transaction.atomic
def objetar(*, proyecto, fecha, motivos: str, usuario, justificacion: str = "") -> ProyectoAcuerdo:
    """The Alcalde's objection (Ley 136, art. 78). After the term only with a justification."""
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.APROBADO)
    _fechas(fecha=fecha)
    errores = {}
    if not (motivos or "").strip():
        errores["motivos"] = [
            _("Escriba los motivos de la objeción (inconveniencia o ilegalidad).")
        ]
    if fecha < proyecto.fecha_recibo_sancion:
        errores["fecha"] = [_("No puede objetarse antes de recibirse.")]
    elif fecha > proyecto.plazo_sancion and not (justificacion or "").strip():
        errores["justificacion"] = [
            _(
                "El término para objetar venció el %(plazo)s: justifique la objeción fuera de "
                "término."
            )
            % {"plazo": fecha_larga(proyecto.plazo_sancion)}
        ]
    if errores:
        raise ValidationError(errores)
    proyecto.fecha_objecion = fecha
    proyecto.motivos_objecion = motivos.strip()
    proyecto.justificacion_extemporanea = (justificacion or "").strip()
    proyecto.estado = Estado.OBJETADO
    _guardar(
        proyecto,
        ["fecha_objecion", "motivos_objecion", "justificacion_extemporanea", "estado"],
        _("Objetado por el Alcalde"),
    )
    return proyecto


@transaction.atomic
def publicar(*, proyecto, fecha, envio_gobernador, usuario) -> ProyectoAcuerdo:
    _exigir_coordinador(usuario)
    proyecto = _bloquear(proyecto)
    _exigir_estado(proyecto, Estado.SANCIONADO)
    _fechas(fecha=fecha, envio_gobernador=envio_gobernador)
    errores = {}
    if fecha < proyecto.fecha_sancion:
        errores["fecha"] = [_("La publicación no puede ser antes de la sanción.")]
    if envio_gobernador is not None and envio_gobernador < proyecto.fecha_sancion:
        errores["envio_gobernador"] = [_("La copia no puede enviarse antes de la sanción.")]
    if errores:
        raise ValidationError(errores)
    proyecto.fecha_publicacion = fecha
    proyecto.fecha_envio_gobernador = envio_gobernador
    proyecto.estado = Estado.PUBLICADO
    _guardar(
        proyecto,
        ["fecha_publicacion", "fecha_envio_gobernador", "estado"],
        _("Publicado; copia al Gobernador"),
    )
    return proyecto


# --- faculties ----------------------------------------------------------------------------


@transaction.atomic
def guardar_facultad(*, datos: dict, usuario, facultad=None, base=None) -> FacultadExtraordinaria:
    """Register faculties, or change them (`base` as in actualizar_proyecto)."""
    _exigir_coordinador(usuario)
    _fechas(inicio=datos.get("inicio"), fin=datos.get("fin"))
    if datos["fin"] < datos["inicio"]:
        raise ValidationError({"fin": [_("Las facultades no pueden terminar antes de empezar.")]})
    if facultad is None:
        facultad = FacultadExtraordinaria(**datos)
        facultad.save()
        return facultad
    facultad = FacultadExtraordinaria.objects.select_for_update().get(pk=facultad.pk)
    aplicar(facultad, datos=datos, base=base)
    return facultad


# --- calendar ----------------------------------------------------------------------------


def recalcular_plazos(*, fecha, motivo: str = "", **kwargs) -> int:
    """The calendar changed on `fecha`: recompute the deadlines of pending concepts and of the
    sanction terms still running whose window spans that day, with `motivo` in the history."""
    cambiados = 0
    pendientes = Concepto.objects.filter(
        sentido="", fecha_limite__gte=fecha, solicitado_en__lt=fecha
    )
    for concepto in pendientes:
        nuevo = sumar_dias_habiles(concepto.solicitado_en, concepto.dias_habiles)
        if nuevo != concepto.fecha_limite:
            concepto.fecha_limite = nuevo
            concepto._change_reason = motivo
            concepto.save(update_fields=["fecha_limite"])
            cambiados += 1
    corriendo = ProyectoAcuerdo.objects.filter(
        estado=Estado.APROBADO, plazo_sancion__gte=fecha, fecha_recibo_sancion__lt=fecha
    )
    for proyecto in corriendo:
        nuevo = plazo_para_sancionar(proyecto.numero_articulos, proyecto.fecha_recibo_sancion)
        if nuevo != proyecto.plazo_sancion:
            proyecto.plazo_sancion = nuevo
            _guardar(proyecto, ["plazo_sancion"], motivo)
            cambiados += 1
    return cambiados
