using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LiteAspire.Data.Migrations;

// Used only by `dotnet ef migrations add`: it builds the model without a host and never connects.
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlLiteLLMDbContext>
{
    public PostgreSqlLiteLLMDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLiteLLMDbContext>().UseNpgsql("Host=localhost;Database=litellm").Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLiteLLMDbContext>
{
    public SqliteLiteLLMDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLiteLLMDbContext>().UseSqlite("Data Source=litellm.db").Options);
}
