using LiteAspire.Hosting.ApplicationModel;
using LiteAspire.Hosting.Orchestration;
using Npgsql;

namespace LiteAspire.Hosting.Postgres;

/// <summary>Creates the database on its server when it does not exist yet; healthy once it does.</summary>
internal sealed class PostgresDatabaseRunner(PostgresDatabaseResource database) : IResourceRunner
{
    public IResource Resource => database;

    public string TypeName => database.Server.EmbeddedFallbackDirectory is null ? "database" : "sqlite";

    public IReadOnlyList<string> Urls => [];

    public IReadOnlyList<int> ProcessIds => [];

    public Task<int>? Exited => null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Server.EmbeddedFallbackDirectory is { } folder)
        {
            Directory.CreateDirectory(folder);
            return;
        }

        await using var connection = new NpgsqlConnection($"{database.Server.GetConnectionString()};Database=postgres");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task WaitHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(TimeSpan timeout) => Task.CompletedTask;
}
