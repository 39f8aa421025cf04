import time

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

outbox: list[str] = []


def send_welcome_email(email):
    time.sleep(0.5)
    outbox.append(f"Welcome email sent to {email}")


async def signup(request: Request) -> JSONResponse:
    try:
        email = (await request.json())["email"]
    except (ValueError, TypeError, KeyError):
        raise HTTPException(400, "a JSON object with an email is required") from None
    task = BackgroundTask(send_welcome_email, email)
    return JSONResponse({"email": email}, status_code=202, background=task)


app = Starlette(routes=[Route("/signups", signup, methods=["POST"])])
