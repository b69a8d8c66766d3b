using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiteAspire.Data.Database;

/// <summary>
/// Brings the schema up to date before the app serves: EF Core migrations for the configured engine, applied by one
/// instance at a time. <c>DISABLE_SCHEMA_UPDATE=true</c> (LiteLLM's switch) skips them. A database that does not answer
/// is logged and retried in the background; the app starts anyway and its readiness reports the database as not connected.
/// </summary>
internal sealed class DatabaseMigrator(
    DatabaseConnection connection, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DatabaseMigrator> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>LiteLLM's environment variable that turns schema migrations off.</summary>
    public const string DisableSchemaUpdateKey = "DISABLE_SCHEMA_UPDATE";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            CreateSqliteFolder();
        }

        if (configuration[DisableSchemaUpdateKey]?.Trim() is { } disable
            && (disable.Equals("true", StringComparison.OrdinalIgnoreCase) || disable == "1"))
        {
            logger.LogInformation("{Setting}=true: the schema of {Database} is left as it is.", DisableSchemaUpdateKey, connection.Describe());
            return;
        }

        if (await TryMigrateAsync(logUnreachable: true, cancellationToken) == Outcome.Unreachable)
        {
            _retries = RetryUntilReachableAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retries.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // The token source is cancelled, never disposed (it has no timer to free): a host run by app.Run() under a test factory
    // disposes its services while the factory's own StopAsync may still be calling StopAsync here.
    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        return ValueTask.CompletedTask;
    }

    private async Task<Outcome> TryMigrateAsync(bool logUnreachable, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>().Database;
        try
        {
            await ExclusiveMigration.RunAsync(database, connection.Provider, cancellationToken);
            if (connection.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging: readers never wait for the spend writer, and a commit costs one sync, not several.
                await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var last = (await database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
            logger.LogInformation("Database schema of {Database} is up to date (migration {Migration}).", connection.Describe(), last);
            return Outcome.Done;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!await CanConnectAsync(database, cancellationToken))
            {
                if (logUnreachable)
                {
                    logger.LogError("Database {Database} cannot be reached ({Reason}). Starting without it: readiness reports db \"Not connected\", and the schema is brought up to date once it answers.",
                        connection.Describe(), e.GetBaseException().Message);
                }

                return Outcome.Unreachable;
            }

            logger.LogError("Database schema of {Database} could not be brought up to date: {Reason}. Set {Setting}=true to use the schema as it is.",
                connection.Describe(), e.GetBaseException().Message, DisableSchemaUpdateKey);
            return Outcome.Failed;
        }
    }

    private async Task RetryUntilReachableAsync(CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, stopping);
                if (await TryMigrateAsync(logUnreachable: false, stopping) != Outcome.Unreachable)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> CanConnectAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, CancellationToken cancellationToken)
    {
        try
        {
            return await database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private void CreateSqliteFolder()
    {
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private enum Outcome
    {
        Done,
        Unreachable,
        Failed,
    }
}
