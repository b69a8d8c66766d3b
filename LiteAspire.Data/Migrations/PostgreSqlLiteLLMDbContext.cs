using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Migrations;

/// <summary>The PostgreSQL variant of <see cref="LiteLLMDbContext"/>: it owns the migrations in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlLiteLLMDbContext(DbContextOptions<PostgreSqlLiteLLMDbContext> options) : LiteLLMDbContext(options);
