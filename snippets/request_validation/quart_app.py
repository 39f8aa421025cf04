import itertools

from pydantic import BaseModel, EmailStr, Field
from quart import Quart
from quart_schema import QuartSchema, RequestSchemaValidationError, validate_request

app = Quart(__name__)
QuartSchema(app)


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    age: int = Field(ge=0)


class User(UserIn):
    id: int


users: dict[int, User] = {}
ids = itertools.count(1)


@app.errorhandler(RequestSchemaValidationError)
async def invalid_body(error: RequestSchemaValidationError):
    errors = error.validation_error.errors(
        include_url=False, include_context=False, include_input=False
    )
    return {"errors": errors}, 400


@app.post("/users")
@validate_request(UserIn)
async def create_user(data: UserIn):
    user = User(id=next(ids), **data.model_dump())
    users[user.id] = user
    return user, 201
