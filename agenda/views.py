"""P002 pages: the calendar (day, week, month), the list, activities, requests, the day's
PDF and the ICS feed."""

import calendar as calendario_py
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from agenda import calendario, forms, services
from agenda.filtros import FiltroActividades, FiltroSolicitudes
from agenda.models import (
    ROLES_DESPACHO,
    Actividad,
    CalendarioAgenda,
    ErrorDeEstado,
    SolicitudAgenda,
)
from buengobierno.documentos.formato import (
    dia_y_fecha,
    fecha_hora_larga,
    fecha_larga,
    leer_fecha,
    mes_y_anio,
)
from buengobierno.documentos.models import Adjunto
from buengobierno.documentos.pdf import formulario_controlado, renderizar_pdf, respuesta_pdf
from buengobierno.organizacion.acceso import exigir_creacion, obtener_visible_o_404, tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.entrada import en_rango
from buengobierno.web.formularios import BotonForm
from buengobierno.web.ical import respuesta_ics
from buengobierno.web.listas import ListaView, Tarjeta
from buengobierno.web.siguiente_paso import SiguientePaso
from delegaciones.views.registros import poner_errores

FORMULARIO_AGENDA = "MEDE01.09.P002.F001"
VISTAS = {"dia": gettext_lazy("Día"), "semana": gettext_lazy("Semana"), "mes": gettext_lazy("Mes")}


def es_despacho(usuario) -> bool:
    return tiene_rol(usuario, *ROLES_DESPACHO, Rol.ADMINISTRADOR)


def _fecha_pedida(texto) -> date:
    fecha = None
    try:
        fecha = leer_fecha(texto) if texto and len(texto) <= 10 else None
    except (ValueError, TypeError):
        fecha = None
    if fecha is None or not en_rango(fecha):
        return timezone.localdate()
    return fecha


def _periodo(vista: str, fecha: date) -> tuple[date, date]:
    if vista == "dia":
        return fecha, fecha
    if vista == "semana":
        lunes = fecha - timedelta(days=fecha.weekday())
        return lunes, lunes + timedelta(days=6)
    primero = fecha.replace(day=1)
    ultimo = primero.replace(day=calendario_py.monthrange(fecha.year, fecha.month)[1])
    return primero - timedelta(days=primero.weekday()), ultimo + timedelta(
        days=6 - ultimo.weekday()
    )


