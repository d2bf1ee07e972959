"""The project's URLs, plus the API's until the root URLconf includes it."""

from django.urls import include, path

from mattran.config.urls import urlpatterns as project

wired = any(getattr(p, "urlconf_name", None) == "mattran.api.urls" for p in project) or any(
    getattr(getattr(p, "urlconf_module", None), "__name__", "") == "mattran.api.urls"
    for p in project
)
urlpatterns = project if wired else [path("", include("mattran.api.urls")), *project]
