using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data.Migrations;

/// <summary>The embedded SQLite variant of <see cref="LiteLLMDbContext"/>: it owns the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteLiteLLMDbContext(DbContextOptions<SqliteLiteLLMDbContext> options) : LiteLLMDbContext(options);
