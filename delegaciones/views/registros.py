"""Instancias and their sessions: lists, register, edit, the page of each, and delegating."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buengobierno.documentos.formato import fecha_larga, hora
from buengobierno.organizacion.acceso import (
    exigir_creacion,
    exigir_edicion,
    obtener_visible_o_404,
)
from buengobierno.web.concurrencia import EdicionEnConflicto, estado_de_respuesta
from buengobierno.web.entrada import entero
from buengobierno.web.listas import ListaView, Tarjeta, enlazador
from delegaciones import services
from delegaciones.filtros import FiltroInstancias, FiltroSesiones
from delegaciones.forms import DelegacionForm, InstanciaForm, SesionForm
from delegaciones.models import Delegacion, DelegacionPermanente, Instancia, Sesion
from delegaciones.templatetags.delegaciones import clase_delegacion


def poner_errores(form, error: ValidationError) -> None:
    """A service's ValidationError beside the form's fields (at the top for the others)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for campo, errores in error.error_dict.items():
        form.add_error(campo if campo in form.fields else None, errores)


# --- instancias -----------------------------------------------------------------------------


class ListaInstancias(ListaView):
    modelo = Instancia
    filterset_class = FiltroInstancias
    campos_busqueda = ("nombre", "entidad_convocante", "norma", "organismo__sigla")
    relacionados = ("organismo", "delegado_habitual")
    orden = ("-activa", "nombre")
    columnas_exportacion = [
        (gettext_lazy("Instancia"), "nombre"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("Convoca"), "entidad_convocante"),
        (gettext_lazy("Norma que la crea"), "norma"),
        (gettext_lazy("Periodicidad"), "get_periodicidad_display"),
        (gettext_lazy("Secretaría técnica"), "secretaria_tecnica"),
        (gettext_lazy("Organismo del tema"), "organismo"),
        (gettext_lazy("Delegado habitual"), "delegado_habitual"),
        (gettext_lazy("Activa"), "activa"),
    ]
    columnas_lista = [
        (gettext_lazy("Instancia"), "nombre"),
        (gettext_lazy("Tipo"), "get_tipo_display"),
        (gettext_lazy("Organismo del tema"), "organismo"),
        (gettext_lazy("Delegado habitual"), "delegado_habitual"),
        (gettext_lazy("Periodicidad"), "get_periodicidad_display"),
    ]
    titulo = gettext_lazy("Instancias")
    subtitulo = gettext_lazy(
        "Juntas, consejos, comités y comisiones donde el Alcalde tiene asiento."
    )
    nombre_exportacion = "instancias"
    template_name = "delegaciones/lista.html"

    def tarjeta(self, instancia):
        tarjeta = super().tarjeta(instancia)
        if instancia.activa:
            return tarjeta
        return replace(tarjeta, estado=_("Inactiva"), clase_estado="text-bg-dark")

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "instancias"
        return contexto


def _instancia(request, pk) -> Instancia:
    return obtener_visible_o_404(
        Instancia.objects.select_related("organismo", "delegado_habitual__organismo"),
        request.user,
        pk=pk,
    )


@login_required
def instancia(request, pk):
    instancia = _instancia(request, pk)
    sesiones = list(
        Sesion.objects.visibles_para(request.user)
        .filter(instancia=instancia)
        .order_by("-inicio")[:50]
    )
    delegados = (
        Delegacion.objects.filter(sesion__instancia=instancia)
        .exclude(estado__in=Delegacion.TERMINADAS_SIN_FICHA)
        .select_related("delegado", "sesion")
        .order_by("-sesion__inicio")
    )
    anteriores = {}
    for delegacion in delegados:
        anteriores.setdefault(delegacion.delegado, delegacion.sesion.fecha)
    return render(
        request,
        "delegaciones/instancia.html",
        {
            "instancia": instancia,
            "sesiones": sesiones,
            "delegados": list(anteriores.items()),
            "permanentes": DelegacionPermanente.objects.visibles_para(request.user)
            .filter(instancia=instancia)
            .select_related("delegado")
            .order_by("-desde")[:5],
            "puede_registrar_permanente": services.es_coordinador(request.user)
            and DelegacionPermanente.acceso.puede_crear(request.user)
            and instancia.puede_editar(request.user),
            "puede_editar": instancia.puede_editar(request.user),
            "pestana": "instancias",
        },
    )


