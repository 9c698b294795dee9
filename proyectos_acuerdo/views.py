"""P004 pages: the projects (list, sheet, page with its next step and concept matrix), the
government's legislative agenda, the faculties, and the ficha técnica PDF."""

import calendar
from datetime import date

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
)
from buengobierno.organizacion.models import Organismo
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.entrada import entero, mes_pedido
from buengobierno.web.listas import ListaView, Tarjeta
from buengobierno.web.siguiente_paso import SiguientePaso
from proyectos_acuerdo import services
from proyectos_acuerdo.documentos import FICHA
from proyectos_acuerdo.forms import (
    FORMULARIOS_DE_ACCION,
    AdjuntoForm,
    FacultadForm,
    ProyectoForm,
    acciones_para,
)
from proyectos_acuerdo.models import (
    Concepto,
    ErrorDeEstado,
    Estado,
    FacultadExtraordinaria,
    PeriodoSesiones,
    ProyectoAcuerdo,
)

CLASES = {
    Estado.FORMULACION: "text-bg-secondary",
    Estado.EN_CONCEPTOS: "text-bg-info",
    Estado.CON_DISCREPANCIAS: "text-bg-warning",
    Estado.NO_VIABLE: "text-bg-dark",
    Estado.VIABLE: "text-bg-primary",
    Estado.RADICADO: "text-bg-primary",
    Estado.PRIMER_DEBATE: "text-bg-primary",
    Estado.APROBADO: "text-bg-warning",
    Estado.SANCIONADO: "text-bg-success",
    Estado.OBJETADO: "text-bg-danger",
    Estado.PUBLICADO: "text-bg-success",
    Estado.NEGADO: "text-bg-dark",
    Estado.ARCHIVADO: "text-bg-dark",
    Estado.RETIRADO: "text-bg-dark",
}
CLASES_SENTIDO = {
    Concepto.Sentido.FAVORABLE: "text-bg-success",
    Concepto.Sentido.CON_OBSERVACIONES: "text-bg-info",
    Concepto.Sentido.DESFAVORABLE: "text-bg-danger",
}


def poner_errores(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for campo, errores in error.error_dict.items():
        form.add_error(campo if campo in form.fields else None, errores)


# --- list ----------------------------------------------------------------------------------


def _periodos(request):
    return PeriodoSesiones.objects.all()


class FiltroProyectos(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(label=gettext_lazy("Estado"), choices=Estado.choices)
    periodo = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Periodo de sesiones"), queryset=_periodos
    )
    organismo = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organismo formulador"),
        queryset=Organismo.objects.filter(activo=True),
    )

    class Meta:
        model = ProyectoAcuerdo
        fields = ["estado", "periodo", "organismo"]