def _mover(vista: str, fecha: date, sentido: int) -> date:
    if vista == "dia":
        return fecha + timedelta(days=sentido)
    if vista == "semana":
        return fecha + timedelta(days=7 * sentido)
    mes = fecha.month - 1 + sentido
    return date(fecha.year + mes // 12, mes % 12 + 1, 1)


@login_required
def inicio(request):
    """The Secretario's calendar: ?vista=dia|semana|mes&fecha=AAAA-MM-DD."""
    vista = request.GET.get("vista")
    vista = vista if vista in VISTAS else "semana"
    fecha = _fecha_pedida(request.GET.get("fecha"))
    desde, hasta = _periodo(vista, fecha)
    lista = calendario.entradas(request.user, desde, hasta)
    dias = calendario.por_dia(lista, desde, hasta)
    if vista == "dia":
        titulo_periodo = dia_y_fecha(fecha)
    elif vista == "semana":
        titulo_periodo = _("Semana del %(desde)s al %(hasta)s") % {
            "desde": fecha_larga(desde),
            "hasta": fecha_larga(hasta),
        }
    else:
        titulo_periodo = mes_y_anio(fecha)
    anterior, siguiente = _mover(vista, fecha, -1), _mover(vista, fecha, 1)
    if not en_rango(anterior):
        anterior = fecha
    if not en_rango(siguiente):
        siguiente = fecha
    return render(
        request,
        "agenda/calendario.html",
        {
            "pestana": "calendario",
            "vista": vista,
            "vistas": VISTAS.items(),
            "fecha": fecha,
            "hoy": timezone.localdate(),
            "titulo_periodo": titulo_periodo,
            "dias": dias,
            "semanas": [dias[i : i + 7] for i in range(0, len(dias), 7)] if vista == "mes" else [],
            "cruces": sum(1 for e in lista if e.en_cruce),
            "anterior": anterior,
            "siguiente": siguiente,
            "es_despacho": es_despacho(request.user),
        },
    )


class ListaActividades(ListaView):
    modelo = Actividad
    filterset_class = FiltroActividades
    campos_busqueda = ("titulo", "lugar", "organismo__sigla", "organismo__nombre")
    relacionados = ("organismo",)
    orden = ("-inicio", "-id")
    columnas_exportacion = [
        (gettext_lazy("Actividad"), "titulo"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("Inicio"), "inicio"),
        (gettext_lazy("Fin"), "fin"),
        (gettext_lazy("Lugar"), "lugar"),
        (gettext_lazy("Organiza"), "organismo"),
        (gettext_lazy("Participación"), "get_participacion_display"),
        (gettext_lazy("Estado"), "get_estado_display"),
    ]
    columnas_lista = [
        (gettext_lazy("Actividad"), "titulo"),
        (gettext_lazy("Inicio"), "inicio"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("Organiza"), "organismo"),
        (gettext_lazy("Estado"), "get_estado_display"),
    ]
    titulo = gettext_lazy("Actividades del Secretario")
    subtitulo = gettext_lazy("Todas las actividades de la agenda que usted puede ver.")
    nombre_exportacion = "agenda"
    template_name = "agenda/lista.html"

    def tarjeta(self, actividad):
        return Tarjeta(
            titulo=actividad.titulo,
            url=actividad.get_absolute_url(),
            estado=actividad.get_estado_display(),
            clase_estado=calendario.clase_actividad(actividad),
            fecha=actividad.inicio,
            etiqueta_fecha=_("Inicio"),
            responsable=str(actividad.organismo),
            etiqueta_responsable=_("Organiza"),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "actividades"
        return contexto


class ListaSolicitudes(ListaView):
    modelo = SolicitudAgenda
    filterset_class = FiltroSolicitudes
    campos_busqueda = ("tema", "organismo__sigla", "organismo__nombre")
    relacionados = ("organismo", "solicitante")
    orden = ("-creado_en", "-id")
    columnas_exportacion = [
        (gettext_lazy("Tema"), "tema"),
        (gettext_lazy("Organismo"), "organismo"),
        (gettext_lazy("Solicitante"), "solicitante"),
        (gettext_lazy("Fecha propuesta"), "fecha_propuesta"),
        (gettext_lazy("Recibida"), "creado_en"),
        (gettext_lazy("Responder a más tardar"), "fecha_limite_respuesta"),
        (gettext_lazy("Estado"), "get_estado_display"),
    ]
    columnas_lista = [
        (gettext_lazy("Tema"), "tema"),
        (gettext_lazy("Organismo"), "organismo"),
        (gettext_lazy("Fecha propuesta"), "fecha_propuesta"),
        (gettext_lazy("Estado"), "get_estado_display"),
    ]
    titulo = gettext_lazy("Solicitudes de agenda")
    subtitulo = gettext_lazy("Pedidos de los organismos para contar con el Secretario.")
    nombre_exportacion = "solicitudes-agenda"
    template_name = "agenda/lista.html"

    def tarjeta(self, solicitud):
        return Tarjeta(
            titulo=solicitud.tema,
            url=solicitud.get_absolute_url(),
            estado=solicitud.get_estado_display(),
            clase_estado=clase_solicitud(solicitud),
            fecha=solicitud.fecha_propuesta,
            etiqueta_fecha=_("Propuesta"),
            responsable=str(solicitud.organismo),
            etiqueta_responsable=_("Organismo"),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "solicitudes"
        return contexto


def clase_solicitud(solicitud) -> str:
    return {
        SolicitudAgenda.Estado.PENDIENTE: "text-bg-warning",
        SolicitudAgenda.Estado.OTRA_FECHA: "text-bg-info",
        SolicitudAgenda.Estado.APROBADA: "text-bg-success",
        SolicitudAgenda.Estado.DELEGADA: "text-bg-primary",
        SolicitudAgenda.Estado.DECLINADA: "text-bg-dark",
    }.get(solicitud.estado, "text-bg-secondary")


# --- activities ------------------------------------------------------------------------------


def _actividad(request, pk) -> Actividad:
    return obtener_visible_o_404(
        Actividad.objects.select_related(
            "organismo", "delegacion__delegado", "reunion", "creado_por"
        ),
        request.user,
        pk=pk,
    )


def _formularios_actividad(actividad, usuario, datos=None, abierta="") -> list:
    if not actividad.puede_editar(usuario):
        return []
    formularios = []

    def form(clase):
        return clase(datos if abierta == clase.accion else None, actividad=actividad)

    estado = actividad.estado
    if estado == Actividad.Estado.TENTATIVA:
        formularios.append(form(forms.ConfirmarForm))
    if estado in (Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA):
        if actividad.abre_reunion and not actividad.reunion_id:
            formularios.append(form(forms.AbrirReunionForm))
        if estado == Actividad.Estado.CONFIRMADA and actividad.inicio <= timezone.now():
            formularios.append(form(forms.RealizadaForm))
        if not actividad.delegacion_id and actividad.inicio > timezone.now():
            formularios.append(form(forms.DelegarForm))
        if (
            not actividad.delegacion_id
            and actividad.participacion != Actividad.Participacion.DECLINADA
        ):
            formularios.append(form(forms.DeclinarForm))
        formularios.append(form(forms.CancelarForm))
    return formularios


def _pagina_actividad(request, actividad, *, datos=None, abierta="", status=200):
    formularios = _formularios_actividad(actividad, request.user, datos, abierta)
    explicacion = {
        Actividad.Estado.TENTATIVA: _("Por confirmar en la agenda del Secretario."),
        Actividad.Estado.CONFIRMADA: _("Confirmada en la agenda del Secretario."),
        Actividad.Estado.REALIZADA: _("La actividad se realizó."),
        Actividad.Estado.CANCELADA: _("La actividad se canceló."),
    }[actividad.estado]
    paso = SiguientePaso(
        estado=actividad.get_estado_display(),
        clase_estado=calendario.clase_actividad(actividad),
        explicacion=explicacion,
        formularios=formularios,
        abierta=abierta,
    )
    cruces = (
        services.cruces(actividad.inicio, actividad.fin, excluir=actividad.pk)
        if actividad.estado in (Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA)
        else []
    )
    return render(
        request,
        "agenda/actividad.html",
        {
            "actividad": actividad,
            "paso": paso,
            "cruces": cruces,
            "documentos": Adjunto.objects.de(actividad),
            "puede_editar": actividad.puede_editar(request.user)
            and actividad.estado in (Actividad.Estado.TENTATIVA, Actividad.Estado.CONFIRMADA),
            "pestana": "actividades",
        },
        status=status,
    )


@login_required
def actividad(request, pk):
    return _pagina_actividad(request, _actividad(request, pk))


def _avisar_cruces(request, actividad) -> None:
    if actividad.estado != Actividad.Estado.CONFIRMADA:
        return
    if actividad.participacion != Actividad.Participacion.PRESENCIAL:
        return
    encontrados = services.cruces(actividad.inicio, actividad.fin, excluir=actividad.pk)
    if encontrados:
        messages.warning(request, services.mensaje_de_cruces(encontrados))


@login_required
def editar_actividad(request, pk=None):
    if pk is None:
        exigir_creacion(request.user, Actividad)
        if not es_despacho(request.user):
            raise PermissionDenied(_("Solo el Despacho de Gobierno registra actividades."))
        objeto = None
    else:
        objeto = _actividad(request, pk)
        if not objeto.puede_editar(request.user):
            raise PermissionDenied(_("Su rol no le permite modificar este registro."))
    form = forms.ActividadForm(request.POST or None, request.FILES or None, instance=objeto)
    status = 200
    if request.method == "POST" and form.is_valid():
        datos = {c: form.cleaned_data[c] for c in forms.ActividadForm.Meta.fields}
        archivos = [form.cleaned_data.get("documento")]
        try:
            if objeto is None:
                guardada = services.registrar_actividad(
                    datos=datos, usuario=request.user, archivos=archivos
                )
                messages.success(request, _("Se registró la actividad."))
            else:
                guardada = services.actualizar_actividad(
                    actividad=objeto,
                    datos=datos,
                    usuario=request.user,
                    archivos=archivos,
                    base=form.base_de_version(),
                )
                messages.success(request, _("Se guardaron los cambios."))
            _avisar_cruces(request, guardada)
            return redirect(guardada)
        except EdicionEnConflicto as error:
            form.mostrar_conflicto(error)
            status = estado_de_respuesta(form)
        except ValidationError as error:
            poner_errores(form, error)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "agenda/formulario.html",
        {
            "form": form,
            "titulo": _("Editar la actividad") if objeto else _("Nueva actividad"),
            "volver": objeto.get_absolute_url() if objeto else reverse("agenda:inicio"),
            "pestana": "actividades",
        },
        status=status,
    )


def _accion_actividad(clase, ejecutar, exito):
    @login_required
    @require_POST
    def vista(request, pk):
        actividad = _actividad(request, pk)
        if not actividad.puede_editar(request.user):
            raise PermissionDenied(_("Su rol no le permite modificar este registro."))
        form = clase(request.POST, actividad=actividad)
        if form.is_valid():
            try:
                ejecutar(actividad=actividad, usuario=request.user, **form.cleaned_data)
                messages.success(request, exito)
                return redirect(actividad)
            except ErrorDeEstado as error:
                messages.error(request, str(error))
                return redirect(actividad)
            except ValidationError as error:
                poner_errores(form, error)
        actividad = _actividad(request, pk)
        return _pagina_actividad(
            request, actividad, datos=request.POST, abierta=clase.accion, status=400
        )

    return vista


def _abrir_reunion(*, actividad, usuario):
    return services.abrir_reunion(actividad=actividad, usuario=usuario)


confirmar = _accion_actividad(
    forms.ConfirmarForm, services.confirmar_actividad, gettext_lazy("Actividad confirmada.")
)
realizada = _accion_actividad(
    forms.RealizadaForm, services.marcar_realizada, gettext_lazy("Actividad realizada.")
)
cancelar = _accion_actividad(
    forms.CancelarForm, services.cancelar_actividad, gettext_lazy("Actividad cancelada.")
)
declinar = _accion_actividad(
    forms.DeclinarForm, services.declinar_actividad, gettext_lazy("Se declinó la participación.")
)
delegar = _accion_actividad(
    forms.DelegarForm,
    services.delegar_actividad,
    gettext_lazy("Se delegó la representación: la delegación está en P001, con su ficha técnica."),
)
abrir_reunion = _accion_actividad(
    forms.AbrirReunionForm, _abrir_reunion, gettext_lazy("Se abrió la reunión en P005.")
)


# --- requests --------------------------------------------------------------------------------


def _solicitud(request, pk) -> SolicitudAgenda:
    return obtener_visible_o_404(
        SolicitudAgenda.objects.select_related(
            "organismo", "solicitante", "actividad", "resuelta_por"
        ),
        request.user,
        pk=pk,
    )


@login_required
def nueva_solicitud(request):
    exigir_creacion(request.user, SolicitudAgenda)
    form = forms.SolicitudForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        datos = {c: form.cleaned_data[c] for c in forms.SolicitudForm.Meta.fields}
        try:
            solicitud = services.solicitar(
                datos=datos, usuario=request.user, archivos=[form.cleaned_data.get("documento")]
            )
            messages.success(
                request, _("Se envió la solicitud; el Despacho de Gobierno le responderá.")
            )
            return redirect(solicitud)
        except ValidationError as error:
            poner_errores(form, error)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "agenda/formulario.html",
        {
            "form": form,
            "titulo": _("Solicitar la presencia del Secretario"),
            "volver": reverse("agenda:solicitudes"),
            "pestana": "solicitudes",
        },
        status=status,
    )


def _formularios_solicitud(solicitud, usuario, datos=None, abierta="") -> list:
    if not solicitud.abierta or not solicitud.puede_editar(usuario):
        return []

    def form(clase):
        return clase(datos if abierta == clase.accion else None, solicitud=solicitud)

    formularios = []
    if es_despacho(usuario):
        if solicitud.estado == SolicitudAgenda.Estado.PENDIENTE:
            formularios += [form(forms.AprobarForm), form(forms.OtraFechaForm)]
        formularios += [form(forms.DelegarSolicitudForm), form(forms.DeclinarSolicitudForm)]
    elif (
        solicitud.estado == SolicitudAgenda.Estado.OTRA_FECHA
        and solicitud.solicitante_id == usuario.pk
    ):
        formularios.append(form(forms.AceptarFechaForm))
    return formularios


def _pagina_solicitud(request, solicitud, *, datos=None, abierta="", status=200):
    explicaciones = {
        SolicitudAgenda.Estado.PENDIENTE: _("Esperando la respuesta del Despacho de Gobierno."),
        SolicitudAgenda.Estado.OTRA_FECHA: _(
            "El Despacho propuso el %(fecha)s; espera que el solicitante la acepte."
        )
        % {"fecha": fecha_hora_larga(solicitud.fecha_contrapropuesta)},
        SolicitudAgenda.Estado.APROBADA: _("Aprobada: está en la agenda del Secretario."),
        SolicitudAgenda.Estado.DELEGADA: _("Delegada: otra persona representa al Secretario."),
        SolicitudAgenda.Estado.DECLINADA: _("Declinada."),
    }
    paso = SiguientePaso(
        estado=solicitud.get_estado_display(),
        clase_estado=clase_solicitud(solicitud),
        explicacion=explicaciones[solicitud.estado],
        espera_a=_("Despacho de Gobierno")
        if solicitud.estado == SolicitudAgenda.Estado.PENDIENTE
        else "",
        desde=solicitud.creado_en if solicitud.abierta else None,
        formularios=_formularios_solicitud(solicitud, request.user, datos, abierta),
        abierta=abierta,
        vencido=solicitud.estado == SolicitudAgenda.Estado.PENDIENTE
        and solicitud.fecha_limite_respuesta < timezone.localdate(),
    )
    return render(
        request,
        "agenda/solicitud.html",
        {
            "solicitud": solicitud,
            "paso": paso,
            "cruces": services.cruces(
                solicitud.fecha_propuesta,
                solicitud.fecha_propuesta + timedelta(minutes=solicitud.duracion_minutos),
            )
            if solicitud.estado == SolicitudAgenda.Estado.PENDIENTE and es_despacho(request.user)
            else [],
            "documentos": Adjunto.objects.de(solicitud),
            "pestana": "solicitudes",
        },
        status=status,
    )


@login_required
def solicitud(request, pk):
    return _pagina_solicitud(request, _solicitud(request, pk))


def _accion_solicitud(clase, ejecutar, exito):
    @login_required
    @require_POST
    def vista(request, pk):
        solicitud = _solicitud(request, pk)
        if not solicitud.puede_editar(request.user):
            raise PermissionDenied(_("Su rol no le permite modificar este registro."))
        form = clase(request.POST, solicitud=solicitud)
        if form.is_valid():
            try:
                ejecutar(solicitud=solicitud, usuario=request.user, **form.cleaned_data)
                messages.success(request, exito)
                return redirect(solicitud)
            except ErrorDeEstado as error:
                messages.error(request, str(error))
                return redirect(solicitud)
            except ValidationError as error:
                poner_errores(form, error)
        return _pagina_solicitud(
            request, _solicitud(request, pk), datos=request.POST, abierta=clase.accion, status=400
        )

    return vista


aprobar = _accion_solicitud(
    forms.AprobarForm,
    services.aprobar_solicitud,
    gettext_lazy("Solicitud aprobada: la actividad quedó en la agenda."),
)
otra_fecha = _accion_solicitud(
    forms.OtraFechaForm, services.proponer_otra_fecha, gettext_lazy("Se propuso otra fecha.")
)
aceptar_fecha = _accion_solicitud(
    forms.AceptarFechaForm,
    services.aceptar_otra_fecha,
    gettext_lazy("Aceptó la fecha: la actividad quedó en la agenda."),
)
declinar_solicitud = _accion_solicitud(
    forms.DeclinarSolicitudForm, services.declinar_solicitud, gettext_lazy("Solicitud declinada.")
)
delegar_solicitud = _accion_solicitud(
    forms.DelegarSolicitudForm,
    services.delegar_solicitud,
    gettext_lazy("Se delegó la representación: la delegación está en P001."),
)


# --- the day's agenda and the feed -----------------------------------------------------------


def contexto_agenda_del_dia(usuario, fecha) -> dict:
    return {
        "fecha": fecha,
        "entradas": calendario.entradas(usuario, fecha, fecha),
        "formulario": formulario_controlado(FORMULARIO_AGENDA),
    }


@login_required
def agenda_pdf(request):
    """The day's agenda (?fecha=AAAA-MM-DD) as a PDF with the official header."""
    fecha = _fecha_pedida(request.GET.get("fecha"))
    contenido = renderizar_pdf(
        "agenda/pdf/agenda_del_dia.html", contexto_agenda_del_dia(request.user, fecha)
    )
    return respuesta_pdf(contenido, f"agenda-{fecha:%Y%m%d}.pdf")


@login_required
def mi_calendario(request):
    cal = services.calendario_de(request.user)
    return render(
        request,
        "agenda/mi_calendario.html",
        {
            "pestana": "mi_calendario",
            "url_feed": request.build_absolute_uri(reverse("agenda:feed_ics", args=[cal.token]))
            if cal
            else "",
            "boton_generar": BotonForm(
                texto=_("Generar una dirección nueva") if cal else _("Generar mi dirección"),
                url=reverse("agenda:generar_calendario"),
                estilo="btn-outline-primary" if cal else "btn-primary",
                confirmar=_(
                    "La dirección actual dejará de funcionar en los calendarios donde la haya "
                    "agregado. ¿Continuar?"
                )
                if cal
                else "",
            ),
            "boton_revocar": BotonForm(
                texto=_("Revocar la dirección"),
                url=reverse("agenda:revocar_calendario"),
                estilo="btn-outline-danger",
                confirmar=_("La dirección dejará de funcionar. ¿Continuar?"),
            )
            if cal
            else None,
        },
    )


@login_required
@require_POST
def generar_calendario(request):
    services.generar_calendario(usuario=request.user)
    messages.success(request, _("Se generó una dirección nueva para su calendario."))
    return redirect("agenda:mi_calendario")


@login_required
@require_POST
def revocar_calendario(request):
    services.revocar_calendario(usuario=request.user)
    messages.success(request, _("La dirección de su calendario dejó de funcionar."))
    return redirect("agenda:mi_calendario")


@never_cache
def feed_ics(request, token):
    """No login: the secret token is the key. A wrong or revoked token gets 404."""
    cal = (
        CalendarioAgenda.objects.select_related("usuario")
        .filter(token=token[:64], usuario__is_active=True)
        .first()
    )
    if cal is None:
        raise Http404(_("Esta dirección de calendario no existe o fue revocada."))
    respuesta = respuesta_ics(calendario.generar_ics(cal.usuario), "agenda.ics", adjunto=False)
    respuesta["X-Robots-Tag"] = "noindex"
    return respuesta