@login_required
def nueva_instancia(request, pk=None):
    if pk is None:
        exigir_creacion(request.user, Instancia)
        objeto = None
    else:
        objeto = _instancia(request, pk)
        exigir_edicion(request.user, objeto)
    form = InstanciaForm(request.POST or None, instance=objeto)
    if request.method == "POST" and form.is_valid():
        if objeto is None:
            form.instance.creado_por = request.user
            guardada = form.save()
            messages.success(request, _("Se guardó la instancia."))
            return redirect(guardada)
        try:
            guardada = services.actualizar_instancia(
                instancia=objeto,
                datos={c: form.cleaned_data[c] for c in InstanciaForm.Meta.fields},
                usuario=request.user,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, _("Se guardó la instancia."))
            return redirect(guardada)
    return render(
        request,
        "delegaciones/formulario.html",
        {
            "form": form,
            "titulo": _("Editar la instancia") if objeto else _("Nueva instancia"),
            "volver": objeto.get_absolute_url() if objeto else "",
            "pestana": "instancias",
        },
        status=estado_de_respuesta(form),
    )


# --- sessions ------------------------------------------------------------------------------


class ListaSesiones(ListaView):
    modelo = Sesion
    filterset_class = FiltroSesiones
    campos_busqueda = ("instancia__nombre", "lugar", "temas")
    relacionados = ("instancia",)
    orden = ("-inicio", "-pk")
    columnas_exportacion = [
        (gettext_lazy("Instancia"), "instancia"),
        (gettext_lazy("Fecha y hora"), "inicio"),
        (gettext_lazy("Lugar"), "lugar"),
        (gettext_lazy("Enlace virtual"), "enlace_virtual"),
        (gettext_lazy("Quién asiste"), "get_asistencia_display"),
        (gettext_lazy("Temas"), "temas"),
    ]
    columnas_lista = []
    titulo = gettext_lazy("Sesiones")
    subtitulo = gettext_lazy(
        "Cada reunión de una instancia, con quién asiste o en quién se delega."
    )
    nombre_exportacion = "sesiones"
    template_name = "delegaciones/sesiones.html"

    def preparar_pagina(self, sesiones):
        # The delegation in force of each session on the page, in one query.
        vigentes = (
            Delegacion.objects.vigentes()
            .filter(sesion__in=[s.pk for s in sesiones])
            .select_related("delegado", "ficha")
        )
        self.por_sesion = {d.sesion_id: d for d in vigentes}

    def tarjeta(self, sesion):
        vigente = self.por_sesion.get(sesion.pk)
        if vigente is not None:
            estado, clase = vigente.estado_mostrado, clase_delegacion(vigente)
            quien = str(vigente.delegado)
        elif sesion.asistencia == Sesion.Asistencia.DELEGA:
            estado, clase, quien = _("Sin delegado"), "text-bg-danger", ""
        else:
            estado, clase, quien = "", "", sesion.get_asistencia_display()
        return Tarjeta(
            titulo=str(sesion.instancia),
            url=sesion.get_absolute_url(),
            estado=estado,
            clase_estado=clase,
            fecha=sesion.inicio,
            etiqueta_fecha=_("Fecha"),
            responsable=quien,
            etiqueta_responsable=_("Asiste"),
            detalles=[(_("Lugar"), sesion.lugar)] if sesion.lugar else [],
        )

    @staticmethod
    def fila(sesion, vigente, enlace) -> dict:
        """What the table shows of a session, read once (no filters or lookups per cell)."""
        return {
            "url": enlace(sesion.pk),
            "instancia": str(sesion.instancia),
            "fecha": fecha_larga(sesion.inicio),
            "hora": hora(sesion.inicio),
            "lugar": sesion.lugar or "—",
            "virtual": bool(sesion.enlace_virtual),
            "delegado": str(vigente.delegado) if vigente else "",
            "clase": clase_delegacion(vigente) if vigente else "",
            "estado": vigente.estado_mostrado if vigente else "",
            "sin_delegado": vigente is None and sesion.asistencia == Sesion.Asistencia.DELEGA,
            "asistencia": sesion.get_asistencia_display(),
        }

    def get_context_data(self, **kwargs):
        contexto = super().get_context_data(**kwargs)
        contexto["pestana"] = "sesiones"
        enlace = enlazador("delegaciones:sesion")
        contexto["filas_sesiones"] = [
            self.fila(s, self.por_sesion.get(s.pk), enlace) for s in contexto["object_list"]
        ]
        return contexto


def _sesion(request, pk) -> Sesion:
    return obtener_visible_o_404(
        Sesion.objects.select_related("instancia__delegado_habitual", "creado_por"),
        request.user,
        pk=pk,
    )


