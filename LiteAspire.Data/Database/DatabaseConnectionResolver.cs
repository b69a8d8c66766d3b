using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

using Npgsql;

namespace LiteAspire.Data.Database;

/// <summary>Finds the database to use: <c>ConnectionStrings:litellm</c>, else <c>DATABASE_URL</c>, else the proxy config's <c>general_settings.database_url</c>.</summary>
public static class DatabaseConnectionResolver
{
    /// <summary>Name of the connection string an Aspire reference injects (<c>ConnectionStrings__litellm</c>).</summary>
    public const string ConnectionStringName = "litellm";

    /// <summary>LiteLLM's environment variable for the database URL.</summary>
    public const string DatabaseUrlKey = "DATABASE_URL";

    /// <summary>Resolves the connection, or null when no database is configured at all.</summary>
    /// <param name="configuration">Where connection strings and environment variables are read.</param>
    /// <param name="configDatabaseUrl">The proxy config's <c>general_settings.database_url</c>, if any; lowest precedence.</param>
    /// <exception cref="StartupConfigurationException">The configured value cannot be understood.</exception>
    public static DatabaseConnection? Resolve(IConfiguration configuration, string? configDatabaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString, $"ConnectionStrings:{ConnectionStringName}");
        }

        var databaseUrl = configuration[DatabaseUrlKey];
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            return Parse(databaseUrl, DatabaseUrlKey);
        }

        return string.IsNullOrWhiteSpace(configDatabaseUrl) ? null : Parse(configDatabaseUrl, "general_settings.database_url");
    }

    /// <summary>
    /// Reads one value: a postgres URL, an Npgsql keyword string (<c>Host=...</c>), or for SQLite a
    /// <c>Data Source=file.db</c> string, a <c>sqlite:</c> URL (<c>sqlite:///relative.db</c>, <c>sqlite:////absolute.db</c>)
    /// or a bare path ending in .db, .sqlite or .sqlite3.
    /// </summary>
    /// <exception cref="StartupConfigurationException">The value cannot be understood; the message names <paramref name="source"/>.</exception>
    public static DatabaseConnection Parse(string value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        try
        {
            if (PostgresUrl.IsPostgresUrl(trimmed))
            {
                return new(DatabaseProvider.PostgreSql, PostgresUrl.ToConnectionString(trimmed), source);
            }

            if (trimmed.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            {
                return Sqlite(SqliteUrlPath(trimmed), source);
            }

            if (!trimmed.Contains('=', StringComparison.Ordinal) && IsSqliteFileName(trimmed))
            {
                return Sqlite(trimmed, source);
            }

            return FromKeywords(trimmed, source);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new StartupConfigurationException($"{source} is not a usable database connection: {e.Message}", e);
        }
    }

    private static DatabaseConnection FromKeywords(string value, string source)
    {
        var keywords = new DbConnectionStringBuilder { ConnectionString = value };
        if (keywords.ContainsKey("Host") || keywords.ContainsKey("Server"))
        {
            return new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(value).ConnectionString, source);
        }

        if (keywords.ContainsKey("Data Source") || keywords.ContainsKey("DataSource") || keywords.ContainsKey("Filename"))
        {
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(value).ConnectionString, source);
        }

        throw new FormatException(
            "expected a postgresql:// URL, an Npgsql connection string with Host=..., or a SQLite 'Data Source=<file>.db'.");
    }

    private static DatabaseConnection Sqlite(string path, string source) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString, source);

    // SQLAlchemy's form: three slashes before a relative path, four before an absolute one.
    private static string SqliteUrlPath(string url)
    {
        var path = url["sqlite:".Length..];
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            path = path[2..];
            if (path.StartsWith('/'))
            {
                path = path[1..];
            }
        }

        return path.Length > 0 ? path : throw new FormatException("the sqlite: URL names no file.");
    }

    private static bool IsSqliteFileName(string value) =>
        value.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
        || value.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
        || value.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase);
}
