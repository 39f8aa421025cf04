import time

import msgspec
from litestar import Litestar, Response, post
from litestar.background_tasks import BackgroundTask
from litestar.params import JSONBody

outbox: list[str] = []


class SignUp(msgspec.Struct):
    email: str


def send_welcome_email(email):
    time.sleep(0.5)
    outbox.append(f"Welcome email sent to {email}")


@post("/signups", status_code=202)
async def signup(data: JSONBody[SignUp]) -> Response[dict[str, str]]:
    return Response(
        {"email": data.email}, background=BackgroundTask(send_welcome_email, data.email)
    )


app = Litestar(route_handlers=[signup])
