"""Pages of P003: the board, the list, a new act, one act with its steps, the form review and
the indicators."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg, Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from actos import services
from actos.diferencias import cambios, parrafos
from actos.escritorio import colas
from actos.forms import FORMULARIOS_DE_ACCION, ActoForm, RevisionForm
from actos.models import (
    ActoAdministrativo,
    ErrorDeEstado,
    EtapaActo,
    ItemRevision,
    RevisionForma,
    TipoActo,
    VistoBueno,
)
from buengobierno.documentos.models import Adjunto
from buengobierno.organizacion.acceso import exigir_creacion, exigir_edicion, obtener_visible_o_404
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.consultas import dias_habiles_entre
from buengobierno.web.listas import ListaView, Tarjeta
from buengobierno.web.siguiente_paso import SiguientePaso

Estado = ActoAdministrativo.Estado
LIMITE_TABLERO = 10
CLASES = {
    Estado.BORRADOR: "text-bg-secondary",
    Estado.EN_REVISION: "text-bg-info",
    Estado.DEVUELTO: "text-bg-warning",
    Estado.REVISADO: "text-bg-info",
    Estado.LISTO_PARA_FIRMA: "text-bg-primary",
    Estado.FIRMADO: "text-bg-primary",
    Estado.NUMERADO: "text-bg-primary",
    Estado.PUBLICADO: "text-bg-success",
    Estado.NOTIFICADO: "text-bg-success",
    Estado.ARCHIVADO: "text-bg-light",
    Estado.ANULADO: "text-bg-dark",
}
MENSAJES = {
    "version": gettext_lazy("Se subió la nueva versión; los vistos buenos se piden de nuevo."),
    "vb_productor": gettext_lazy("Se registró el visto bueno del organismo productor."),
    "vb_juridica": gettext_lazy("Se registró el visto bueno del DAGJP."),
    "vb_secretario": gettext_lazy("Visto bueno del Secretario: el acto está listo para firma."),
    "registrar_visto": gettext_lazy("Se registró el visto bueno recibido."),
    "radicar": gettext_lazy("El acto quedó radicado y pasa a la revisión de forma."),
    "firmar": gettext_lazy("Se registró la firma del Alcalde."),
    "numerar": gettext_lazy("Se asignaron el número y la fecha."),
    "publicar": gettext_lazy("Se registró la publicación en el Boletín Oficial."),
    "notificar": gettext_lazy("Se registró la notificación."),
    "archivar": gettext_lazy("El acto quedó archivado."),
    "anular": gettext_lazy("El acto quedó anulado."),
}
SERVICIOS = {
    "version": services.subir_version,
    "vb_productor": services.dar_visto_bueno,
    "vb_juridica": services.dar_visto_bueno,
    "vb_secretario": services.dar_visto_bueno,
    "registrar_visto": services.registrar_visto_bueno,
    "radicar": services.radicar,
    "firmar": services.firmar,
    "numerar": services.numerar,
    "publicar": services.publicar,
    "notificar": services.notificar_acto,
    "archivar": services.archivar,
    "anular": services.anular,
}
ACCION_DE_VISTO = {
    VistoBueno.Tipo.PRODUCTOR: "vb_productor",
    VistoBueno.Tipo.JURIDICA: "vb_juridica",
    VistoBueno.Tipo.SECRETARIO: "vb_secretario",
}


def clase_acto(acto) -> str:
    return CLASES.get(acto.estado, "text-bg-secondary")


def acciones_para(acto, usuario) -> list[str]:
    """The steps this user may take on the act now (the services check them again)."""
    if not acto.puede_editar(usuario):
        return []
    acciones = [ACCION_DE_VISTO[t] for t in services.tipos_que_puede_dar(acto, usuario)]
    coordina = services.es_coordinador(usuario)
    e = acto.estado
    if e == Estado.BORRADOR and coordina:
        if acto.faltantes_para_radicar():
            acciones.append("registrar_visto")
        else:
            acciones.insert(0, "radicar")
    if e in ActoAdministrativo.ADMITEN_VERSION and services.puede_producir(usuario, acto):
        acciones.append("version")
    if coordina:
        acciones += {
            Estado.LISTO_PARA_FIRMA: ["firmar"],
            Estado.FIRMADO: ["numerar"],
            Estado.NUMERADO: ["publicar"] if acto.es_general else ["notificar"],
            Estado.NOTIFICADO: ["archivar", "notificar"],
            Estado.PUBLICADO: ["archivar"],
        }.get(e, [])
    if acto.puede_pasar_a(Estado.ANULADO) and (coordina or services.puede_producir(usuario, acto)):
        acciones.append("anular")
    return acciones


def _siguiente_paso(acto, usuario, formularios, abierta="") -> SiguientePaso:
    e = acto.estado
    enlace, espera = None, ""
    if e == Estado.BORRADOR:
        faltan = acto.faltantes_para_radicar()
        explicacion = (
            _("No se puede radicar para la firma del Alcalde: falta %(faltan)s.")
            % {"faltan": ", ".join(faltan)}
            if faltan
            else _(
                "Tiene los dos vistos buenos sobre la versión vigente: el Despacho puede radicarlo."
            )
        )
        espera = _("el organismo productor y el DAGJP") if faltan else _("el Despacho de Gobierno")
    elif e == Estado.EN_REVISION:
        explicacion = _("El Despacho revisa la forma del acto con la lista de chequeo.")
        espera = _("el Despacho de Gobierno")
        if services.es_coordinador(usuario):
            enlace = (
                _("Revisar la forma"),
                reverse("actos:revision", args=[acto.pk]),
                "bi-list-check",
            )
    elif e == Estado.DEVUELTO:
        explicacion = _(
            "Devuelto con observaciones: el productor corrige y sube una nueva versión, que "
            "vuelve a pasar por los vistos buenos."
        )
        espera = str(acto.organismo)
    elif e == Estado.REVISADO:
        explicacion = _(
            "La revisión de forma pasó: falta el visto bueno del Secretario de Gobierno."
        )
        espera = _("el Secretario de Gobierno")
    elif e == Estado.LISTO_PARA_FIRMA:
        explicacion = _("Listo para la firma del Alcalde: registre la copia firmada y su fecha.")
        espera = _("el Alcalde")
    elif e == Estado.FIRMADO:
        explicacion = _("Firmado: asigne el número y la fecha de la serie de su tipo.")
        espera = _("el Despacho de Gobierno")
    elif e == Estado.NUMERADO:
        explicacion = (
            _("Numerado: publíquelo en el Boletín Oficial (CPACA art. 65).")
            if acto.es_general
            else _("Numerado: notifíquelo o comuníquelo (CPACA arts. 66 a 69).")
        )
        espera = _("el Despacho de Gobierno")
    elif e in (Estado.PUBLICADO, Estado.NOTIFICADO):
        explicacion = _("Cumplido su trámite; puede archivarse.")
    elif e == Estado.ANULADO:
        explicacion = _("Anulado: %(motivo)s") % {"motivo": acto.motivo_anulacion}
    else:
        explicacion = _("Archivado.")
    return SiguientePaso(
        estado=acto.get_estado_display(),
        clase_estado=clase_acto(acto),
        explicacion=explicacion,
        espera_a=espera,
        desde=acto.etapa_desde if not acto.cerrado else None,
        formularios=formularios,
        enlace=enlace,
        abierta=abierta,
    )


def _acto(request, pk) -> ActoAdministrativo:
    return obtener_visible_o_404(
        ActoAdministrativo.objects.select_related(
            "tipo", "organismo", "version_actual__documento", "creado_por", "copia_firmada"
        ),
        request.user,
        pk=pk,
    )


def _pagina(request, acto, *, formularios=None, status=200):
    formularios = formularios or {}
    abiertos = [
        formularios.get(a) or FORMULARIOS_DE_ACCION[a](acto=acto)
        for a in acciones_para(acto, request.user)
    ]
    revisiones = list(
        RevisionForma.objects.filter(acto=acto)
        .select_related("version", "revisor")
        .prefetch_related("items")
        .order_by("-revisada_en")
    )
    return render(
        request,
        "actos/acto.html",
        {
            "acto": acto,
            "paso": _siguiente_paso(acto, request.user, abiertos, next(iter(formularios), "")),
            "versiones": acto.versiones.select_related("autor", "documento"),
            "vistos": VistoBueno.objects.filter(acto=acto)
            .select_related("version", "dado_por", "soporte")
            .order_by("-registrado_en"),
            "revisiones": revisiones,
            "notificaciones": acto.notificaciones.all(),
            "relaciones": acto.relaciones.all(),
            "pestana": "actos",
        },
        status=status,
    )


@login_required
def acto(request, pk):
    return _pagina(request, _acto(request, pk))


def poner_errores(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for campo, errores in error.error_dict.items():
        visible = campo in form.fields and not form.fields[campo].widget.is_hidden
        form.add_error(campo if visible else None, errores)


@login_required
@require_POST
def accion(request, pk, accion):
    if accion not in SERVICIOS:
        raise Http404
    acto = _acto(request, pk)
    exigir_edicion(request.user, acto)
    form = FORMULARIOS_DE_ACCION[accion](request.POST, request.FILES, acto=acto)
    if form.is_valid():
        datos = form.datos() if hasattr(form, "datos") else dict(form.cleaned_data)
        try:
            SERVICIOS[accion](acto=acto, usuario=request.user, **datos)
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(acto)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect(acto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, MENSAJES[accion])
            return redirect(acto)
    acto.refresh_from_db()
    return _pagina(request, acto, formularios={accion: form}, status=422)


@login_required
def nuevo(request):
    exigir_creacion(request.user, ActoAdministrativo)
    elige = services.es_coordinador(request.user)
    form = ActoForm(request.POST or None, request.FILES or None, elige_organismo=elige)
    if request.method == "POST" and form.is_valid():
        datos = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("archivo", "comentario", "relaciones")
        }
        try:
            acto = services.crear_acto(
                usuario=request.user,
                datos=datos,
                archivo=form.cleaned_data["archivo"],
                comentario=form.cleaned_data["comentario"],
                relaciones=form.cleaned_data["relaciones"],
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(
                request,
                _(
                    "Se registró el acto. Ahora necesita los vistos buenos del productor y del DAGJP."
                ),
            )
            return redirect(acto)
    return render(
        request,
        "actos/formulario.html",
        {"form": form, "titulo": _("Nuevo acto administrativo"), "pestana": "actos"},
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
def revision(request, pk):
    """The Despacho's form review of the current version: the checklist with observations."""
    acto = _acto(request, pk)
    exigir_edicion(request.user, acto)
    if acto.estado != Estado.EN_REVISION or not services.es_coordinador(request.user):
        messages.info(request, _("Este acto no está en revisión de forma."))
        return redirect(acto)
    form = RevisionForm(request.POST or None, acto=acto)
    if request.method == "POST" and form.is_valid():
        try:
            hecha = services.revisar_forma(
                acto=acto,
                usuario=request.user,
                version=form.cleaned_data["version"],
                items=form.items(),
                observaciones=form.cleaned_data["observaciones"],
            )
        except ErrorDeEstado as error:
            messages.error(request, str(error))
            return redirect(acto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(
                request,
                _("La revisión pasó: espera el visto bueno del Secretario.")
                if hecha.aprobada
                else _("Se devolvió el acto al productor con las observaciones."),
            )
            return redirect(acto)
    return render(
        request,
        "actos/revision.html",
        {"acto": acto, "form": form, "pestana": "actos"},
        status=422 if form.is_bound and form.errors else 200,
    )


@login_required
def diferencias(request, pk, numero):
    """What changed from the version before `numero` to it, when both are DOCX."""
    acto = _acto(request, pk)
    version = acto.versiones.select_related("documento").filter(numero=numero).first()
    anterior = (
        acto.versiones.select_related("documento")
        .filter(numero__lt=numero)
        .order_by("-numero")
        .first()
    )
    if version is None or anterior is None:
        raise Http404
    textos = [
        parrafos(v.documento) if v.documento.tipo == Adjunto.Tipo.DOCX else None
        for v in (anterior, version)
    ]
    return render(
        request,
        "actos/diferencias.html",
        {
            "acto": acto,
            "version": version,
            "anterior": anterior,
            "cambios": cambios(*textos) if None not in textos else None,
            "pestana": "actos",
        },
    )


# --- lists and boards ------------------------------------------------------------------------


class FiltroActos(django_filters.FilterSet):
    estado = django_filters.ChoiceFilter(
        label=gettext_lazy("Estado"), choices=Estado.choices, empty_label=gettext_lazy("Todos")
    )
    organismo = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organismo productor"), queryset=Organismo.objects.filter(activo=True)
    )
    tipo = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Tipo"), queryset=TipoActo.objects.all()
    )
    alcance = django_filters.ChoiceFilter(
        label=gettext_lazy("Alcance"),
        choices=ActoAdministrativo.Alcance.choices,
        empty_label=gettext_lazy("Todos"),
    )

    class Meta:
        model = ActoAdministrativo
        fields = []


