using LiteAspire.Data.Migrations;
using LiteAspire.Hosting;
using LiteAspire.Hosting.Postgres;
using LiteAspire.Hosting.Testing;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace LiteAspire.Data.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the PostgreSQL tests, started by the same Hosting code the AppHost uses
/// (fresh state folder, free port, stopped on dispose). Each test that needs a fresh database creates its own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private DistributedApplication? _app;
    private PostgresServerResource? _server;

    /// <summary>A database migrated once for the tests that only read the schema or write their own rows.</summary>
    public string MigratedDatabase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var database = builder.AddPostgres("pg").AddDatabase("litellm").Resource;
        _server = database.Server;
        _app = await builder.StartHealthyAsync("litellm");

        MigratedDatabase = ConnectionString(database.DatabaseName);
        await using var context = CreateContext(MigratedDatabase);
        await context.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Npgsql connection string for <paramref name="database"/> on the server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server!.GetConnectionString()) { Database = database }.ConnectionString;

    /// <summary>The server's TCP port.</summary>
    public int Port => _server!.PrimaryEndpoint.AllocatedPorts[0];

    /// <summary>LiteLLM's URL form of <paramref name="database"/>, as a user would put it in DATABASE_URL; <paramref name="port"/> overrides the server's.</summary>
    public string DatabaseUrl(string database, int? port = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(database));
        return $"postgresql://{builder.Username}:{Uri.EscapeDataString(builder.Password!)}@{builder.Host}:{port ?? builder.Port}/{database}";
    }

    /// <summary>A unique database name, not yet created.</summary>
    public static string NewDatabaseName() => "t_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= NewDatabaseName();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>The PostgreSQL context on <paramref name="connectionString"/>, as AddLiteLLMDatabase registers it.</summary>
    public static PostgreSqlLiteLLMDbContext CreateContext(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlLiteLLMDbContext>().UseNpgsql(connectionString);
        configure?.Invoke(options);
        return new(options.Options);
    }
}

/// <summary>All PostgreSQL test classes share one server.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
