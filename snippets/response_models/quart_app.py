import itertools
from datetime import UTC, datetime

from pwdlib import PasswordHash
from pydantic import BaseModel, EmailStr, Field
from quart import Quart, abort
from quart_schema import (
    QuartSchema,
    RequestSchemaValidationError,
    validate_request,
    validate_response,
)

app = Quart(__name__)
QuartSchema(app)
password_hash = PasswordHash.recommended()


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    password: str = Field(min_length=12)


class UserOut(BaseModel):
    id: int
    name: str
    email: EmailStr
    created_at: datetime


users: dict[int, dict] = {}
ids = itertools.count(1)


@app.errorhandler(RequestSchemaValidationError)
async def invalid_body(error: RequestSchemaValidationError):
    errors = error.validation_error.errors(
        include_url=False, include_context=False, include_input=False
    )
    return {"errors": errors}, 400


@app.errorhandler(UnicodeDecodeError)
async def undecodable_body(error: UnicodeDecodeError):
    return {"errors": [{"type": "json_invalid", "msg": "Body is not UTF-8"}]}, 400


@app.post("/users")
@validate_request(UserIn)
@validate_response(UserOut, 201)
async def create_user(data: UserIn):
    user = {
        "id": next(ids),
        "name": data.name,
        "email": data.email,
        "created_at": datetime.now(UTC),
        "password_hash": password_hash.hash(data.password),
    }
    users[user["id"]] = user
    return user, 201


@app.get("/users/<int:user_id>")
@validate_response(UserOut)
async def read_user(user_id: int):
    if user_id not in users:
        abort(404, description="User not found")
    return users[user_id]
