using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Data.Database;

/// <summary>Answers "is a database configured, and does it answer?" for readiness endpoints and status pages.</summary>
/// <param name="connection">The resolved connection, or null when the service runs without a database.</param>
/// <param name="scopes">Creates the scope a <see cref="LiteLLMDbContext"/> lives in.</param>
public sealed class DatabaseStatus(DatabaseConnection? connection, IServiceScopeFactory scopes)
{
    /// <summary>The connection in use, or null.</summary>
    public DatabaseConnection? Connection => connection;

    /// <summary>True when a database (PostgreSQL or SQLite) is configured.</summary>
    public bool IsConfigured => connection is not null;

    /// <summary>Opens a connection to check the database answers; false when none is configured or it cannot be reached.</summary>
    public async Task<bool> IsConnectedAsync(CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        return await context.Database.CanConnectAsync(cancellationToken);
    }
}
