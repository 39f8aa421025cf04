from django.http import Http404, JsonResponse

from ..catalog import BOOKS


def book_list(request):
    return JsonResponse(list(BOOKS.values()), safe=False)


def book_detail(request, book_id):
    if book_id not in BOOKS:
        raise Http404("No such book")
    return JsonResponse(BOOKS[book_id])