def _habituales() -> dict:
    """{instancia pk: usual delegate pk}: the form suggests the delegate (json_script)."""
    return dict(
        Instancia.objects.filter(activa=True, delegado_habitual__isnull=False).values_list(
            "pk", "delegado_habitual"
        )
    )


@login_required
def nueva_sesion(request):
    exigir_creacion(request.user, Sesion)
    inicial = {}
    elegida = Instancia.objects.filter(pk=entero(request.GET.get("instancia"))).first()
    if elegida is not None:
        inicial = {"instancia": elegida.pk, "delegado": elegida.delegado_habitual_id}
    form = SesionForm(request.POST or None, request.FILES or None, initial=inicial)
    if request.method == "POST" and form.is_valid():
        try:
            sesion = services.registrar_sesion(
                datos=form.datos_de_sesion(),
                archivos=form.archivos(),
                usuario=request.user,
                delegacion=form.datos_de_delegacion(),
            )
        except ValidationError as error:
            poner_errores(form, error)
        else:
            if form.datos_de_delegacion():
                messages.success(
                    request,
                    _(
                        "Se registró la sesión y se numeró la carta de delegación: hágala "
                        "firmar y registre la firma para notificar al delegado."
                    ),
                )
            else:
                messages.success(request, _("Se registró la sesión."))
            return redirect(sesion)
    return render(
        request,
        "delegaciones/formulario.html",
        {
            "form": form,
            "titulo": _("Nueva sesión"),
            "habituales": _habituales(),
            "pestana": "sesiones",
        },
        status=422 if form.is_bound else 200,
    )


@login_required
def editar_sesion(request, pk):
    sesion = _sesion(request, pk)
    exigir_edicion(request.user, sesion)
    form = SesionForm(request.POST or None, request.FILES or None, instance=sesion)
    if request.method == "POST" and form.is_valid():
        try:
            services.actualizar_sesion(
                sesion=sesion,
                datos=form.datos_de_sesion(),
                archivos=form.archivos(),
                usuario=request.user,
                base=form.base_de_version(),
            )
        except EdicionEnConflicto as conflicto:
            form.mostrar_conflicto(conflicto)
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(request, _("Se guardaron los cambios de la sesión."))
            return redirect(sesion)
    return render(
        request,
        "delegaciones/formulario.html",
        {
            "form": form,
            "titulo": _("Editar la sesión"),
            "volver": sesion.get_absolute_url(),
            "pestana": "sesiones",
        },
        status=estado_de_respuesta(form),
    )


def _pagina_sesion(request, sesion, *, form=None, status=200):
    delegaciones = list(
        sesion.delegaciones.select_related("delegado__organismo").order_by("-creado_en")
    )
    vigente = next(
        (d for d in delegaciones if d.estado not in Delegacion.TERMINADAS_SIN_FICHA), None
    )
    puede_delegar = (
        vigente is None
        and not sesion.ya_empezo
        and services.es_coordinador(request.user)
        and sesion.puede_editar(request.user)
    )
    if puede_delegar and form is None:
        form = DelegacionForm(
            sesion=sesion, initial={"delegado": sesion.instancia.delegado_habitual_id}
        )
    # A refused delegation shows its form with the messages even if it can no longer be made.
    return render(
        request,
        "delegaciones/sesion.html",
        {
            "sesion": sesion,
            "delegaciones": delegaciones,
            "vigente": vigente,
            "form": form,
            "permanente": services.permanente_de(sesion) if puede_delegar else None,
            "puede_editar": sesion.puede_editar(request.user),
            "pestana": "sesiones",
        },
        status=status,
    )


@login_required
def sesion(request, pk):
    return _pagina_sesion(request, _sesion(request, pk))


@login_required
def delegar(request, pk):
    """Delegate in a registered session (the form lives on the session's page)."""
    sesion = _sesion(request, pk)
    exigir_edicion(request.user, sesion)
    if request.method != "POST":
        return redirect(sesion)
    form = DelegacionForm(request.POST, sesion=sesion)
    if form.is_valid():
        datos = dict(form.cleaned_data)
        notificar_ahora = datos.pop("notificar_ahora")
        try:
            delegacion = services.delegar(
                sesion=sesion, usuario=request.user, notificar_ahora=notificar_ahora, **datos
            )
        except ValidationError as error:
            poner_errores(form, error)
        else:
            messages.success(
                request,
                _(
                    "Se numeró la carta: hágala firmar y registre la firma para notificar al delegado."
                )
                if notificar_ahora
                else _("La delegación quedó en borrador."),
            )
            return redirect(delegacion)
    return _pagina_sesion(request, sesion, form=form, status=422)
