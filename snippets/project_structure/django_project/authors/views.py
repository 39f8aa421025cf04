from django.http import Http404, JsonResponse

from ..catalog import AUTHORS, books_by


def author_list(request):
    return JsonResponse(list(AUTHORS.values()), safe=False)


def author_detail(request, author_id):
    if author_id not in AUTHORS:
        raise Http404("No such author")
    return JsonResponse({**AUTHORS[author_id], "books": books_by(author_id)})
