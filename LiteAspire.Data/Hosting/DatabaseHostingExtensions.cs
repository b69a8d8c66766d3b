using LiteAspire.Data;
using LiteAspire.Data.Database;
using LiteAspire.Data.Hosting;
using LiteAspire.Data.Migrations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers LiteLLM's database: <see cref="LiteLLMDbContext"/>, a "database" readiness check and <see cref="DatabaseStatus"/>.</summary>
public static class DatabaseHostingExtensions
{
    /// <summary>Name of the readiness health check (not tagged live: a database outage must not restart the service).</summary>
    public const string HealthCheckName = "database";

    internal const string LogCategory = "LiteAspire.Data";

    /// <summary>
    /// Resolves the database (<c>ConnectionStrings:litellm</c>, <c>DATABASE_URL</c>, then <paramref name="configDatabaseUrl"/>)
    /// and registers the DbContext for PostgreSQL or the embedded SQLite file, plus the <see cref="DatabaseConnection"/>.
    /// With none configured, registers no DbContext and logs one line saying so; <see cref="DatabaseStatus"/> is always registered.
    /// With one, a hosted service applies the schema migrations at start unless <c>DISABLE_SCHEMA_UPDATE=true</c>.
    /// </summary>
    /// <exception cref="StartupConfigurationException">A configured value cannot be understood.</exception>
    public static TBuilder AddLiteLLMDatabase<TBuilder>(this TBuilder builder, string? configDatabaseUrl = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = DatabaseConnectionResolver.Resolve(builder.Configuration, configDatabaseUrl);
        var services = builder.Services;
        services.AddSingleton(sp => new DatabaseStatus(connection, sp.GetRequiredService<IServiceScopeFactory>()));

        if (connection is null)
        {
            services.AddStartupLog(LogCategory, LogLevel.Information,
                "No database configured (ConnectionStrings:litellm, DATABASE_URL, general_settings.database_url): running without one.");
            return builder;
        }

        AddDbContext(services, connection);
        services.AddSingleton(connection);
        services.AddStartupLog(LogCategory, LogLevel.Information, $"Database: {connection.Describe()} (from {connection.Source}).");
        services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    // Its own method so that a proxy without a database never loads EF Core: the JIT resolves every type a method names
    // when it compiles it, whether or not that branch runs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddDbContext(IServiceCollection services, DatabaseConnection connection)
    {
        // Consumers inject LiteLLMDbContext; the engine's subclass behind it carries that engine's migrations.
        if (connection.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<LiteLLMDbContext, PostgreSqlLiteLLMDbContext>(options =>
                QuietConnectionErrors(options.UseNpgsql(connection.ConnectionString)));
        }
        else
        {
            services.AddDbContext<LiteLLMDbContext, SqliteLiteLLMDbContext>(options =>
                QuietConnectionErrors(options.UseSqlite(connection.ConnectionString)));
        }

        services.AddHealthChecks().AddDbContextCheck<LiteLLMDbContext>(HealthCheckName);
    }

    // An unreachable database is reported once, in plain words, by whoever needed it (start-up migration, readiness);
    // EF's own "error using the connection" line, with its stack trace, would repeat it on every attempt.
    private static void QuietConnectionErrors(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));
}