class ListaActos(ListaView):
    modelo = ActoAdministrativo
    filterset_class = FiltroActos
    campos_busqueda = ("epigrafe", "numero", "radicado", "organismo__sigla")
    relacionados = ("tipo", "organismo")
    orden = ("-creado_en", "-id")
    columnas_exportacion = [
        (gettext_lazy("Acto"), "__str__"),
        (gettext_lazy("Epígrafe"), "epigrafe"),
        (gettext_lazy("Organismo productor"), "organismo"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Alcance"), "get_alcance_display"),
        (gettext_lazy("Número"), "numero"),
        (gettext_lazy("En esta etapa desde"), "etapa_desde"),
    ]
    columnas_lista = [
        (gettext_lazy("Acto"), "__str__"),
        (gettext_lazy("Organismo productor"), "organismo"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("En esta etapa desde"), "etapa_desde"),
    ]
    titulo = gettext_lazy("Actos administrativos")
    subtitulo = gettext_lazy(
        "Decretos, resoluciones, circulares y directivas hacia la firma del Alcalde."
    )
    nombre_exportacion = "actos"
    template_name = "actos/lista.html"

    def tarjeta(self, a):
        return Tarjeta(
            titulo=str(a),
            url=a.get_absolute_url(),
            estado=a.get_estado_display(),
            clase_estado=clase_acto(a),
            fecha=a.etapa_desde,
            etiqueta_fecha=_("En esta etapa desde"),
            responsable=str(a.organismo),
            etiqueta_responsable=_("Organismo productor"),
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "actos"
        contexto["puede_crear"] = ActoAdministrativo.acceso.puede_crear(self.request.user)
        return contexto


@login_required
def tablero(request):
    """Acts by state and organism, and what waits for me (my vistos buenos and steps)."""
    visibles = ActoAdministrativo.objects.visibles_para(request.user)
    por_estado = dict(
        visibles.order_by().values_list("estado").annotate(n=Count("pk")).values_list("estado", "n")
    )
    estados = [(valor, etiqueta, por_estado.get(valor, 0)) for valor, etiqueta in Estado.choices]
    por_organismo = list(
        visibles.abiertos()
        .order_by()
        .values("organismo__nombre", "organismo__sigla")
        .annotate(n=Count("pk"))
        .order_by("-n")[:LIMITE_TABLERO]
    )
    lista = reverse("actos:actos")
    mias = [(que, list(consulta[:LIMITE_TABLERO])) for _clave, que, consulta in colas(request.user)]
    return render(
        request,
        "actos/tablero.html",
        {
            "pestana": "tablero",
            "estados": [(v, e, n, f"{lista}?{urlencode({'estado': v})}") for v, e, n in estados],
            "por_organismo": por_organismo,
            "mias": [(que, filas) for que, filas in mias if filas],
            "puede_crear": ActoAdministrativo.acceso.puede_crear(request.user),
        },
    )


@login_required
def indicadores(request):
    """Business days in each stage (averages per organism and per stage), and returns per
    organism and their causes — each a grouped query."""
    visibles = ActoAdministrativo.objects.visibles_para(request.user)
    etapas = EtapaActo.objects.filter(acto__in=visibles.values("pk")).exclude(
        etapa__in=ActoAdministrativo.CERRADOS
    )
    dias = dias_habiles_entre("dia_inicio", "dia_fin")
    por_etapa = list(
        etapas.order_by()
        .values("etapa")
        .annotate(promedio=Avg(dias), n=Count("pk"))
        .order_by("etapa")
    )
    etiquetas = dict(Estado.choices)
    for fila in por_etapa:
        fila["nombre"] = etiquetas.get(fila["etapa"], fila["etapa"])
    por_organismo = list(
        etapas.order_by()
        .values("organismo__nombre")
        .annotate(promedio=Avg(dias), n=Count("acto", distinct=True))
        .order_by("-promedio")[:20]
    )
    revisiones = RevisionForma.objects.filter(acto__in=visibles.values("pk"))
    devoluciones = list(
        revisiones.order_by()
        .values("organismo__nombre")
        .annotate(devueltas=Count("pk", filter=Q(aprobada=False)), total=Count("pk"))
        .filter(devueltas__gt=0)
        .order_by("-devueltas")[:20]
    )
    items = dict(ItemRevision.Item.choices)
    causas = [
        {"item": items.get(f["item"], f["item"]), "n": f["n"]}
        for f in ItemRevision.objects.filter(revision__in=revisiones.values("pk"), cumple=False)
        .order_by()
        .values("item")
        .annotate(n=Count("pk"))
        .order_by("-n")
    ]
    return render(
        request,
        "actos/indicadores.html",
        {
            "pestana": "indicadores",
            "por_etapa": por_etapa,
            "por_organismo": por_organismo,
            "devoluciones": devoluciones,
            "causas": causas,
        },
    )
