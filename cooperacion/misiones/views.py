"""P008 pages: the visits (list, register, edit), a visit's page (delegation, itinerary,
checklist, results, commitments, meetings), its ficha as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buengobierno.documentos.formato import rango_horas
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
)
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.listas import ListaView, Tarjeta
from compromisos.models import Compromiso
from cooperacion.misiones import documentos, services
from cooperacion.misiones.filtros import FiltroVisitas
from cooperacion.misiones.forms import (
    ActividadForm,
    CancelarVisitaForm,
    EstadoItemForm,
    ItemForm,
    MiembroForm,
    ResultadosForm,
    VisitaForm,
)
from cooperacion.misiones.models import ItemProtocolo, VisitaInternacional
from cooperacion.vistas import (
    accion,
    compromiso_de,
    errores_al_formulario,
    pagina_de_formulario,
    reunion_de,
)

CLASES_ESTADO = {
    VisitaInternacional.Estado.PROGRAMADA: "text-bg-info",
    VisitaInternacional.Estado.REALIZADA: "text-bg-success",
    VisitaInternacional.Estado.CANCELADA: "text-bg-secondary",
}


class ListaVisitas(ListaView):
    modelo = VisitaInternacional
    filterset_class = FiltroVisitas
    campos_busqueda = ("institucion", "proposito", "temas")
    relacionados = ("responsable",)
    orden = ("-llegada", "-pk")
    columnas_exportacion = [
        (gettext_lazy("Visita"), "__str__"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("País"), "get_pais_display"),
        (gettext_lazy("Llegada"), "llegada"),
        (gettext_lazy("Salida"), "salida"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Responsable"), "responsable"),
    ]
    titulo = gettext_lazy("Visitas internacionales")
    subtitulo = gettext_lazy("Misiones diplomáticas, ministeriales, técnicas y de cooperación.")
    nombre_exportacion = "visitas-internacionales"
    template_name = "cooperacion/visitas.html"

    def tarjeta(self, visita):
        return Tarjeta(
            titulo=str(visita),
            url=visita.get_absolute_url(),
            estado=visita.get_estado_display(),
            clase_estado=CLASES_ESTADO[visita.estado],
            responsable=str(visita.responsable),
            detalles=[
                (_("País"), visita.get_pais_display()),
                (_("Fechas"), rango_horas(visita.llegada, visita.salida)),
            ],
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["puede_crear"] = VisitaInternacional.acceso.puede_crear(self.request.user)
        contexto["clases_estado"] = CLASES_ESTADO
        return contexto


def _visita(request, pk) -> VisitaInternacional:
    return obtener_visible_o_404(
        VisitaInternacional.objects.select_related(
            "responsable", "organismo", "cooperante", "alianza", "creado_por"
        ),
        request.user,
        pk=pk,
    )


@login_required
def nueva_visita(request):
    exigir_creacion(request.user, VisitaInternacional)
    form = VisitaForm(request.POST or None, usuario=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            visita = services.registrar_visita(
                datos=form.datos(),
                acompanantes=form.cleaned_data["acompanantes"],
                usuario=request.user,
            )
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se registró la visita."))
            return redirect(visita)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Nueva visita internacional"),
        volver=(reverse("cooperacion_misiones:inicio"), _("Visitas")),
    )


@login_required
def editar_visita(request, pk):
    visita = _visita(request, pk)
    exigir_edicion(request.user, visita)
    form = VisitaForm(request.POST or None, instance=visita, usuario=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.actualizar_visita(
                visita=visita,
                datos=form.datos(),
                acompanantes=form.cleaned_data["acompanantes"],
                usuario=request.user,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se guardaron los cambios."))
            return redirect(visita)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Editar la visita"),
        volver=(visita.get_absolute_url(), visita.titulo),
        status=estado_de_respuesta(form),
    )


def acciones_de(visita: VisitaInternacional, usuario) -> list:
    if visita.estado != VisitaInternacional.Estado.PROGRAMADA or not visita.puede_editar(usuario):
        return []
    return [ResultadosForm(registro=visita), CancelarVisitaForm(registro=visita)]


@login_required
def visita(request, pk):
    visita = _visita(request, pk)
    usuario = request.user
    items = list(visita.items.select_related("responsable"))
    puede_editar = visita.puede_editar(usuario)
    return render(
        request,
        "cooperacion/visita.html",
        {
            "visita": visita,
            "clase_estado": CLASES_ESTADO[visita.estado],
            "miembros": list(visita.miembros.all()),
            "actividades": list(visita.actividades.select_related("anfitrion", "actividad_agenda")),
            "items": items,
            "items_editables": {
                i.pk for i in items if puede_editar or i.responsable_id == usuario.pk
            },
            "estados_item": ItemProtocolo.Estado.choices,
            "acompanantes": list(visita.acompanantes.all()),
            "reuniones": list(visita.reuniones.visibles_para(usuario).select_related("tipo")),
            "compromisos": list(
                Compromiso.objects.visibles_para(usuario)
                .filter(origen_tipo__app_label="cooperacion_misiones", origen_id=visita.pk)
                .select_related("responsable")
                .order_by("fecha_limite", "pk")
            ),
            "puede_editar": puede_editar,
            "programada": visita.estado == VisitaInternacional.Estado.PROGRAMADA,
            "acciones": acciones_de(visita, usuario),
        },
    )


def _hijo(request, pk, clase, agregar, *, titulo, exito, despues=None):
    visita = _visita(request, pk)
    exigir_edicion(request.user, visita)
    form = clase(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hijo = agregar(visita=visita, datos=form.cleaned_data, usuario=request.user)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, exito)
            if despues is not None:
                despues(request, hijo)
            return redirect(visita)
    return pagina_de_formulario(
        request, form, titulo=titulo, volver=(visita.get_absolute_url(), visita.titulo)
    )


@login_required
def agregar_miembro(request, pk):
    return _hijo(
        request,
        pk,
        MiembroForm,
        services.agregar_miembro,
        titulo=_("Miembro de la delegación"),
        exito=_("Se agregó a la delegación."),
    )


@login_required
def agregar_actividad(request, pk):
    return _hijo(
        request,
        pk,
        ActividadForm,
        services.agregar_actividad,
        titulo=_("Actividad del itinerario"),
        exito=_("Se agregó la actividad al itinerario."),
        despues=_avisar_cruces,
    )


def _entrada(visita, actividad_id):
    return get_object_or_404(visita.actividades.select_related("actividad_agenda"), pk=actividad_id)


def _avisar_cruces(request, actividad) -> None:
    """As the agenda does: a warning when the Secretario is already busy at that time."""
    from agenda.services import cruces, mensaje_de_cruces

    agenda = actividad.actividad_agenda
    if agenda is None or agenda.estado != agenda.Estado.CONFIRMADA:
        return
    if encontrados := cruces(agenda.inicio, agenda.fin, excluir=agenda.pk):
        messages.warning(request, mensaje_de_cruces(encontrados))


@login_required
def editar_actividad(request, pk, actividad):
    visita = _visita(request, pk)
    exigir_edicion(request.user, visita)
    entrada = _entrada(visita, actividad)
    form = ActividadForm(request.POST or None, instance=entrada, boton=_("Guardar la actividad"))
    if request.method == "POST" and form.is_valid():
        try:
            entrada = services.editar_actividad(
                visita=visita, actividad=entrada, datos=form.cleaned_data, usuario=request.user
            )
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se guardó la actividad del itinerario."))
            _avisar_cruces(request, entrada)
            return redirect(visita)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Actividad del itinerario"),
        volver=(visita.get_absolute_url(), visita.titulo),
    )


@login_required
@require_POST
def quitar_actividad(request, pk, actividad):
    visita = _visita(request, pk)
    exigir_edicion(request.user, visita)
    entrada = _entrada(visita, actividad)
    try:
        services.quitar_actividad(visita=visita, actividad=entrada, usuario=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Se quitó la actividad del itinerario."))
    return redirect(visita)


@login_required
def agregar_item(request, pk):
    return _hijo(
        request,
        pk,
        ItemForm,
        services.agregar_item,
        titulo=_("Protocolo y logística"),
        exito=_("Se agregó a la lista de protocolo y logística."),
    )


@login_required
@require_POST
def estado_item(request, pk, item):
    visita = _visita(request, pk)
    elemento = obtener_item(visita, item)
    form = EstadoItemForm(request.POST)
    if form.is_valid():
        try:
            services.cambiar_estado_item(
                item=elemento, estado=form.cleaned_data["estado"], usuario=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Se actualizó la lista de protocolo y logística."))
    else:
        messages.error(request, _("Escoja un estado de la lista."))
    return redirect(visita)


def obtener_item(visita, item_id) -> ItemProtocolo:
    from django.http import Http404

    try:
        return visita.items.get(pk=item_id)
    except ItemProtocolo.DoesNotExist:
        raise Http404 from None


def _accion(request, pk, clase, hacer, exito):
    return accion(request, _visita(request, pk), clase, hacer, exito)


@login_required
@require_POST
def resultados(request, pk):
    return _accion(
        request,
        pk,
        ResultadosForm,
        lambda v, d: services.registrar_resultados(
            visita=v, resultados=d["resultados"], usuario=request.user
        ),
        _("Se registraron los resultados de la visita."),
    )


@login_required
@require_POST
def cancelar(request, pk):
    return _accion(
        request,
        pk,
        CancelarVisitaForm,
        lambda v, d: services.cancelar_visita(visita=v, motivo=d["motivo"], usuario=request.user),
        _("Se canceló la visita."),
    )


@login_required
def compromiso(request, pk):
    visita = _visita(request, pk)
    return compromiso_de(
        request,
        visita,
        lambda filas: services.registrar_compromisos(
            visita=visita, compromisos_=filas, usuario=request.user
        ),
        titulo=_("Compromiso de la visita"),
    )


@login_required
def reunion(request, pk):
    visita = _visita(request, pk)
    return reunion_de(
        request,
        visita,
        lambda datos: services.convocar_reunion(visita=visita, datos=datos, usuario=request.user),
        titulo=_("Reunión de la visita"),
        exito=_("Se programó la reunión de la visita."),
    )


@login_required
def ficha_pdf(request, pk):
    visita = _visita(request, pk)
    return documentos.FICHA.respuesta(visita)
