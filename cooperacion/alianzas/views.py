"""P006 pages: alliances (list, register, edit, its page with the next step), cooperantes
(list, register, its history) and the cooperation dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
    tiene_rol,
)
from buengobierno.organizacion.roles import Rol
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.listas import ListaView, Tarjeta
from compromisos.models import Compromiso
from cooperacion.alianzas import services
from cooperacion.alianzas.filtros import FiltroAlianzas, FiltroCooperantes
from cooperacion.alianzas.forms import (
    AlianzaForm,
    ConceptoForm,
    ContactoForm,
    CooperanteForm,
    FirmarForm,
    RecursoForm,
    SolicitarConceptoForm,
    TerminarForm,
)
from cooperacion.alianzas.models import Alianza, Cooperante
from cooperacion.vistas import (
    accion,
    compromiso_de,
    errores_al_formulario,
    pagina_de_formulario,
    reunion_de,
)

CLASES_ESTADO = {
    Alianza.Estado.EN_GESTION: "text-bg-info",
    Alianza.Estado.VIGENTE: "text-bg-success",
    Alianza.Estado.VENCIDA: "text-bg-secondary",
    Alianza.Estado.TERMINADA: "text-bg-dark",
}


class ListaAlianzas(ListaView):
    modelo = Alianza
    filterset_class = FiltroAlianzas
    campos_busqueda = ("nombre", "objeto", "cooperante__nombre", "cooperante__sigla")
    relacionados = ("cooperante", "responsable")
    orden = ("-creado_en", "-pk")
    columnas_exportacion = [
        (gettext_lazy("Alianza"), "nombre"),
        (gettext_lazy("Instrumento"), "get_instrumento_display"),
        (gettext_lazy("Cooperante"), "cooperante"),
        (gettext_lazy("Estado"), "get_estado_display"),
        (gettext_lazy("Firma"), "fecha_firma"),
        (gettext_lazy("Fin de la vigencia"), "fecha_fin_vigencia"),
        (gettext_lazy("Responsable"), "responsable"),
    ]
    titulo = gettext_lazy("Alianzas internacionales")
    subtitulo = gettext_lazy(
        "Convenios, memorandos, hermanamientos, cartas de intención y acuerdos de cooperación."
    )
    nombre_exportacion = "alianzas"
    template_name = "cooperacion/alianzas.html"

    def tarjeta(self, alianza):
        return Tarjeta(
            titulo=alianza.nombre,
            url=alianza.get_absolute_url(),
            estado=alianza.get_estado_display(),
            clase_estado=CLASES_ESTADO[alianza.estado],
            fecha=alianza.fecha_fin_vigencia,
            responsable=str(alianza.responsable),
            detalles=[
                (_("Cooperante"), str(alianza.cooperante)),
                (_("Instrumento"), alianza.get_instrumento_display()),
            ],
        )

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["puede_crear"] = Alianza.acceso.puede_crear(self.request.user)
        contexto["clases_estado"] = CLASES_ESTADO
        contexto["pestana"] = "alianzas"
        return contexto


def _alianza(request, pk) -> Alianza:
    return obtener_visible_o_404(
        Alianza.objects.select_related("cooperante", "organismo", "responsable", "concepto_por"),
        request.user,
        pk=pk,
    )


@login_required
def nueva_alianza(request):
    exigir_creacion(request.user, Alianza)
    form = AlianzaForm(request.POST or None, usuario=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            alianza = services.registrar_alianza(
                datos=form.datos(),
                otras_partes=form.cleaned_data["otras_partes"],
                ods=form.cleaned_data["ods"],
                usuario=request.user,
            )
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se registró la alianza."))
            return redirect(alianza)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Nueva alianza"),
        volver=(reverse("cooperacion_alianzas:inicio"), _("Alianzas")),
    )


@login_required
def editar_alianza(request, pk):
    alianza = _alianza(request, pk)
    exigir_edicion(request.user, alianza)
    form = AlianzaForm(request.POST or None, instance=alianza, usuario=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.actualizar_alianza(
                alianza=alianza,
                datos=form.datos(),
                otras_partes=form.cleaned_data["otras_partes"],
                ods=form.cleaned_data["ods"],
                usuario=request.user,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se guardaron los cambios."))
            return redirect(alianza)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Editar la alianza"),
        volver=(alianza.get_absolute_url(), alianza.nombre),
        status=estado_de_respuesta(form),
    )


def acciones_de(alianza: Alianza, usuario) -> list:
    """The transition forms this user may use now on this alliance."""
    formularios = []
    puede_editar = alianza.puede_editar(usuario)
    if alianza.estado == Alianza.Estado.EN_GESTION:
        if puede_editar and alianza.concepto_juridico in (
            Alianza.Concepto.PENDIENTE,
            Alianza.Concepto.CON_OBSERVACIONES,
        ):
            formularios.append(SolicitarConceptoForm(registro=alianza))
        if tiene_rol(usuario, Rol.JURIDICA) and alianza.concepto_juridico != (
            Alianza.Concepto.FAVORABLE
        ):
            formularios.append(ConceptoForm(registro=alianza))
        if puede_editar and alianza.concepto_juridico == Alianza.Concepto.FAVORABLE:
            formularios.append(
                FirmarForm(
                    registro=alianza, initial={"fecha_fin_vigencia": alianza.fecha_fin_vigencia}
                )
            )
    if puede_editar and alianza.puede_pasar_a(Alianza.Estado.TERMINADA):
        formularios.append(TerminarForm(registro=alianza))
    return formularios


@login_required
def alianza(request, pk):
    alianza = _alianza(request, pk)
    usuario = request.user
    recursos = list(alianza.recursos.all())
    return render(
        request,
        "cooperacion/alianza.html",
        {
            "alianza": alianza,
            "clase_estado": CLASES_ESTADO[alianza.estado],
            "otras_partes": list(alianza.otras_partes.all()),
            "ods": list(alianza.ods.all()),
            "recursos": recursos,
            "total_cop": sum((r.valor_cop or 0) for r in recursos),
            "reuniones": list(alianza.reuniones.visibles_para(usuario).select_related("tipo")),
            "visitas": list(alianza.visitas.visibles_para(usuario)),
            "compromisos": list(
                Compromiso.objects.visibles_para(usuario)
                .filter(origen_tipo__model="alianza", origen_id=alianza.pk)
                .select_related("responsable")
                .order_by("fecha_limite", "pk")
            ),
            "puede_editar": alianza.puede_editar(usuario),
            "acciones": acciones_de(alianza, usuario),
            "pestana": "alianzas",
        },
    )


@login_required
def agregar_recurso(request, pk):
    alianza = _alianza(request, pk)
    exigir_edicion(request.user, alianza)
    form = RecursoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agregar_recurso(alianza=alianza, datos=form.cleaned_data, usuario=request.user)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se agregó el recurso."))
            return redirect(alianza)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Agregar un recurso"),
        subtitulo=_(
            "Monto en su moneda (ISO 4217); en moneda extranjera, la tasa de cambio a pesos y "
            "su fecha: el equivalente en COP se calcula con ellas."
        ),
        volver=(alianza.get_absolute_url(), alianza.nombre),
    )


def _accion(request, pk, clase, hacer, exito):
    return accion(request, _alianza(request, pk), clase, hacer, exito)


@login_required
@require_POST
def solicitar_concepto(request, pk):
    return _accion(
        request,
        pk,
        SolicitarConceptoForm,
        lambda a, d: services.solicitar_concepto(alianza=a, usuario=request.user),
        _("Se solicitó el concepto jurídico a la DAGJP."),
    )


@login_required
@require_POST
def concepto(request, pk):
    return _accion(
        request,
        pk,
        ConceptoForm,
        lambda a, d: services.emitir_concepto(
            alianza=a,
            favorable=d["favorable"],
            observaciones=d["observaciones"],
            usuario=request.user,
        ),
        _("Se registró el concepto jurídico."),
    )


@login_required
@require_POST
def firmar(request, pk):
    return _accion(
        request,
        pk,
        FirmarForm,
        lambda a, d: services.firmar_alianza(
            alianza=a,
            fecha_firma=d["fecha_firma"],
            fecha_fin_vigencia=d["fecha_fin_vigencia"],
            usuario=request.user,
        ),
        _("Se registró la firma: la alianza está vigente."),
    )


@login_required
@require_POST
def terminar(request, pk):
    return _accion(
        request,
        pk,
        TerminarForm,
        lambda a, d: services.terminar_alianza(alianza=a, motivo=d["motivo"], usuario=request.user),
        _("Se terminó la alianza."),
    )


@login_required
def compromiso(request, pk):
    alianza = _alianza(request, pk)
    return compromiso_de(
        request,
        alianza,
        lambda filas: services.registrar_compromisos(
            alianza=alianza, compromisos_=filas, usuario=request.user
        ),
        titulo=_("Compromiso de la alianza"),
    )


@login_required
def reunion(request, pk):
    alianza = _alianza(request, pk)
    return reunion_de(
        request,
        alianza,
        lambda datos: services.convocar_reunion_de_articulacion(
            alianza=alianza, datos=datos, usuario=request.user
        ),
        titulo=_("Reunión de articulación"),
        exito=_("Se programó la reunión de articulación."),
    )


# --- cooperantes -----------------------------------------------------------------------------


class ListaCooperantes(ListaView):
    modelo = Cooperante
    filterset_class = FiltroCooperantes
    campos_busqueda = ("nombre", "sigla", "areas_interes")
    orden = ("nombre", "pk")
    columnas_exportacion = [
        (gettext_lazy("Cooperante"), "nombre"),
        (gettext_lazy("Sigla"), "sigla"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("País"), "get_pais_display"),
        (gettext_lazy("Áreas de interés"), "areas_interes"),
    ]
    titulo = gettext_lazy("Cooperantes")
    subtitulo = gettext_lazy(
        "Gobiernos, embajadas, agencias, multilaterales, ciudades hermanas, ONG, privados y "
        "entidades nacionales."
    )
    nombre_exportacion = "cooperantes"
    template_name = "cooperacion/cooperantes.html"

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["puede_crear"] = Cooperante.acceso.puede_crear(self.request.user)
        contexto["pestana"] = "cooperantes"
        return contexto


def _cooperante(request, pk) -> Cooperante:
    return obtener_visible_o_404(Cooperante.objects.all(), request.user, pk=pk)


@login_required
def nuevo_cooperante(request):
    exigir_creacion(request.user, Cooperante)
    form = CooperanteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cooperante = services.registrar_cooperante(datos=form.datos(), usuario=request.user)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se registró el cooperante."))
            return redirect(cooperante)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Nuevo cooperante"),
        volver=(reverse("cooperacion_alianzas:cooperantes"), _("Cooperantes")),
    )


@login_required
def editar_cooperante(request, pk):
    cooperante = _cooperante(request, pk)
    exigir_edicion(request.user, cooperante)
    form = CooperanteForm(request.POST or None, instance=cooperante)
    if request.method == "POST" and form.is_valid():
        try:
            services.actualizar_cooperante(
                cooperante=cooperante,
                datos=form.datos(),
                usuario=request.user,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se guardaron los cambios."))
            return redirect(cooperante)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Editar el cooperante"),
        volver=(cooperante.get_absolute_url(), str(cooperante)),
        status=estado_de_respuesta(form),
    )


@login_required
def agregar_contacto(request, pk):
    cooperante = _cooperante(request, pk)
    exigir_edicion(request.user, cooperante)
    form = ContactoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agregar_contacto(
                cooperante=cooperante, datos=form.cleaned_data, usuario=request.user
            )
        except ValidationError as error:
            errores_al_formulario(form, error)
        else:
            messages.success(request, _("Se agregó el contacto."))
            return redirect(cooperante)
    return pagina_de_formulario(
        request,
        form,
        titulo=_("Nuevo contacto"),
        volver=(cooperante.get_absolute_url(), str(cooperante)),
    )


@login_required
def cooperante(request, pk):
    """The cooperante and its history: alliances, visits and meetings (only what this user
    may see: a reserved visit is not there for an outsider)."""
    from compromisos.models import Reunion
    from cooperacion.misiones.models import VisitaInternacional

    cooperante = _cooperante(request, pk)
    usuario = request.user
    partes = Alianza.otras_partes.through.objects.filter(cooperante=cooperante)
    alianzas = list(
        Alianza.objects.visibles_para(usuario)
        .filter(Q(cooperante=cooperante) | Q(pk__in=partes.values("alianza")))
        .order_by("-creado_en", "-pk")
    )
    visitas_visibles = VisitaInternacional.objects.visibles_para(usuario).filter(
        cooperante=cooperante
    )
    visitas = list(visitas_visibles.order_by("-llegada", "-pk"))
    de_alianzas = Alianza.reuniones.through.objects.filter(
        alianza__in=[a.pk for a in alianzas]
    ).values("reunion")
    de_visitas = VisitaInternacional.reuniones.through.objects.filter(
        visitainternacional__in=[v.pk for v in visitas]
    ).values("reunion")
    reuniones = list(
        Reunion.objects.visibles_para(usuario)
        .filter(Q(pk__in=de_alianzas) | Q(pk__in=de_visitas))
        .order_by("-inicio", "-pk")
    )
    return render(
        request,
        "cooperacion/cooperante.html",
        {
            "cooperante": cooperante,
            "contactos": list(cooperante.contactos.all()),
            "alianzas": alianzas,
            "visitas": visitas,
            "reuniones": reuniones,
            "clases_estado": CLASES_ESTADO,
            "puede_editar": cooperante.puede_editar(usuario),
            "pestana": "cooperantes",
            "fecha_larga": fecha_larga,
        },
    )
