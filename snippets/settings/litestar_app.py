import secrets

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    name: str = "Field Guide"
    page_size: int = 20
    signup_open: bool = False
    secret_key: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(32)))


settings = Settings()


async def get_settings() -> Settings:
    return settings


@get("/config")
async def config(settings: NamedDependency[Settings]) -> dict[str, str | int | bool]:
    return settings.model_dump(include={"name", "page_size", "signup_open"})


app = Litestar(route_handlers=[config], dependencies={"settings": Provide(get_settings)})
