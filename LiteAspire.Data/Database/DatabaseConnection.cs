using Microsoft.Data.Sqlite;

using Npgsql;

namespace LiteAspire.Data.Database;

/// <summary>A resolved database connection: the engine, an ADO.NET connection string, and where it came from.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">Npgsql or Microsoft.Data.Sqlite connection string; holds secrets, never log it.</param>
/// <param name="Source">The setting it was read from, e.g. <c>DATABASE_URL</c>.</param>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString, string Source)
{
    /// <summary>Where the data lives, without credentials: safe to log.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"embedded SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    /// <summary>Hides the connection string so a logged or printed record leaks no password.</summary>
    public override string ToString() => $"{Provider} from {Source}: {Describe()}";
}
