import msgspec
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, JSONBody


class Text(msgspec.Struct):
    text: str


async def get_greeting() -> str:
    return "Hello"


@get("/hello")
async def hello(greeting: NamedDependency[str], name: FromQuery[str] = "world") -> dict[str, str]:
    return {"message": f"{greeting}, {name}!"}


@post("/reverse", status_code=200)
async def reverse(data: JSONBody[Text]) -> Text:
    return Text(text=data.text[::-1])


app = Litestar(route_handlers=[hello, reverse], dependencies={"greeting": Provide(get_greeting)})
