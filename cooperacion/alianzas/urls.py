from django.urls import path

from cooperacion.alianzas import tablero, views

app_name = "cooperacion_alianzas"

urlpatterns = [
    path("", views.ListaAlianzas.as_view(), name="inicio"),
    path("nueva/", views.nueva_alianza, name="nueva"),
    path("<int:pk>/", views.alianza, name="alianza"),
    path("<int:pk>/editar/", views.editar_alianza, name="editar"),
    path("<int:pk>/recursos/nuevo/", views.agregar_recurso, name="recurso"),
    path("<int:pk>/solicitar-concepto/", views.solicitar_concepto, name="solicitar_concepto"),
    path("<int:pk>/concepto/", views.concepto, name="concepto"),
    path("<int:pk>/firmar/", views.firmar, name="firmar"),
    path("<int:pk>/terminar/", views.terminar, name="terminar"),
    path("<int:pk>/compromiso/", views.compromiso, name="compromiso"),
    path("<int:pk>/reunion/", views.reunion, name="reunion"),
    path("cooperantes/", views.ListaCooperantes.as_view(), name="cooperantes"),
    path("cooperantes/nuevo/", views.nuevo_cooperante, name="cooperante_nuevo"),
    path("cooperantes/<int:pk>/", views.cooperante, name="cooperante"),
    path("cooperantes/<int:pk>/editar/", views.editar_cooperante, name="cooperante_editar"),
    path("cooperantes/<int:pk>/contacto/", views.agregar_contacto, name="contacto"),
    path("tablero/", tablero.tablero, name="tablero"),
]
