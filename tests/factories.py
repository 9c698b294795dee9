import factory
from django.contrib.auth.models import Group

from buengobierno.organizacion.models import Organismo, Usuario


class OrganismoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organismo
        django_get_or_create = ("codigo",)

    codigo = factory.Sequence(lambda n: f"{4200 + n}")
    nombre = factory.Sequence(lambda n: f"Organismo de prueba {n}")
    sigla = factory.Sequence(lambda n: f"OP{n}")


class UsuarioFactory(factory.django.DjangoModelFactory):
    """A user; `rol="Directivo"` puts it in that role's group."""

    class Meta:
        model = Usuario
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usuario{n}")
    first_name = factory.Faker("first_name", locale="es_CO")
    last_name = factory.Faker("last_name", locale="es_CO")
    email = factory.LazyAttribute(lambda u: f"{u.username}@cali.gov.co")
    organismo = factory.SubFactory(OrganismoFactory)
    cargo = "Profesional universitario"
    password = factory.django.Password("clave-de-prueba-123")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