class ListaProyectos(ListaView):
    modelo = ProyectoAcuerdo
    filterset_class = FiltroProyectos
    campos_busqueda = ("titulo", "numero_concejo", "numero_acuerdo", "organismo__sigla")
    relacionados = ("organismo", "responsable", "periodo")
    orden = ("-creado_en", "-id")
    columnas_exportacion = [
        (gettext_lazy("Proyecto"), "titulo"),
        (gettext_lazy("Organismo formulador"), "organismo"),
        (gettext_lazy("Responsable"), "responsable"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Periodo de sesiones"), "periodo"),
        (gettext_lazy("Número en el Concejo"), "numero_concejo"),
        (gettext_lazy("Radicado"), "fecha_radicacion"),
        (gettext_lazy("Primer debate"), "primer_debate_fecha"),
        (gettext_lazy("Segundo debate"), "segundo_debate_fecha"),
        (gettext_lazy("Acuerdo No."), "numero_acuerdo"),
        (gettext_lazy("Plazo para sancionar u objetar"), "plazo_sancion"),
        (gettext_lazy("Sancionado"), "fecha_sancion"),
        (gettext_lazy("Objetado"), "fecha_objecion"),
        (gettext_lazy("Publicado"), "fecha_publicacion"),
    ]
    columnas_lista = [
        (gettext_lazy("Proyecto"), "titulo"),
        (gettext_lazy("Organismo formulador"), "organismo"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Periodo de sesiones"), "periodo"),
        (gettext_lazy("Número en el Concejo"), "numero_concejo"),
    ]
    titulo = gettext_lazy("Proyectos de acuerdo")
    subtitulo = gettext_lazy(
        "La agenda legislativa del gobierno: de la formulación a la sanción y publicación."
    )
    nombre_exportacion = "proyectos-de-acuerdo"
    template_name = "proyectos_acuerdo/lista.html"

    def tarjeta(self, proyecto):
        return Tarjeta(
            titulo=proyecto.titulo,
            url=proyecto.get_absolute_url(),
            estado=proyecto.get_estado_display(),
            clase_estado=CLASES[proyecto.estado],
            fecha=proyecto.plazo_sancion if proyecto.estado == Estado.APROBADO else None,
            etiqueta_fecha=_("Plazo de sanción"),
            responsable=str(proyecto.organismo),
            etiqueta_responsable=_("Formula"),
            vencido=bool(
                proyecto.estado == Estado.APROBADO and proyecto.plazo_sancion < timezone.localdate()
            ),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "proyectos"
        return contexto


# --- one project ------------------------------------------------------------------------------


def _proyecto(request, pk) -> ProyectoAcuerdo:
    return obtener_visible_o_404(
        ProyectoAcuerdo.objects.select_related(
            "organismo", "responsable", "periodo", "meta", "lider", "reunion_comite"
        ),
        request.user,
        pk=pk,
    )


def _pendientes_mios(proyecto, conceptos, usuario):
    if services.es_coordinador(usuario) or not usuario.organismo_id:
        return []
    return [c for c in conceptos if not c.emitido and c.organismo_id == usuario.organismo_id]


EXPLICACIONES = {
    Estado.FORMULACION: gettext_lazy(
        "El organismo formulador completa la ficha técnica (y el impacto fiscal, si ordena "
        "gasto u otorga beneficios tributarios); luego el Despacho pide los conceptos."
    ),
    Estado.EN_CONCEPTOS: gettext_lazy(
        "Los organismos viabilizadores emiten sus conceptos en la aplicación, o el Despacho "
        "registra los recibidos por Daruma o correo."
    ),
    Estado.CON_DISCREPANCIAS: gettext_lazy(
        "Los conceptos no coinciden. El líder del proceso puede convocar al Comité Coordinador "
        "de Proyectos de Acuerdo con el organismo formulador, o resolver sin reunión indicando "
        "cómo."
    ),
    Estado.VIABLE: gettext_lazy("El proyecto es viable: radíquelo en el Concejo."),
    Estado.RADICADO: gettext_lazy("Registre el primer debate en la comisión."),
    Estado.PRIMER_DEBATE: gettext_lazy("Registre el segundo debate en la plenaria."),
    Estado.APROBADO: gettext_lazy(
        "El Concejo aprobó el acuerdo: el Alcalde debe sancionarlo u objetarlo dentro del "
        "término de la Ley 136 de 1994, art. 78."
    ),
    Estado.SANCIONADO: gettext_lazy(
        "Registre la publicación y el envío de la copia al Gobernador."
    ),
}


def _pagina(request, proyecto, *, formularios=None, status=200):
    formularios = formularios or {}
    conceptos = list(proyecto.conceptos.select_related("organismo", "emitido_por"))
    pendientes = _pendientes_mios(proyecto, conceptos, request.user)
    formas = []
    for accion in acciones_para(proyecto, request.user, pendientes):
        form = formularios.get(accion)
        if form is None:
            extra = {"pendientes": pendientes} if accion == "emitir" else {}
            form = FORMULARIOS_DE_ACCION[accion](proyecto=proyecto, **extra)
        formas.append(form)
    paso = SiguientePaso(
        estado=proyecto.get_estado_display(),
        explicacion=str(
            EXPLICACIONES.get(proyecto.estado, _("El trámite de este proyecto terminó."))
        ),
        clase_estado=CLASES[proyecto.estado],
        formularios=formas,
        abierta=next(iter(formularios), ""),
        vencido=bool(
            proyecto.estado == Estado.APROBADO and proyecto.plazo_sancion < timezone.localdate()
        ),
    )
    puede_editar = proyecto.puede_editar(request.user)
    return render(
        request,
        "proyectos_acuerdo/proyecto.html",
        {
            "proyecto": proyecto,
            "conceptos": conceptos,
            "clases_sentido": CLASES_SENTIDO,
            "paso": paso,
            "adjuntos": list(Adjunto.objects.de(proyecto)),
            "form_adjunto": (
                formularios.get("adjuntar") or AdjuntoForm(proyecto=proyecto)
                if puede_editar
                else None
            ),
            "puede_editar": puede_editar and proyecto.estado in services.ESTADOS_EDITABLES,
            "dias_sancion": services.dias_para_sancionar(proyecto.numero_articulos),
            "falta_fiscal": services.errores_fiscales(proyecto),
            "pestana": "proyectos",
        },
        status=status,
    )


@login_required
def proyecto(request, pk):
    return _pagina(request, _proyecto(request, pk))


@login_required
def nuevo_proyecto(request, pk=None):
    objeto = None
    if pk is None:
        exigir_creacion(request.user, ProyectoAcuerdo)
    else:
        objeto = _proyecto(request, pk)
        exigir_edicion(request.user, objeto)
    inicial = {}
    if objeto is None and request.user.organismo_id:
        inicial = {"organismo": request.user.organismo_id, "responsable": request.user.pk}
    form = ProyectoForm(
        request.POST or None, instance=objeto, usuario=request.user, initial=inicial
    )
    if request.method == "POST" and form.is_valid():
        datos = {c: form.cleaned_data[c] for c in services.CAMPOS_PROYECTO}
        try:
            if objeto is None:
                guardado = services.crear_proyecto(datos=datos, usuario=request.user)
            else:
                guardado = services.actualizar_proyecto(
                    proyecto=objeto, datos=datos, usuario=request.user, base=form.base_de_version()
                )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            poner_errores(form, error)
        except ErrorDeEstado as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Se guardó el proyecto de acuerdo."))
            return redirect(guardado)
    return render(
        request,
        "proyectos_acuerdo/formulario.html",
        {
            "form": form,
            "titulo": _("Editar el proyecto de acuerdo")
            if objeto
            else _("Nuevo proyecto de acuerdo"),
            "volver": objeto.get_absolute_url() if objeto else "",
            "pestana": "proyectos",
        },
        status=estado_de_respuesta(form),
    )


@login_required
@require_POST
def accion(request, pk, accion):
    if accion not in FORMULARIOS_DE_ACCION:
        raise Http404
    proyecto = _proyecto(request, pk)
    conceptos = list(proyecto.conceptos.select_related("organismo"))
    pendientes = _pendientes_mios(proyecto, conceptos, request.user)
    if accion not in acciones_para(proyecto, request.user, pendientes):
        exigir_edicion(request.user, proyecto)
        if accion != "emitir":
            messages.error(request, _("Ese paso ya no aplica a este proyecto."))
            return redirect(proyecto)
    extra = {"pendientes": pendientes} if accion == "emitir" else {}
    form = FORMULARIOS_DE_ACCION[accion](request.POST, request.FILES, proyecto=proyecto, **extra)
    if form.is_valid():
        try:
            avisos = form.ejecutar(request.user)
        except ValidationError as error:
            poner_errores(form, error)
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(proyecto)
        else:
            for aviso in avisos or ():
                messages.warning(request, aviso)
            messages.success(request, _("Se registró: %(paso)s.") % {"paso": form.boton})
            return redirect(proyecto)
    return _pagina(request, _proyecto(request, pk), formularios={accion: form}, status=400)


@login_required
@require_POST
def adjuntar(request, pk):
    proyecto = _proyecto(request, pk)
    exigir_edicion(request.user, proyecto)
    form = AdjuntoForm(request.POST, request.FILES, proyecto=proyecto)
    if form.is_valid():
        try:
            services.adjuntar(
                proyecto=proyecto,
                archivo=form.cleaned_data["archivo"],
                tipo=form.cleaned_data["tipo"],
                usuario=request.user,
            )
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, _("Se adjuntó el documento."))
            return redirect(proyecto)
    return _pagina(request, proyecto, formularios={"adjuntar": form}, status=400)


@login_required
def ficha_pdf(request, pk):
    return FICHA.respuesta(_proyecto(request, pk))


# --- the government's legislative agenda ----------------------------------------------------


@login_required
def agenda(request):
    """Projects per sessions period, by state; a timeline of the Concejo's dates and a month
    calendar. The export is the list's, filtered by the period."""
    periodos = list(PeriodoSesiones.objects.order_by("-inicio")[:40])
    elegido = entero(request.GET.get("periodo"))
    periodo = next((p for p in periodos if p.pk == elegido), None)
    if periodo is None and elegido is None:
        hoy = timezone.localdate()
        periodo = next((p for p in periodos if p.inicio <= hoy <= p.fin), None)
    visibles = ProyectoAcuerdo.objects.visibles_para(request.user).select_related("organismo")
    consulta = visibles.filter(periodo=periodo) if periodo else visibles.abiertos()
    proyectos = list(consulta.order_by("estado", "-creado_en", "-id")[:200])
    por_estado = {}
    for p in proyectos:
        por_estado.setdefault(p.get_estado_display(), []).append(p)
    eventos = []
    for p in proyectos:
        for fecha, que in (
            (p.fecha_radicacion, _("Radicación")),
            (p.primer_debate_fecha, _("Primer debate")),
            (p.segundo_debate_fecha, _("Segundo debate")),
            (
                p.plazo_sancion if p.estado == Estado.APROBADO else None,
                _("Vence el término para sancionar"),
            ),
            (p.fecha_sancion, _("Sanción")),
            (p.fecha_objecion, _("Objeción")),
            (p.fecha_publicacion, _("Publicación")),
        ):
            if fecha:
                eventos.append((fecha, que, p))
    eventos.sort(key=lambda e: (e[0], e[2].pk))
    mes = mes_pedido(request.GET.get("mes")) or timezone.localdate().replace(day=1)
    semanas = []
    del_mes = {}
    for fecha, que, p in eventos:
        if (fecha.year, fecha.month) == (mes.year, mes.month):
            del_mes.setdefault(fecha.day, []).append((que, p))
    for semana in calendar.Calendar().monthdayscalendar(mes.year, mes.month):
        semanas.append([(dia, del_mes.get(dia, [])) for dia in semana])
    anterior = (mes.replace(day=1) - date.resolution).replace(day=1)
    siguiente = (mes.replace(day=28) + 4 * date.resolution).replace(day=1)
    return render(
        request,
        "proyectos_acuerdo/agenda.html",
        {
            "periodos": periodos,
            "periodo": periodo,
            "por_estado": sorted(por_estado.items()),
            "eventos": eventos,
            "mes": mes,
            "semanas": semanas,
            "anterior": anterior,
            "siguiente": siguiente,
            "pestana": "agenda",
        },
    )


# --- faculties ----------------------------------------------------------------------------


class ListaFacultades(ListaView):
    modelo = FacultadExtraordinaria
    campos_busqueda = ("acuerdo", "objeto")
    relacionados = ("responsable",)
    orden = ("fin", "id")
    columnas_exportacion = [
        (gettext_lazy("Acuerdo"), "acuerdo"),
        (gettext_lazy("Objeto"), "objeto"),
        (gettext_lazy("Desde"), "inicio"),
        (gettext_lazy("Hasta"), "fin"),
        (gettext_lazy("Responsable"), "responsable"),
    ]
    columnas_lista = [
        (gettext_lazy("Acuerdo"), "acuerdo"),
        (gettext_lazy("Desde"), "inicio"),
        (gettext_lazy("Hasta"), "fin"),
        (gettext_lazy("Responsable"), "responsable"),
    ]
    titulo = gettext_lazy("Facultades extraordinarias")
    subtitulo = gettext_lazy("Facultades pro tempore que el Concejo otorgó al Alcalde.")
    nombre_exportacion = "facultades-extraordinarias"
    template_name = "proyectos_acuerdo/lista.html"

    def tarjeta(self, facultad):
        vigente = facultad.vigente
        return Tarjeta(
            titulo=facultad.acuerdo,
            url=facultad.get_absolute_url(),
            estado=_("Vigentes") if vigente else _("No vigentes"),
            clase_estado="text-bg-success" if vigente else "text-bg-secondary",
            fecha=facultad.fin,
            etiqueta_fecha=_("Hasta"),
            responsable=str(facultad.responsable),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "facultades"
        return contexto


@login_required
def facultad(request, pk):
    objeto = obtener_visible_o_404(
        FacultadExtraordinaria.objects.select_related("responsable", "proyecto"),
        request.user,
        pk=pk,
    )
    return render(
        request,
        "proyectos_acuerdo/facultad.html",
        {
            "facultad": objeto,
            # The P003 acts issued under them, as far as this person may see each.
            "actos": objeto.actos.visibles_para(request.user)
            .select_related("tipo")
            .order_by("-pk"),
            "puede_editar": objeto.puede_editar(request.user),
            "pestana": "facultades",
        },
    )


@login_required
def nueva_facultad(request, pk=None):
    objeto = None
    if pk is None:
        exigir_creacion(request.user, FacultadExtraordinaria)
    else:
        objeto = obtener_visible_o_404(FacultadExtraordinaria, request.user, pk=pk)
        exigir_edicion(request.user, objeto)
    form = FacultadForm(request.POST or None, instance=objeto)
    if request.method == "POST" and form.is_valid():
        try:
            guardada = services.guardar_facultad(
                datos={c: form.cleaned_data[c] for c in FacultadForm.Meta.fields},
                usuario=request.user,
                facultad=objeto,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, _("Se guardaron las facultades."))
            return redirect(guardada)
    return render(
        request,
        "proyectos_acuerdo/formulario.html",
        {
            "form": form,
            "titulo": _("Editar las facultades")
            if objeto
            else _("Nuevas facultades extraordinarias"),
            "volver": objeto.get_absolute_url() if objeto else "",
            "pestana": "facultades",
        },
        status=estado_de_respuesta(form),
    )
