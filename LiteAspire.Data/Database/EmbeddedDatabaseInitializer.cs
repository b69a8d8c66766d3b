using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiteAspire.Data.Database;

/// <summary>Creates the embedded SQLite file (and its folder) at start, so the database exists before anything asks for it.</summary>
internal sealed class EmbeddedDatabaseInitializer(DatabaseConnection connection, IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        // Opening a SQLite connection creates the file; the schema is left to migrations.
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.CloseConnectionAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
