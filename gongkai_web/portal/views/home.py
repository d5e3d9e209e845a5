from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    """The site's front page: links to the portal, the desk and the review pages."""
    return render(request, "home.html")


def portal_index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html")
